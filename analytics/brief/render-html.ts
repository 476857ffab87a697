import type { Appendix, Block, BriefDocument, TableBlock } from './brief-document.type.js';
import { escapeXml } from '../../platform/escape-xml.js';

/**
 * One self-contained HTML file: styles inline, charts as inline SVG, no scripts, fonts or images
 * to fetch (a Content-Security-Policy says so to the browser too), print CSS for A4 so the same
 * file is the PDF's source and prints well from any browser.
 */

const CSS = `
@page { size: A4; margin: 16mm 16mm 18mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 182mm; padding: 12mm 6mm 16mm; color: #1d2733; background: #fff;
  font: 10.5pt/1.5 "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; }
header.cover { border-bottom: 3px solid #1f5f8b; padding-bottom: 5mm; margin-bottom: 5mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8.5pt; color: #1f5f8b; font-weight: bold; margin: 0; }
h1 { font-size: 19pt; line-height: 1.2; margin: 2mm 0 1.5mm; }
.subtitle { margin: 0; color: #3b4652; }
.meta { margin: 2mm 0 0; font-size: 9pt; color: #5b6672; }
.headline { background: #eef4f9; border-left: 5px solid #1f5f8b; padding: 4mm 5mm; margin: 0 0 5mm; break-inside: avoid; }
.headline h2 { font-size: 14.5pt; margin: 0 0 2mm; line-height: 1.25; }
.headline p { margin: 0; }
.key-figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; margin: 0 0 6mm; padding: 0; list-style: none; }
.key-figure { border: 1px solid #d9dee3; border-radius: 2mm; padding: 3mm; break-inside: avoid; }
.key-figure .label { font-size: 8.5pt; color: #5b6672; display: block; min-height: 2.4em; }
.key-figure .value { font-size: 15pt; font-weight: bold; display: block; white-space: nowrap; }
.key-figure .change { font-size: 9pt; display: block; }
.key-figure .detail { font-size: 8.5pt; color: #5b6672; display: block; }
nav.contents { font-size: 9pt; columns: 2; margin: 0 0 4mm; }
nav.contents h2 { font-size: 10pt; margin: 0 0 1mm; column-span: all; }
nav.contents ol { margin: 0; padding-left: 5mm; }
nav a, .query a { color: inherit; }
section { margin: 0 0 6mm; }
h2.section { font-size: 13pt; border-bottom: 1px solid #d9dee3; padding-bottom: 1mm; margin: 6mm 0 2.5mm; break-after: avoid; }
h2.section .number { color: #1f5f8b; margin-right: 2mm; }
p, ul { margin: 0 0 2.5mm; }
ul { padding-left: 5mm; }
li { margin-bottom: 1mm; }
.query { font-size: 8pt; color: #5b6672; margin: 3mm 0 1mm; break-after: avoid; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 9pt; margin-bottom: 1mm; }
figure svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.8pt; margin: 1mm 0 1.5mm; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; font-size: 9pt; padding-bottom: 1mm; caption-side: top; }
th, td { padding: 1mm 1.5mm; border-bottom: 1px solid #e3e7eb; vertical-align: top; }
thead th { border-bottom: 1.5px solid #1d2733; text-align: left; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
tbody th { text-align: left; font-weight: normal; }
thead { display: table-header-group; }
tr.total th, tr.total td { font-weight: bold; border-top: 1.5px solid #1d2733; border-bottom: none; }
tr, tbody.start, tbody.end, table.keep { break-inside: avoid; }
caption { break-after: avoid; }
.note { font-size: 8.5pt; color: #5b6672; margin: 0 0 3mm; }
.appendix { break-before: page; }
.appendix h3 { font-size: 10.5pt; margin: 5mm 0 1mm; break-after: avoid; }
.appendix h4 { font-size: 9pt; margin: 3mm 0 1mm; break-after: avoid; }
.appendix-query { break-inside: avoid; }
.appendix pre { font: 7.6pt/1.35 "DejaVu Sans Mono", "Liberation Mono", monospace; background: #f5f7f9; border: 1px solid #e3e7eb;
  padding: 2mm; white-space: pre-wrap; word-break: break-word; margin: 0 0 2mm; }
.appendix .description { margin: 0 0 1mm; font-size: 9pt; }
@media print {
  body { max-width: none; padding: 0; }
  .screen-only { display: none; }
  nav.contents a, .query a { text-decoration: none; }
}
`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * A table short enough to move whole to the next page does; a longer one breaks between body groups
 * only: its first rows stay with the header, its last rows with the total, and the header repeats.
 */
const KEPT_TOGETHER = 2;
const SHORT_TABLE = 8;

function table(t: TableBlock, noData = ''): string {
  const cls = (i: number) => (t.columns[i]?.numeric ? ' class="num"' : '');
  const head = t.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeXml(c.label)}</th>`).join('');
  const row = (r: string[], attrs = '') =>
    `<tr${attrs}>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeXml(cell)}</th>` : `<td${cls(i)}>${escapeXml(cell)}</td>`)).join('')}</tr>`;
  const rows = t.rows.length === 0 ? [`<tr><td colspan="${t.columns.length}">${escapeXml(noData)}</td></tr>`] : t.rows.map((r) => row(r));
  // Not a <tfoot>: Chromium repeats a footer group at the foot of every page the table spans, which
  // printed the total above the rows it sums. The total is the last body row instead.
  if (t.footer) rows.push(row(t.footer, ' class="total"'));
  const note = t.note ? `<p class="note">${escapeXml(t.note)}</p>` : '';
  const caption = `<caption>${escapeXml(t.caption)}</caption><thead><tr>${head}</tr></thead>`;
  if (rows.length <= SHORT_TABLE) return `<table class="keep">${caption}<tbody>${rows.join('')}</tbody></table>${note}`;
  const start = rows.slice(0, KEPT_TOGETHER).join('');
  const middle = rows.slice(KEPT_TOGETHER, -KEPT_TOGETHER - 1).join('');
  const end = rows.slice(-KEPT_TOGETHER - 1).join('');
  return `<table>${caption}<tbody class="start">${start}</tbody><tbody>${middle}</tbody><tbody class="end">${end}</tbody></table>${note}`;
}

