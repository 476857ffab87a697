import fs from 'node:fs';
import type { Config } from '../platform/config.js';
import { assertDate, todayIn } from '../platform/dates.js';
import type { Logger } from '../platform/logger.js';
import { DEFAULT_MODELS_DIR, installCatalogue, prepareCatalogue } from './catalogue.js';
import { EtlStoppedError } from './errors.js';
import { SourceSnapshot } from './extract.js';
import { HistoryCounts } from './history-counts.js';
import { Ledger, newRunId, type RunRecord } from './ledger.js';
import { type DateRunContext, failRun, type Loaded, loadDate, newRecord, type ProgressEvent } from './load-date.js';
import { acquireLock, type HeldLock } from './lock.js';
import { recoverWarehouse } from './recovery.js';
import type { SnapshotMode } from './table-spec.js';
import {
  publishedDates,
  readManifest,
  syncHiveTree,
  WarehouseLayout,
  withoutDates,
  withPartitions,
  writeManifest,
  type Manifest,
} from './warehouse.js';

export { EtlCheckError, EtlStoppedError, SourceUnavailableError } from './errors.js';
export type { ProgressEvent } from './load-date.js';

export interface EtlOptions {
  databaseUrl: string;
  warehouseDir: string;
  workerKeySecret: string;
  /** Where timestamps become days and "today" is taken: Asia/Makassar. */
  timezone: string;
  log: Logger;
  modelsDir?: string;
  /** How long replaced files stay readable for readers of an older catalogue (default 6 h). */
  retiredGraceMs?: number;
  /** How long to wait for PostgreSQL to accept the connection (default 10 s); longer is exit 69. */
  connectTimeoutMs?: number;
  /** How long PostgreSQL may send nothing during a statement before it counts as hung (default 10 min; extract.ts). */
  silenceTimeoutMs?: number;
  /** Called as rows stream (for a terminal display) and when a table is done. */
  onProgress?: (event: ProgressEvent) => void;
  duckdb?: { threads?: number; memoryLimit?: string };
  /**
   * How many dates of a backfill load at once (default 2, the cores of the machine it was
   * measured on): each reads the same PostgreSQL snapshot on a connection of its own, so
   * PostgreSQL's side, most of an extract, runs on that many cores instead of one.
   */
  parallelDates?: number;
}

/** One date of a run and how it is read. */
export interface PlannedDate {
  date: string;
  mode: SnapshotMode;
}

/**
 * The snapshot job: a small orchestrator over per-table steps (tables.ts, load-date.ts). One
 * run loads one snapshot date: extract every table from one PostgreSQL snapshot into the run's
 * own folder, verify it against the source and the data checks, then publish it by one atomic
 * rename of the manifest. Until that rename nothing a reader can see has changed; after it, the
 * date's partitions are replaced and nothing else.
 */
export class EtlService {
  readonly layout: WarehouseLayout;
  private readonly ledger: Ledger;
  /** The stop request of the operation holding the lock, if any. */
  private running: AbortController | null = null;
  private stopped: EtlStoppedError | null = null;

  constructor(private readonly options: EtlOptions) {
    this.layout = new WarehouseLayout(options.warehouseDir);
    this.ledger = new Ledger(this.layout);
  }

  today(): string {
    return todayIn(this.options.timezone);
  }

  published(): Manifest {
    return readManifest(this.layout);
  }

  runs(last = 10): RunRecord[] {
    return this.ledger.last(last);
  }

  /** One snapshot: `live` reads the database as it is now; `history` reconstructs `date`. */
  async snapshot(date: string, mode: SnapshotMode): Promise<RunRecord> {
    const [record] = await this.run([{ date, mode }]);
    return record!;
  }

  /** Reconstructed snapshots for past dates, all read from one PostgreSQL snapshot. */
  backfill(dates: string[]): Promise<RunRecord[]> {
    return this.run(dates.map((date) => ({ date, mode: 'history' })));
  }

  /**
   * Past dates reconstructed and, with `live`, today's snapshot, all from one PostgreSQL
   * snapshot and published together: one catalogue build instead of two (the first start's
   * history and first live snapshot; the build is the publish's longest step).
   */
  fill(history: string[], live?: string): Promise<RunRecord[]> {
    return this.run([
      ...history.map((date) => ({ date, mode: 'history' as const })),
      ...(live ? [{ date: live, mode: 'live' as const }] : []),
    ]);
  }

