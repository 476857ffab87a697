import type { BriefDocument } from './brief-document.type.js';
import { table } from './render-markdown.js';

/**
 * The methods appendix as its own Markdown file (`brief-2023-vs-2022.id.sql.md`), in the brief's
 * language. Each statement carries an anchor (`#q3`) that the brief's query links land on.
 */
export function renderAppendixMarkdown(doc: BriefDocument): string {
  const a = doc.appendix;
  const brief = doc.files.brief.md;
  const out: string[] = [
    `_${doc.kicker}_`,
    `# ${a.title}`,
    `${doc.title}${doc.scope ? ` · ${doc.scope}` : ''} · ${doc.dataAsOf}`,
    `${a.backToBrief} [${brief}](${brief})`,
    a.intro,
    `_${a.rerun}_`,
    `### ${a.derivedTitle}`,
    a.derived.map((d) => `- ${d}`).join('\n'),
    table(a.index),
  ];
  if (a.templates.items.length) {
    out.push(`### ${a.templates.title}`, a.templates.text, ...a.templates.items.map((t) => `**${t.id}**\n\n\`\`\`sql\n${t.sql};\n\`\`\``));
  }
  out.push(
    `### ${a.metrics.title}`,
    a.metrics.text,
    ...a.metrics.items.map((m) => `**${m.title}**: ${m.description}\n\n\`\`\`sql\n${m.sql}\n\`\`\``),
  );
  out.push(`### ${a.statements.title}`, a.statements.text);
  for (const q of a.statements.items) {
    out.push(
      `<a id="${q.id.toLowerCase()}"></a>\n\n#### ${q.id} · ${q.title}`,
      q.description,
      ...q.sql.map((sql) => `\`\`\`sql\n${sql};\n\`\`\``),
    );
  }
  return `${out.join('\n\n')}\n`;
}