function block(b: Block, doc: BriefDocument): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeXml(b.text)}</p>`;
    case 'bullets':
      return `<ul>${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul>`;
    case 'query':
      return (
        `<p class="query">${escapeXml(b.ids.length > 1 ? doc.words.queries : doc.words.query)} ` +
        `${b.ids.map((id) => `<a href="#${id.toLowerCase()}">${escapeXml(id)}</a>`).join(', ')} · ${escapeXml(doc.words.seeAppendix)}</p>`
      );
    case 'table':
      return table(b, doc.words.noData);
    case 'chart':
      return `<figure><figcaption>${escapeXml(b.caption)}</figcaption>${b.svg}</figure>`;
  }
}

function keyFigures(doc: BriefDocument): string {
  return doc.keyFigures
    .map(
      (f) =>
        `<li class="key-figure"><span class="label">${escapeXml(f.label)}</span>` +
        `<span class="value">${escapeXml(f.value)}</span><span class="change">${escapeXml(f.change)}</span>` +
        `<span class="detail">${escapeXml(f.detail)} · <a href="#${f.query.toLowerCase()}">${escapeXml(f.query)}</a></span></li>`,
    )
    .join('');
}

function contents(doc: BriefDocument): string {
  return (
    `<nav class="contents" aria-label="${escapeXml(doc.words.contents)}"><h2>${escapeXml(doc.words.contents)}</h2><ol>` +
    doc.sections.map((s) => `<li><a href="#${s.id}">${escapeXml(s.title)}</a></li>`).join('') +
    `</ol><p><a href="#appendix">${escapeXml(doc.appendix.title)}</a></p></nav>`
  );
}

function sections(doc: BriefDocument): string {
  return doc.sections
    .map(
      (s) =>
        `<section id="${s.id}"><h2 class="section"><span class="number">${s.number}.</span>${escapeXml(s.title)}</h2>` +
        s.blocks.map((b) => block(b, doc)).join('\n') +
        '</section>',
    )
    .join('\n');
}

const pre = (sql: string) => `<pre><code>${escapeXml(sql)}</code></pre>`;

/** The query index, each row an anchor the page's query links land on, linking on to its statement. */
function appendixIndex(a: Appendix): string {
  return table(a.index).replace(/<tr><th scope="row">([^<]*)<\/th>/g, (row, id: string) =>
    a.index.ids.includes(id) ? `<tr id="${id.toLowerCase()}"><th scope="row"><a href="#${id.toLowerCase()}-sql">${id}</a></th>` : row,
  );
}

function appendixSql(a: Appendix): string {
  const templates = a.templates.items.length
    ? `<h3>${escapeXml(a.templates.title)}</h3><p class="description">${escapeXml(a.templates.text)}</p>` +
      a.templates.items
        .map((t) => `<div class="appendix-query" id="${t.id.toLowerCase()}"><h4>${escapeXml(t.id)}</h4>${pre(`${t.sql};`)}</div>`)
        .join('')
    : '';
  const metrics =
    `<h3>${escapeXml(a.metrics.title)}</h3><p class="description">${escapeXml(a.metrics.text)}</p>` +
    a.metrics.items
      .map(
        (m) =>
          `<div class="appendix-query"><h4>${escapeXml(m.title)}</h4><p class="description">${escapeXml(m.description)}</p>${pre(m.sql)}</div>`,
      )
      .join('');
  const statements =
    `<div class="${a.statements.print ? '' : 'screen-only'}"><h3>${escapeXml(a.statements.title)}</h3><p class="description">${escapeXml(a.statements.text)}</p>` +
    a.statements.items
      .map(
        (q) =>
          `<div class="appendix-query" id="${q.id.toLowerCase()}-sql"><h4>${escapeXml(q.id)} · ${escapeXml(q.title)}</h4>` +
          `<p class="description">${escapeXml(q.description)}</p>${q.sql.map((sql) => pre(`${sql};`)).join('')}</div>`,
      )
      .join('\n') +
    '</div>';
  return templates + metrics + statements;
}

function appendix(a: Appendix): string {
  return (
    `<section class="appendix" id="appendix"><h2 class="section">${escapeXml(a.title)}</h2>` +
    `<p>${escapeXml(a.intro)}</p><p class="note">${escapeXml(a.rerun)}</p>` +
    `<h3>${escapeXml(a.derivedTitle)}</h3><ul>${a.derived.map((d) => `<li>${escapeXml(d)}</li>`).join('')}</ul>` +
    appendixIndex(a) +
    appendixSql(a) +
    '</section>'
  );
}

export function renderHtml(doc: BriefDocument): string {
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="cover">
<p class="kicker">${escapeXml(doc.kicker)}</p>
<h1>${escapeXml(doc.title)}</h1>
<p class="subtitle">${escapeXml(doc.subtitle)}</p>
<p class="meta">${escapeXml(doc.preparedFor)} · ${escapeXml(doc.dataAsOf)}</p>
</header>
<main>
<div class="headline" id="headline"><h2>${escapeXml(doc.headline.title)}</h2><p>${escapeXml(doc.headline.lead)}</p></div>
<ul class="key-figures">${keyFigures(doc)}</ul>
${contents(doc)}
${sections(doc)}
${appendix(doc.appendix)}
</main>
</body>
</html>
`;
}
