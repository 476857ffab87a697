import type { Block, BriefDocument, TableBlock } from './brief-document.type.js';

/**
 * The brief as Markdown (GitHub-flavoured tables): the same words and figures as the HTML. A bar
 * chart is left out where the table beside it holds its figures; a monthly line chart becomes a
 * table of its points.
 */

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function table(t: TableBlock, noData = ''): string {
  const align = t.columns.map((c) => (c.numeric ? '---:' : ':---'));
  const lines = [
    `**${cell(t.caption)}**`,
    '',
    `| ${t.columns.map((c) => cell(c.label)).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...(t.rows.length === 0 ? [`| ${[noData, ...t.columns.slice(1).map(() => '')].map(cell).join(' | ')} |`] : []),
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    ...(t.footer ? [`| ${t.footer.map((c) => `**${cell(c)}**`).join(' | ')} |`] : []),
  ];
  if (t.note) lines.push('', `_${t.note}_`);
  return lines.join('\n');
}

/** A query id linked to its entry in the appendix file beside the brief. */
const queryLink = (doc: BriefDocument, id: string) => `[${id}](${doc.files.appendix.md}#${id.toLowerCase()})`;

function block(b: Block, doc: BriefDocument): string | null {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'bullets':
      return b.items.map((i) => `- ${i}`).join('\n');
    case 'query':
      return `<sub>${b.ids.length > 1 ? doc.words.queries : doc.words.query} ${b.ids.map((id) => queryLink(doc, id)).join(', ')} · ${doc.words.seeAppendix}</sub>`;
    case 'table':
      return table(b, doc.words.noData);
    case 'chart':
      return b.fallback ? table(b.fallback, doc.words.noData) : null;
  }
}

export function renderMarkdown(doc: BriefDocument): string {
  const out: string[] = [
    `_${doc.kicker}_`,
    `# ${doc.title}`,
    doc.subtitle,
    ...(doc.scope ? [`**${doc.scope}**`] : []),
    `${doc.preparedFor} · ${doc.dataAsOf}`,
    `> **${doc.headline.title}**\n>\n> ${doc.headline.lead}`,
    doc.keyFigures.map((f) => `- **${f.label}: ${f.value}** · ${f.change} · ${f.detail} · ${queryLink(doc, f.query)}`).join('\n'),
  ];
  for (const section of doc.sections) {
    out.push(`## ${section.number}. ${section.title}`);
    for (const b of section.blocks) {
      const text = block(b, doc);
      if (text !== null) out.push(text);
    }
  }
  out.push(`## ${doc.appendix.title}`, `${doc.appendix.pointer} [${doc.files.appendix.md}](${doc.files.appendix.md})`);
  return `${out.join('\n\n')}\n`;
}