  /**
   * Asks the running operation to stop (SIGTERM, SIGINT, a shutdown): its COPY is cut, DuckDB
   * interrupted, its records marked failed and its files deleted; it then rejects with
   * EtlStoppedError and releases the lock. A run past its commit point finishes instead: the
   * steps after it are quick and file-only. Nothing starts after it. Returns whether anything was running.
   */
  stop(signal = 'SIGTERM'): boolean {
    const reason = new EtlStoppedError(signal);
    // Asked before anything started (while the embedded server starts, say): start nothing.
    this.stopped ??= reason;
    if (!this.running) return false;
    this.running.abort(reason);
    return true;
  }

  /**
   * Unpublishes live snapshots older than `keepDays` that are not month ends; history,
   * month ends and the latest snapshot always stay. Returns the dates removed.
   */
  prune(keepDays: number): Promise<string[]> {
    return this.locked('prune', async (signal) => {
      await this.recoverHeld(signal);
      const manifest = readManifest(this.layout);
      const cutoff = new Date(Date.parse(`${this.today()}T00:00:00Z`) - keepDays * 86_400_000).toISOString().slice(0, 10);
      const latest = publishedDates(manifest).at(-1);
      const monthEnd = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;
      const doomed = publishedDates(manifest).filter(
        (d) => d < cutoff && d !== latest && !monthEnd(d) && Object.values(manifest.tables).every((p) => p[d]?.mode !== 'history'),
      );
      if (doomed.length === 0) return [];
      const next = withoutDates(manifest, doomed, newRunId(), new Date());
      const catalogue = await prepareCatalogue(this.layout, next, this.modelsDir, signal);
      writeManifest(this.layout, next);
      installCatalogue(this.layout, catalogue);
      syncHiveTree(this.layout, next);
      this.options.log.info({ dates: doomed }, 'etl: pruned daily snapshots');
      return doomed;
    });
  }

  /** Brings the warehouse back to a consistent state after a crash; runs at the start of every run. */
  recover(): Promise<void> {
    return this.locked('recover', (signal) => this.recoverHeld(signal));
  }

  private get modelsDir(): string {
    return this.options.modelsDir ?? DEFAULT_MODELS_DIR;
  }

