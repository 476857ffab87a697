import fs from 'node:fs';
import type { Logger } from '../platform/logger.js';
import { failIfBroken, runChecks, stageViews } from './checks.js';
import { EtlCheckError } from './errors.js';
import type { SourceSnapshot } from './extract.js';
import type { HistoryCounts } from './history-counts.js';
import { type Ledger, newRunId, type RunRecord } from './ledger.js';
import { ParquetLoader } from './load.js';
import type { ExtractContext, SnapshotMode, TableSpec } from './table-spec.js';
import { TABLES } from './tables.js';
import { listParquet, type PartitionEntry, type WarehouseLayout } from './warehouse.js';

export interface ProgressEvent {
  date: string;
  table: string;
  rows: number;
  seconds: number;
  done: boolean;
}

/** What one date's run needs from the service. */
export interface DateRunContext {
  layout: WarehouseLayout;
  ledger: Ledger;
  log: Logger;
  duckdb?: { threads?: number; memoryLimit?: string };
  onProgress?: (event: ProgressEvent) => void;
  /** The run's stop request: DuckDB is interrupted and the source disconnected when it fires. */
  signal: AbortSignal;
  /** Source counts of several history dates at once, where a table has them (history-counts.ts). */
  historyCounts?: HistoryCounts;
}

export interface Loaded {
  record: RunRecord;
  entries: Record<string, PartitionEntry>;
}

export function newRecord(date: string, mode: SnapshotMode): RunRecord {
  return {
    run_id: newRunId(),
    snapshot_date: date,
    mode,
    started_at: new Date().toISOString(),
    finished_at: null,
    loaded_at: null,
    status: 'running',
    pid: process.pid,
    rows: {},
    source_counts: {},
    checksums: {},
    table_seconds: {},
    error: null,
  };
}

/** Records the run as failed and deletes its files (its pipe and spill folder included). */
export function failRun(run: Pick<DateRunContext, 'layout' | 'ledger'>, record: RunRecord, error: Error): void {
  run.ledger.write({ ...record, status: 'failed', finished_at: new Date().toISOString(), error: error.message });
  fs.rmSync(run.layout.runDir(record.run_id), { recursive: true, force: true });
}

/**
 * Extracts and verifies one date into its run's folder; publishes nothing. `record` is
 * written to the ledger as the run goes; on any failure it is marked failed and its files
 * deleted before the error goes on.
 */
export async function loadDate(run: DateRunContext, source: SourceSnapshot, ctx: ExtractContext, record: RunRecord): Promise<Loaded> {
  const { layout, log } = run;
  const runId = record.run_id;
  run.ledger.write(record);
  log.info({ runId, date: ctx.date, mode: ctx.mode }, 'etl: run started');
  let loader: ParquetLoader | undefined;
  try {
    loader = await ParquetLoader.create(layout.runTmp(runId), run.duckdb, run.signal);
    const entries: Record<string, PartitionEntry> = {};
    const files: Record<string, string[]> = {};
    for (const spec of TABLES) {
      run.signal.throwIfAborted();
      entries[spec.name] = await loadTable(run, source, loader, ctx, record, spec);
      files[spec.name] = entries[spec.name]!.files.map((f) => layout.abs(f));
    }
    const checksStart = performance.now();
    await stageViews(loader.connection, files);
    failIfBroken('data checks', await runChecks(loader.connection));
    log.info({ runId, date: ctx.date, seconds: Math.round(performance.now() - checksStart) / 1000 }, 'etl: data checks passed');
    loader.close();
    fs.rmSync(layout.runTmp(runId), { recursive: true, force: true });
    record.loaded_at = new Date().toISOString();
    // Written before the commit point, so recovery can finish the record if we die after it.
    run.ledger.write(record);
    return { record, entries };
  } catch (caught) {
    const error = (run.signal.aborted ? run.signal.reason : caught) as Error;
    loader?.close();
    failRun(run, record, error);
    log.error({ runId, date: ctx.date, err: error.message }, 'etl: run failed; nothing was published');
    throw error;
  }
}

/** One table: streamed into Parquet, then counted and summed on both sides, which must agree. */
async function loadTable(
  run: DateRunContext,
  source: SourceSnapshot,
  loader: ParquetLoader,
  ctx: ExtractContext,
  record: RunRecord,
  spec: TableSpec,
): Promise<PartitionEntry> {
  const t0 = performance.now();
  const outDir = run.layout.partitionDir(record.run_id, spec.name, ctx.date);
  const seconds = () => (performance.now() - t0) / 1000;
  const progress = run.onProgress;
  const onRows = progress && ((rows: number) => progress({ date: ctx.date, table: spec.name, rows, seconds: seconds(), done: false }));
  const copied = await loader.load(spec, source, ctx, outDir, onRows);
  const files = listParquet(outDir);
  // PostgreSQL counts the source while DuckDB reads back the files: two processes, two cores.
  const [counted, loaded] = await Promise.all([
    run.historyCounts?.lookup(spec, ctx, source) ??
      source.aggregate(
        (spec.countSelect ?? spec.select)(ctx),
        spec.columns.map((c) => c.name),
        spec.money,
      ),
    loader.summarise(spec, files),
  ]);
  record.rows[spec.name] = loaded.rows;
  record.source_counts[spec.name] = { copied, counted: counted.rows };
  record.checksums[spec.name] = loaded.checksum;
  record.table_seconds[spec.name] = Math.round(seconds() * 1000) / 1000;
  if (loaded.rows !== copied || loaded.rows !== counted.rows) {
    throw new EtlCheckError(`${spec.name}: loaded ${loaded.rows} rows but the source copied ${copied} and counts ${counted.rows}`);
  }
  for (const m of spec.money) {
    if (loaded.sums[m] !== counted.sums[m]) {
      throw new EtlCheckError(`${spec.name}: sum(${m}) is ${loaded.sums[m]} in the warehouse but ${counted.sums[m]} at the source`);
    }
  }
  progress?.({ date: ctx.date, table: spec.name, rows: loaded.rows, seconds: seconds(), done: true });
  run.log.info(
    {
      runId: record.run_id,
      date: ctx.date,
      table: spec.name,
      rows: loaded.rows,
      seconds: record.table_seconds[spec.name],
      rowsPerSecond: Math.round(loaded.rows / Math.max(seconds(), 0.001)),
    },
    'etl: table loaded',
  );
  const entry = { runId: record.run_id, mode: ctx.mode, rows: loaded.rows, sums: loaded.sums, checksum: loaded.checksum, publishedAt: '' };
  return { ...entry, files: files.map((f) => run.layout.rel(f)) };
}
