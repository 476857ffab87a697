import type { CsvRecord, Header } from './csv.reader.js';
import type { ErrorLog, ImportReport } from './import-report.js';
import type { Cells, Db, FieldError, Importer, ImporterDefinition } from './importer.js';
import type { KeyLedger } from './key-ledger.js';
import type { RejectsWriter } from './rejects.writer.js';
import { upsertRows, upsertSql, type UpsertCounts } from './upsert.js';

interface Rejected {
  record: CsvRecord;
  errors: FieldError[];
}

export interface CheckedBatch<P> {
  rows: number;
  /** Rows that passed on their own and repeat no earlier key. */
  unique: Array<{ record: CsvRecord; row: P }>;
  rejected: Rejected[];
}

/** The per-batch pipeline: check rows and refuse repeated keys, then resolve references and upsert. */
export class BatchRun<P, R> {
  private readonly sql: string;
  private readonly keyField: string;

  constructor(
    private readonly db: Db,
    private readonly definition: ImporterDefinition<P, R>,
    private readonly importer: Importer<P, R>,
    private readonly header: Header,
    private readonly ledger: KeyLedger,
    private readonly report: ImportReport,
    private readonly errors: ErrorLog,
    private readonly rejects: RejectsWriter | null,
  ) {
    this.sql = upsertSql(importer.upsert);
    this.keyField = definition.keyColumns.join('+');
  }

  /** The synchronous part: each row checked on its own, then against the keys before it. */
  check(batch: readonly CsvRecord[]): CheckedBatch<P> {
    const rejected: Rejected[] = [];
    const parsed: Array<{ record: CsvRecord; row: P }> = [];
    for (const record of batch) {
      if (record.values.length !== this.header.names.length) {
        const reason = `has ${record.values.length} fields but the header has ${this.header.names.length}`;
        rejected.push({ record, errors: [{ field: 'row', reason }] });
        continue;
      }
      const result = this.importer.parse(this.cells(record.values));
      if (result.ok) parsed.push({ record, row: result.value });
      else rejected.push({ record, errors: result.errors });
    }
    const repeats = this.ledger.claim(parsed.map((p) => ({ key: this.importer.key(p.row), line: p.record.line })));
    const unique = parsed.filter((p, i) => {
      const earlier = repeats.get(i);
      if (earlier === undefined) return true;
      const reason = `repeats line ${earlier}: ${this.definition.keyColumns.join(', ')} must be unique within a file`;
      rejected.push({ record: p.record, errors: [{ field: this.keyField, reason }] });
      return false;
    });
    return { rows: batch.length, unique, rejected };
  }

  /** The database part: resolve references, upsert, report rejects in line order. */
  async store({ rows, unique, rejected }: CheckedBatch<P>): Promise<void> {
    const ready: Array<{ record: CsvRecord; row: R }> = [];
    const resolved =
      unique.length === 0
        ? []
        : await this.importer.resolve(
            this.db,
            unique.map((u) => u.row),
          );
    resolved.forEach((result, i) => {
      const record = unique[i]!.record;
      if (result.ok) ready.push({ record, row: result.value });
      else rejected.push({ record, errors: result.errors });
    });
    await this.write(ready, rejected);

    this.report.rows += rows;
    rejected.sort((a, b) => a.record.line - b.record.line);
    for (const r of rejected) await this.reject(r);
  }

  private cells(values: readonly string[]): Cells {
    const index = this.header.index;
    return { get: (column) => values[index.get(column) ?? -1] ?? '' };
  }

  /**
   * The checks above should leave nothing for the database to refuse. If it does refuse a
   * batch anyway, the batch is retried row by row so only the offending rows are rejected.
   */
  private async write(ready: ReadonlyArray<{ record: CsvRecord; row: R }>, rejected: Rejected[]): Promise<void> {
    if (ready.length === 0) return;
    await this.db.query('savepoint import_batch');
    try {
      this.count(
        await upsertRows(
          this.db,
          this.importer.upsert,
          this.sql,
          ready.map((r) => r.row),
        ),
        ready.length,
      );
    } catch (error) {
      if (!isRowRefusal(error)) throw error;
      await this.db.query('rollback to savepoint import_batch');
      for (const item of ready) {
        await this.db.query('savepoint import_row');
        try {
          this.count(await upsertRows(this.db, this.importer.upsert, this.sql, [item.row]), 1);
          await this.db.query('release savepoint import_row');
        } catch (rowError) {
          if (!isRowRefusal(rowError)) throw rowError;
          await this.db.query('rollback to savepoint import_row');
          const field = rowError.column ?? rowError.constraint ?? 'row';
          rejected.push({ record: item.record, errors: [{ field, reason: `refused by the database: ${rowError.message}` }] });
        }
      }
    }
    await this.db.query('release savepoint import_batch');
  }

  private count(counts: UpsertCounts, rows: number): void {
    this.report.inserted += counts.inserted;
    this.report.updated += counts.updated;
    this.report.unchanged += rows - counts.inserted - counts.updated;
  }

  private async reject({ record, errors }: Rejected): Promise<void> {
    // Errors in the order of the file's columns, whatever order the checks ran in.
    const position = (field: string) => this.header.index.get(field.split('+')[0]!) ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...errors].sort((a, b) => position(a.field) - position(b.field));
    this.report.rejected++;
    this.errors.add(ordered.map((e) => ({ line: record.line, ...e })));
    await this.rejects?.write(record.values, record.line, ordered);
  }
}

interface PgRefusal extends Error {
  code: string;
  column?: string;
  constraint?: string;
}

/** Data exceptions (22xxx) and integrity violations (23xxx) concern a row; anything else is a real failure. */
function isRowRefusal(error: unknown): error is PgRefusal {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^2[23]/.test(code);
}