  /** Runs `work` under the warehouse lock, with a stop request that stop() fires; the lock is released however it ends. */
  private async locked<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.stopped) throw this.stopped;
    this.layout.ensure();
    const lock: HeldLock = acquireLock(this.layout.lock, what);
    const controller = new AbortController();
    this.running = controller;
    try {
      return await work(controller.signal);
    } finally {
      this.running = null;
      lock.release();
    }
  }

  private recoverHeld(signal?: AbortSignal): Promise<void> {
    return recoverWarehouse(this.layout, this.ledger, {
      log: this.options.log,
      modelsDir: this.modelsDir,
      retiredGraceMs: this.options.retiredGraceMs ?? 6 * 3600_000,
      signal,
    });
  }

  private async run(plan: PlannedDate[]): Promise<RunRecord[]> {
    const today = this.today();
    const seen = new Set<string>();
    plan = plan.filter((p) => !seen.has(p.date) && seen.add(p.date)).sort((a, b) => a.date.localeCompare(b.date));
    for (const { date } of plan) {
      assertDate(date);
      if (date > today) throw new RangeError(`snapshot date ${date} is in the future (today is ${today} in ${this.options.timezone})`);
    }
    const modes = [...new Set(plan.map((p) => p.mode))].join('+');
    const span = plan.length === 1 ? plan[0]!.date : `${plan[0]!.date}..${plan.at(-1)!.date}`;
    return this.locked(`${modes} ${span}`, async (signal) => {
      await this.recoverHeld(signal);
      const loaded = await this.extract(plan, signal);
      // A backfill publishes all its dates at once: one catalogue build, and all or nothing.
      try {
        await this.publish(loaded, signal);
      } catch (error) {
        for (const l of loaded) failRun(this.dateRun(signal), l.record, (signal.aborted ? signal.reason : error) as Error);
        throw signal.aborted ? signal.reason : error;
      }
      const publishedAt = new Date().toISOString();
      return loaded.map(({ record }) => {
        const finished: RunRecord = { ...record, status: 'succeeded', finished_at: publishedAt };
        this.ledger.write(finished);
        this.options.log.info(
          { runId: record.run_id, date: record.snapshot_date, mode: record.mode, rows: record.rows },
          'etl: snapshot published',
        );
        return finished;
      });
    });
  }

  private dateRun(signal: AbortSignal, duckdb = this.options.duckdb): DateRunContext {
    const { log, onProgress } = this.options;
    return { layout: this.layout, ledger: this.ledger, log, duckdb, onProgress, signal };
  }

  /**
   * Every date from one PostgreSQL snapshot into its own run folder, up to `parallelDates` at a
   * time, each lane on its own connection to the same exported snapshot. When one date fails the
   * others stop (their connections dropped, DuckDB interrupted) and every record is marked failed.
   */
  private async extract(plan: PlannedDate[], signal: AbortSignal): Promise<Loaded[]> {
    const lanes = Math.max(1, Math.min(plan.length, this.options.parallelDates ?? 2));
    // The lanes share the machine: DuckDB's threads and memory are split between them, not multiplied.
    const base = this.options.duckdb ?? {};
    const duckdb =
      lanes === 1
        ? base
        : {
            threads: Math.max(1, Math.floor((base.threads ?? 2) / lanes)),
            memoryLimit: base.memoryLimit ?? `${Math.floor(512 / lanes)}MB`,
          };
    // Aborted by the run's stop request, or by the first date that fails, whose error it carries.
    const lane = new AbortController();
    const onStop = () => lane.abort(signal.reason);
    signal.addEventListener('abort', onStop, { once: true });
    const history = plan.filter((p) => p.mode === 'history').map((p) => p.date);
    const run = { ...this.dateRun(lane.signal, duckdb), historyCounts: new HistoryCounts(history, this.options.timezone) };
    const open = (snapshotId?: string) =>
      SourceSnapshot.open(this.options.databaseUrl, this.options.workerKeySecret, {
        connectTimeoutMs: this.options.connectTimeoutMs,
        silenceTimeoutMs: this.options.silenceTimeoutMs,
        signal: lane.signal,
        snapshotId,
      });
    const sources: SourceSnapshot[] = [];
    try {
      try {
        sources.push(await open());
        if (lanes > 1) {
          const id = await sources[0]!.exportSnapshot();
          sources.push(...(await Promise.all(Array.from({ length: lanes - 1 }, () => open(id)))));
        }
      } catch (error) {
        // Recorded all the same, so `--status` and etl_runs show why last night has no snapshot.
        for (const { date, mode } of plan) failRun(run, newRecord(date, mode), error as Error);
        throw error;
      }
      const loaded: Loaded[] = [];
      let next = 0;
      let failure: { error: unknown } | undefined;
      const work = async (source: SourceSnapshot) => {
        while (next < plan.length && !lane.signal.aborted) {
          const { date, mode } = plan[next++]!;
          try {
            loaded.push(await loadDate(run, source, { date, mode, timezone: this.options.timezone }, newRecord(date, mode)));
          } catch (error) {
            if (!failure) {
              failure = { error };
              lane.abort(new Error(`not published: another date of the same backfill failed (${(error as Error).message})`));
            }
            return;
          }
        }
      };
      await Promise.all(sources.map(work));
      if (failure || signal.aborted) {
        const reason = (signal.aborted ? signal.reason : failure!.error) as Error;
        for (const l of loaded)
          failRun(run, l.record, new Error(`not published: another date of the same backfill failed (${reason.message})`));
        throw reason;
      }
      return loaded.sort((a, b) => a.record.snapshot_date.localeCompare(b.record.snapshot_date));
    } finally {
      signal.removeEventListener('abort', onStop);
      await Promise.all(sources.map((s) => s.close()));
    }
  }

  private async publish(loaded: Loaded[], signal: AbortSignal): Promise<void> {
    const now = new Date();
    let next = readManifest(this.layout);
    for (const { record, entries } of loaded) {
      for (const e of Object.values(entries)) e.publishedAt = now.toISOString();
      next = withPartitions(next, record.snapshot_date, entries, record.run_id, now);
    }
    const catalogue = await prepareCatalogue(this.layout, next, this.modelsDir, signal, this.options.log);
    if (signal.aborted) {
      fs.rmSync(catalogue, { force: true });
      throw signal.reason;
    }
    writeManifest(this.layout, next); // the commit point
    try {
      installCatalogue(this.layout, catalogue);
      syncHiveTree(this.layout, next);
    } catch (error) {
      // Published all the same: the next run's recovery rebuilds what is derived from the manifest.
      this.options.log.warn({ err: (error as Error).message }, 'etl: published, but the catalogue or hive tree lags until the next run');
    }
  }
}

/** The service as the platform configures it (platform/config.ts). */
export function createEtlService(config: Config, databaseUrl: string, log: Logger, overrides: Partial<EtlOptions> = {}): EtlService {
  return new EtlService({
    databaseUrl,
    warehouseDir: config.etl.warehouseDir,
    workerKeySecret: config.etl.workerKeySecret,
    timezone: config.etl.timezone,
    log,
    ...overrides,
  });
}
