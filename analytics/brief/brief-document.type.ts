import type { AppendixFormat } from './brief-files.js';
import type { Lang } from './number-format.js';

/**
 * A brief in one language as the renderers receive it: formatted figures already put into
 * sentences, tables and charts, in page order. The HTML and Markdown renderers only lay this out,
 * so both print the same words and the same figures.
 */

export interface Column {
  label: string;
  numeric: boolean;
}

export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: Column[];
  rows: string[][];
  footer?: string[];
  note?: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  /** The named queries the blocks after it read (Evidence-style: the query sits before its use). */
  | { kind: 'query'; ids: string[] }
  | TableBlock
  /** `fallback` is what a format without SVG shows instead; none when a table beside it already has the figures. */
  | { kind: 'chart'; caption: string; svg: string; fallback?: TableBlock };

export interface Section {
  number: number;
  id: string;
  title: string;
  blocks: Block[];
}

export interface KeyFigure {
  label: string;
  value: string;
  change: string;
  detail: string;
  query: string;
}

export interface Headline {
  title: string;
  lead: string;
  query: string;
}

export interface AppendixQuery {
  id: string;
  title: string;
  description: string;
  sql: string[];
}

export interface Appendix {
  title: string;
  /** What the brief says where the appendix was: it is in its own file (the renderers add the link). */
  pointer: string;
  /** The appendix page's way back to the brief. */
  backToBrief: string;
  intro: string;
  rerun: string;
  derivedTitle: string;
  derived: string[];
  /** Which query filled which template; its rows carry the query ids the page links to. */
  index: TableBlock & { ids: string[] };
  templates: { title: string; text: string; items: Array<{ id: string; sql: string }> };
  metrics: { title: string; text: string; items: Array<{ title: string; description: string; sql: string }> };
  /** Every statement as it ran; `print` is false when the templates say the same in fewer pages. */
  statements: { title: string; text: string; print: boolean; items: AppendixQuery[] };
}

export interface BriefDocument {
  lang: Lang;
  year: number;
  compare: number;
  /** The brief's own files and its appendix's, by format: the links between them. */
  files: { brief: Record<'html' | 'md', string>; appendix: Record<AppendixFormat, string> };
  /** "Sponsor: CSR PT … (CSR-EMP-00001)" for a sponsor's brief; empty for the whole regency's. */
  scope: string;
  kicker: string;
  title: string;
  subtitle: string;
  preparedFor: string;
  dataAsOf: string;
  headline: Headline;
  keyFigures: KeyFigure[];
  sections: Section[];
  appendix: Appendix;
  words: { contents: string; query: string; queries: string; seeAppendix: string; noData: string };
}
