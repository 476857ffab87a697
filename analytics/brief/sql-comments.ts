import type { Lang } from './number-format.js';

/**
 * The SQL appendix speaks the brief's language, comments included. The statements a brief prints are
 * compiled by the semantic layer (analytics/semantic) and the measures' definitions beside them
 * (measureSql) carry no comments, so today there is nothing to translate; a comment block put into
 * either is keyed here by its English text (its lines joined by one space), and without its Indonesian
 * translation test/analytics/brief.test.ts fails on it. Only comments change: the statement a reader
 * reruns is the one that ran.
 */
const ID: Record<string, string> = {};

const TRANSLATIONS: Record<Lang, Record<string, string> | null> = { id: ID, en: null };

const COMMENT = /^(\s*)-- ?(.*)$/;
const WIDTH = 100;

/** Words into `-- ` lines of at most about WIDTH characters. */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + 3 + line.length + 1 + word.length > WIDTH) {
      lines.push(`${indent}-- ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}-- ${line}`);
  return lines;
}

interface CommentBlock {
  start: number;
  end: number;
  indent: string;
  text: string;
}

/** Runs of consecutive comment lines, each with its text joined by single spaces. */
function commentBlocks(lines: string[]): CommentBlock[] {
  const blocks: CommentBlock[] = [];
  lines.forEach((line, i) => {
    const m = COMMENT.exec(line);
    if (!m) return;
    const last = blocks[blocks.length - 1];
    if (last && last.end === i) {
      last.end = i + 1;
      last.text = `${last.text} ${m[2]}`;
    } else blocks.push({ start: i, end: i + 1, indent: m[1] ?? '', text: m[2] ?? '' });
  });
  return blocks;
}

/** The statement with its comments in `lang`; English is the files' own. */
export function localiseSql(sql: string, lang: Lang): string {
  const dictionary = TRANSLATIONS[lang];
  if (!dictionary) return sql;
  const lines = sql.split('\n');
  const out: string[] = [];
  let next = 0;
  for (const block of commentBlocks(lines)) {
    out.push(...lines.slice(next, block.start));
    const translated = dictionary[block.text];
    out.push(...(translated === undefined ? lines.slice(block.start, block.end) : wrap(translated, block.indent)));
    next = block.end;
  }
  out.push(...lines.slice(next));
  return out.join('\n');
}

/** The comment blocks of `sql` that have no translation into `lang` (none for English). */
export function untranslatedComments(sql: string, lang: Lang): string[] {
  const dictionary = TRANSLATIONS[lang];
  if (!dictionary) return [];
  return commentBlocks(sql.split('\n'))
    .map((b) => b.text)
    .filter((text) => dictionary[text] === undefined);
}
