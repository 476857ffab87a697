import type { Appendix, BriefDocument } from './brief-document.type.js';
import { escapeXml } from '../../platform/escape-xml.js';
import { htmlPage, table } from './render-html.js';

/**
 * The methods appendix as its own page (`brief-2023-vs-2022.id.sql.html`), in the brief's language:
 * the brief links each query id to its row here, and each row to its statement. Kept out of the
 * brief so that the pages a Bupati reads stay few.
 */

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

export function renderAppendixHtml(doc: BriefDocument): string {
  const brief = escapeXml(doc.files.brief.html);
  return htmlPage(
    doc,
    `${doc.appendix.title} · ${doc.title}`,
    `<p class="note">${escapeXml(doc.appendix.backToBrief)} <a href="${brief}">${brief}</a></p>\n${appendix(doc.appendix)}`,
  );
}
