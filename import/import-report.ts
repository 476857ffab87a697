import path from 'node:path';
import type { ImportKind, RowError } from './importer.js';

export interface ImportReport {
  kind: ImportKind;
  /** The file's name, as recorded in the audit entry. */
  file: string;
  /** Data rows read; blank lines are not rows. */
  rows: number;
  /** New natural keys. */
  inserted: number;
  /** Keys already stored with at least one different value. */
  updated: number;
  /** Keys already stored with exactly these values: nothing written. */
  unchanged: number;
  /** Rows with at least one error. */
  rejected: number;
  /** False when nothing was written: errors without skipInvalid, or a file-level error. */
  committed: boolean;
  /** The first `maxErrors` errors in line order; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  rejectsPath: string | null;
  durationMs: number;
}

export function emptyReport(kind: ImportKind, filePath: string): ImportReport {
  return {
    kind,
    file: path.basename(filePath),
    rows: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    committed: false,
    errors: [],
    errorCount: 0,
    rejectsPath: null,
    durationMs: 0,
  };
}

/** Keeps the first few errors for the report and counts the rest. */
export class ErrorLog {
  constructor(
    private readonly report: ImportReport,
    private readonly max: number,
  ) {}

  add(errors: readonly RowError[]): void {
    this.report.errorCount += errors.length;
    for (const e of errors) if (this.report.errors.length < this.max) this.report.errors.push(e);
  }
}
