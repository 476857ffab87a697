import type { Block, BriefDocument, TableBlock } from './brief-document.type.js';
import { escapeXml } from '../../platform/escape-xml.js';

/**
 * One self-contained HTML file: styles inline, charts as inline SVG, no scripts, fonts or images
 * to fetch (a Content-Security-Policy says so to the browser too), print CSS for A4 so the same
 * file is the PDF's source and prints well from any browser.
 */

export const CSS = `
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
.scope { margin: 1.5mm 0 0; font-weight: bold; color: #1f5f8b; }
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
td.num.words { white-space: normal; }
tbody th { text-align: left; font-weight: normal; }
thead { display: table-header-group; }
tr.total th, tr.total td { font-weight: bold; border-top: 1.5px solid #1d2733; border-bottom: none; }
tr, tbody.start, tbody.end, table.keep { break-inside: avoid; }
caption { break-after: avoid; }
.note { font-size: 8.5pt; color: #5b6672; margin: 0 0 3mm; }
.appendix-pointer .file { white-space: nowrap; font-weight: bold; }
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

export function table(t: TableBlock, noData = ''): string {
  const cls = (i: number) => (t.columns[i]?.numeric ? ' class="num"' : '');
  const head = t.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeXml(c.label)}</th>`).join('');
  // A figure stays on one line; a change in words ("dari … menjadi …") may wrap.
  const cellClass = (i: number, cell: string) =>
    t.columns[i]?.numeric ? (/[a-z]{4,} .+ [a-z]{2,}/.test(cell) ? ' class="num words"' : ' class="num"') : '';
  const row = (r: string[], attrs = '') =>
    `<tr${attrs}>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeXml(cell)}</th>` : `<td${cellClass(i, cell)}>${escapeXml(cell)}</td>`)).join('')}</tr>`;
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

/** A query id's link: its row in the appendix file, beside the brief. */
const queryHref = (doc: BriefDocument, id: string) => `${escapeXml(doc.files.appendix.html)}#${id.toLowerCase()}`;

function block(b: Block, doc: BriefDocument): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${escapeXml(b.text)}</p>`;
    case 'bullets':
      return `<ul>${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul>`;
    case 'query':
      return (
        `<p class="query">${escapeXml(b.ids.length > 1 ? doc.words.queries : doc.words.query)} ` +
        `${b.ids.map((id) => `<a href="${queryHref(doc, id)}">${escapeXml(id)}</a>`).join(', ')} · ${escapeXml(doc.words.seeAppendix)}</p>`
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
        `<span class="detail">${escapeXml(f.detail)} · <a href="${queryHref(doc, f.query)}">${escapeXml(f.query)}</a></span></li>`,
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

/** Where the appendix was: a pointer to its own file (the PDF prints the file name, as its links cannot follow). */
function appendixPointer(doc: BriefDocument): string {
  const file = escapeXml(doc.files.appendix.html);
  return (
    `<section class="appendix-pointer" id="appendix"><h2 class="section">${escapeXml(doc.appendix.title)}</h2>` +
    `<p>${escapeXml(doc.appendix.pointer)}</p><p class="file"><a href="${file}">${file}</a></p></section>`
  );
}

/** The document around a body: the styles, the policy that nothing is fetched, the cover. */
export function htmlPage(doc: BriefDocument, title: string, body: string): string {
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="cover">
<p class="kicker">${escapeXml(doc.kicker)}</p>
<h1>${escapeXml(doc.title)}</h1>
<p class="subtitle">${escapeXml(doc.subtitle)}</p>
${doc.scope ? `<p class="scope">${escapeXml(doc.scope)}</p>\n` : ''}<p class="meta">${escapeXml(doc.preparedFor)} · ${escapeXml(doc.dataAsOf)}</p>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderHtml(doc: BriefDocument): string {
  return htmlPage(
    doc,
    doc.title,
    `<div class="headline" id="headline"><h2>${escapeXml(doc.headline.title)}</h2><p>${escapeXml(doc.headline.lead)}</p></div>
<ul class="key-figures">${keyFigures(doc)}</ul>
${contents(doc)}
${sections(doc)}
${appendixPointer(doc)}`,
  );
}
