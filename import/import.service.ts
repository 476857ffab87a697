import { batchAuditKey } from '../schema/audit-key.js';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { BatchRun } from './batch-run.js';
import { CsvReader, checkHeader, isCsvSyntaxError, type CsvRecord, type Header } from './csv.reader.js';
import { ErrorLog, emptyReport, type ImportReport } from './import-report.js';
import type { ImportKind, ImporterDefinition, RowError } from './importer.js';
import { IMPORTERS } from './importers.js';
import { KeyLedger } from './key-ledger.js';
import { todayIn } from '../platform/dates.js';
import { RejectsWriter } from './rejects.writer.js';
import { DB_ROLES } from '../platform/db/roles.js';

export type { ImportReport } from './import-report.js';

export interface ImportOptions {
  /** Import the good rows and reject the bad ones, instead of importing nothing. */
  skipInvalid?: boolean;
  /** Where rejected rows go. Default with skipInvalid: `<file>.rejects.csv` beside the file; without, none. */
  rejectsPath?: string;
  /** Recorded in the audit entry. Default: $USER, else 'cli'. */
  actor?: string;
  batchSize?: number;
  /** How many errors the report keeps (the rejects file keeps them all). */
  maxErrors?: number;
  /** YYYY-MM-DD; default today in Kutai Kartanegara. Decides enrolment statuses. */
  today?: string;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
}

const DEFAULT_BATCH_SIZE = 5_000;
const DEFAULT_MAX_ERRORS = 100;

/**
 * Imports one CSV file in one transaction: rows stream in, are checked, and are upserted a
 * batch at a time. Any bad row rolls the whole file back unless `skipInvalid` is set; either
 * way every error is reported with its line and field. Takes a pool (tests) or a URL.
 */
export async function importCsv(
  target: pg.Pool | string,
  kind: ImportKind,
  filePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const pool = typeof target === 'string' ? new pg.Pool({ connectionString: target, max: 1 }) : target;
  try {
    return await runImport(pool, kind, IMPORTERS[kind], filePath, options);
  } finally {
    if (typeof target === 'string') await pool.end();
  }
}

export function defaultRejectsPath(filePath: string): string {
  return `${filePath.replace(/\.csv$/i, '')}.rejects.csv`;
}

async function runImport<P, R>(
  pool: pg.Pool,
  kind: ImportKind,
  definition: ImporterDefinition<P, R>,
  filePath: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = performance.now();
  const report = emptyReport(kind, filePath);
  const errors = new ErrorLog(report, options.maxErrors ?? DEFAULT_MAX_ERRORS);
  const finish = () => ({ ...report, durationMs: Math.round(performance.now() - started) });

  const reader = new CsvReader(filePath);
  const records = reader.records();
  const header = await readHeader(reader, records, definition);
  if (Array.isArray(header)) {
    await records.return?.();
    errors.add(header);
    return finish();
  }

  const skipInvalid = options.skipInvalid ?? false;
  report.rejectsPath = options.rejectsPath ?? (skipInvalid ? defaultRejectsPath(filePath) : null);
  if (report.rejectsPath !== null && path.resolve(report.rejectsPath) === path.resolve(filePath)) {
    await records.return?.();
    throw new Error(`the rejects file must not be the file being imported (${filePath})`);
  }
  const client = await pool.connect();
  let rejects: RejectsWriter | null = null;
  let broken: Error | undefined;
  try {
    if (report.rejectsPath !== null) rejects = RejectsWriter.open(report.rejectsPath, header.names);
    await client.query('begin');
    // Writes through the import's own role and policies (migration region_scopes); `set local` ends with the transaction.
    await client.query(`set local role ${DB_ROLES.importer}`);
    const importer = definition.create({ columns: new Set(header.names), today: options.today ?? todayIn() });
    const run = new BatchRun(client, definition, importer, header, new KeyLedger(), report, errors, rejects);
    const progress = () => {
      const elapsedMs = performance.now() - started;
      options.onProgress?.({ rows: report.rows, elapsedMs, rowsPerSecond: report.rows / Math.max(elapsedMs / 1000, 0.001) });
    };
    const fileError = await streamBatches(reader, records, run, options.batchSize ?? DEFAULT_BATCH_SIZE, progress);
    if (fileError) errors.add([fileError]);

    if (fileError || (report.errorCount > 0 && !skipInvalid)) {
      await client.query('rollback');
      report.inserted = report.updated = report.unchanged = 0;
    } else {
      const { inserted, updated, unchanged, rejected } = report;
      // One entry per file: a batch keyed by its kind and file name (schema/audit-key.ts).
      const key = batchAuditKey(kind, report.file);
      await client.query(`insert into audit_entry (actor, action, entity_type, entity_id, after) values ($1, 'IMPORT', $2, $3, $4)`, [
        options.actor ?? process.env.USER ?? 'cli',
        key.entityType,
        key.entityId,
        JSON.stringify({ inserted, updated, unchanged, rejected }),
      ]);
      await client.query('commit');
      report.committed = true;
    }
  } catch (error) {
    await client.query('rollback').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is discarded rather than returned to the pool.
    client.release(broken);
    await rejects?.close();
  }
  return finish();
}

async function readHeader<P, R>(
  reader: CsvReader,
  records: AsyncIterator<CsvRecord>,
  definition: ImporterDefinition<P, R>,
): Promise<Header | RowError[]> {
  try {
    const first = await records.next();
    if (first.done) return [{ line: 1, field: 'header', reason: 'the file is empty; a header row naming the columns is required' }];
    return checkHeader(first.value, definition.required, definition.optional);
  } catch (error) {
    if (!isCsvSyntaxError(error)) throw error;
    return [{ line: reader.nextLine, field: 'file', reason: `CSV syntax error: ${error.message}` }];
  }
}

/**
 * Feeds the rows to `run` a batch at a time. While the database stores one batch, the next
 * is read and checked, so parsing and writing overlap. Returns the syntax error that ended
 * the file early, if any: after a broken quote every later line is ambiguous.
 */
async function streamBatches<P, R>(
  reader: CsvReader,
  records: AsyncIterable<CsvRecord>,
  run: BatchRun<P, R>,
  batchSize: number,
  onBatch: () => void,
): Promise<RowError | null> {
  let storing: Promise<void> = Promise.resolve();
  const store = async (batch: readonly CsvRecord[]) => {
    const checked = run.check(batch);
    await storing;
    onBatch();
    storing = run.store(checked);
    // Awaited at the next batch or the end; this only keeps an early failure from counting as unhandled.
    storing.catch(() => {});
  };
  let fileError: RowError | null = null;
  let batch: CsvRecord[] = [];
  try {
    for await (const record of records) {
      batch.push(record);
      if (batch.length < batchSize) continue;
      await store(batch);
      batch = [];
    }
    if (batch.length > 0) await store(batch);
  } catch (error) {
    if (!isCsvSyntaxError(error)) throw error;
    fileError = { line: reader.nextLine, field: 'file', reason: `CSV syntax error: ${error.message}` };
  }
  await storing;
  onBatch();
  return fileError;
}
