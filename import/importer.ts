import type { Db, UpsertSpec } from './upsert.js';

/** Kinds in dependency order: each may reference rows of the kinds before it. */
export const IMPORT_KINDS = ['employers', 'sponsors', 'budgets', 'workers', 'enrolments', 'contributions', 'claims', 'workforce'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type { Db };

export interface FieldError {
  field: string;
  reason: string;
}

/** `line` is the physical line in the file where the row starts; the header is line 1. */
export interface RowError extends FieldError {
  line: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** One data row; `get` gives '' for an optional column the file leaves out. */
export interface Cells {
  get(column: string): string;
}

export interface ImporterContext {
  /** The columns this file has (normalised header names). */
  columns: ReadonlySet<string>;
  /** Today in Kutai Kartanegara (YYYY-MM-DD), for statuses derived from dates. */
  today: string;
}

/**
 * One CSV kind. `parse` checks a row on its own, `resolve` turns codes into ids for a whole
 * batch with a few queries, and `upsert` writes the batch on its natural key.
 */
export interface Importer<Parsed, Ready> {
  parse(cells: Cells): Checked<Parsed>;
  key(row: Parsed): string;
  resolve(db: Db, rows: readonly Parsed[]): Promise<Array<Checked<Ready>>>;
  readonly upsert: UpsertSpec<Ready>;
}

export interface ImporterDefinition<Parsed, Ready> {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Columns of the natural key: a later row repeating them in the same file is an error. */
  readonly keyColumns: readonly string[];
  /** A fresh importer per file, so reference caches never outlive one transaction. */
  create(context: ImporterContext): Importer<Parsed, Ready>;
}

/** Joins the parts of a composite natural key; a control character no code or date contains. */
export const KEY_SEPARATOR = '\u001f';
