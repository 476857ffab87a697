import fs from 'node:fs';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { catalogueGeneration, DEFAULT_MODELS_DIR, installCatalogue, prepareCatalogue } from './catalogue.js';
import { runChecks, stageViews } from './checks.js';
import { assertDate, todayIn } from '../platform/dates.js';
import { SourceSnapshot } from './extract.js';
import { Ledger, newRunId, type RunRecord } from './ledger.js';
import { ParquetLoader } from './load.js';
import { acquireLock, type HeldLock } from './lock.js';
import { TABLES, type ExtractContext, type SnapshotMode } from './tables.js';
import {
  collectGarbage,
  listParquet,
  publishedDates,
  readManifest,
  syncHiveTree,
  WarehouseLayout,
  withoutDates,
  withPartitions,
  writeManifest,
  type Manifest,
  type PartitionEntry,
} from './warehouse.js';

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
  /** Called as rows stream (for a terminal display) and when a table is done. */
  onProgress?: (event: ProgressEvent) => void;
  duckdb?: { threads?: number; memoryLimit?: string };
}

interface Loaded {
  record: RunRecord;
  entries: Record<string, PartitionEntry>;
}

export interface ProgressEvent {
  date: string;
  table: string;
  rows: number;
  seconds: number;
  done: boolean;
}

/** The run ran but its data is wrong: counts or sums differ from the source, or a data check failed. */
export class EtlCheckError extends Error {
  override name = 'EtlCheckError';
}

/**
 * The snapshot job: a small orchestrator over per-table steps (tables.ts). One run loads one
 * snapshot date: extract every table from one PostgreSQL snapshot into the run's own folder,
 * verify it against the source and the data checks, then publish it by one atomic rename of
 * the manifest. Until that rename nothing a reader can see has changed; after it, the date's
 * partitions are replaced and nothing else.
 */
export class EtlService {
  readonly layout: WarehouseLayout;
  private readonly ledger: Ledger;

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
    const [record] = await this.run([date], mode);
    return record!;
  }

  /** Reconstructed snapshots for past dates, all read from one PostgreSQL snapshot. */
  backfill(dates: string[]): Promise<RunRecord[]> {
    return this.run(dates, 'history');
  }

  /**
   * Unpublishes live snapshots older than `keepDays` that are not month ends; history,
   * month ends and the latest snapshot always stay. Returns the dates removed.
   */
  async prune(keepDays: number): Promise<string[]> {
    const lock = this.lock('prune');
    try {
      await this.recoverHeld();
      const manifest = readManifest(this.layout);
      const cutoff = new Date(Date.parse(`${this.today()}T00:00:00Z`) - keepDays * 86_400_000).toISOString().slice(0, 10);
      const latest = publishedDates(manifest).at(-1);
      const monthEnd = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;
      const doomed = publishedDates(manifest).filter(
        (d) => d < cutoff && d !== latest && !monthEnd(d) && Object.values(manifest.tables).every((p) => p[d]?.mode !== 'history'),
      );
      if (doomed.length === 0) return [];
      const next = withoutDates(manifest, doomed, newRunId(), new Date());
      const catalogue = await prepareCatalogue(this.layout, next, this.options.modelsDir ?? DEFAULT_MODELS_DIR);
      writeManifest(this.layout, next);
      installCatalogue(this.layout, catalogue);
      syncHiveTree(this.layout, next);
      this.options.log.info({ dates: doomed }, 'etl: pruned daily snapshots');
      return doomed;
    } finally {
      lock.release();
    }
  }

  /** Brings the warehouse back to a consistent state after a crash; runs at the start of every run. */
  async recover(): Promise<void> {
    const lock = this.lock('recover');
    try {
      await this.recoverHeld();
    } finally {
      lock.release();
    }
  }

  private lock(what: string): HeldLock {
    this.layout.ensure();
    return acquireLock(this.layout.lock, what);
  }

  private async run(dates: string[], mode: SnapshotMode): Promise<RunRecord[]> {
    const today = this.today();
    dates = [...new Set(dates)].sort();
    for (const date of dates) {
      assertDate(date);
      if (date > today) throw new RangeError(`snapshot date ${date} is in the future (today is ${today} in ${this.options.timezone})`);
    }
    const lock = this.lock(`${mode} ${dates.length === 1 ? dates[0] : `${dates[0]}..${dates.at(-1)}`}`);
    const records: RunRecord[] = [];
    try {
      await this.recoverHeld();
      const loaded: Loaded[] = [];
      let source: SourceSnapshot;
      try {
        source = await SourceSnapshot.open(this.options.databaseUrl, this.options.workerKeySecret);
      } catch (error) {
        // Recorded all the same, so `--status` and etl_runs show why last night has no snapshot.
        for (const date of dates) this.fail(this.newRecord(date, mode), error as Error);
        throw error;
      }
      try {
        for (const date of dates) loaded.push(await this.loadDate(source, { date, mode, timezone: this.options.timezone }));
      } catch (error) {
        for (const l of loaded)
          this.fail(l.record, new Error(`not published: another date of the same backfill failed (${(error as Error).message})`));
        throw error;
      } finally {
        await source.close();
      }
      // A backfill publishes all its dates at once: one catalogue build, and all or nothing.
      try {
        await this.publish(loaded);
      } catch (error) {
        for (const l of loaded) this.fail(l.record, error as Error);
        throw error;
      }
      for (const { record } of loaded) {
        const finished: RunRecord = { ...record, status: 'succeeded', finished_at: new Date().toISOString() };
        this.ledger.write(finished);
        records.push(finished);
        this.options.log.info({ runId: record.run_id, date: record.snapshot_date, mode, rows: record.rows }, 'etl: snapshot published');
      }
    } finally {
      lock.release();
    }
    return records;
  }

  private newRecord(date: string, mode: SnapshotMode): RunRecord {
    return {
      run_id: newRunId(),
      snapshot_date: date,
      mode,
      started_at: new Date().toISOString(),
      finished_at: null,
      status: 'running',
      pid: process.pid,
      rows: {},
      source_counts: {},
      checksums: {},
      table_seconds: {},
      error: null,
    };
  }

  private fail(record: RunRecord, error: Error): void {
    this.ledger.write({ ...record, status: 'failed', finished_at: new Date().toISOString(), error: error.message });
    fs.rmSync(this.layout.runDir(record.run_id), { recursive: true, force: true });
  }

  private async recoverHeld(): Promise<void> {
    const now = new Date();
    let manifest = readManifest(this.layout);
    const published = new Set(Object.values(manifest.tables).flatMap((p) => Object.values(p).map((e) => e.runId)));
    for (const r of this.ledger.all().filter((r) => r.status === 'running')) {
      // Killed after its commit point but before it could say so: it did publish.
      if (published.has(r.run_id)) this.ledger.write({ ...r, status: 'succeeded', finished_at: r.finished_at ?? now.toISOString() });
    }
    for (const r of this.ledger.markAbandoned(now))
      this.options.log.warn({ runId: r.run_id, date: r.snapshot_date }, 'etl: marked an unfinished run abandoned');
    const collected = collectGarbage(this.layout, manifest, this.options.retiredGraceMs ?? 6 * 3600_000, now);
    if (collected.retired.length !== manifest.retired.length) {
      writeManifest(this.layout, collected);
      manifest = collected;
    }
    if (manifest.generation !== null && (await catalogueGeneration(this.layout)) !== manifest.generation) {
      this.options.log.warn({ generation: manifest.generation }, 'etl: catalogue behind the manifest; rebuilding it');
      installCatalogue(this.layout, await prepareCatalogue(this.layout, manifest, this.options.modelsDir ?? DEFAULT_MODELS_DIR));
    }
    syncHiveTree(this.layout, manifest);
  }

  /** Extracts and verifies one date into its run's folder; publishes nothing. */
  private async loadDate(source: SourceSnapshot, ctx: ExtractContext): Promise<Loaded> {
    const { log } = this.options;
    const record = this.newRecord(ctx.date, ctx.mode);
    const runId = record.run_id;
    this.ledger.write(record);
    log.info({ runId, date: ctx.date, mode: ctx.mode }, 'etl: run started');
    const loader = await ParquetLoader.create(this.layout.runTmp(runId), this.options.duckdb);
    try {
      const entries: Record<string, PartitionEntry> = {};
      const files: Record<string, string[]> = {};
      for (const spec of TABLES) {
        const t0 = performance.now();
        const outDir = this.layout.partitionDir(runId, spec.name, ctx.date);
        const seconds = () => (performance.now() - t0) / 1000;
        const progress = this.options.onProgress;
        const copied = await loader.load(
          spec,
          source,
          ctx,
          outDir,
          progress && ((rows) => progress({ date: ctx.date, table: spec.name, rows, seconds: seconds(), done: false })),
        );
        files[spec.name] = listParquet(outDir);
        // PostgreSQL counts the source while DuckDB reads back the files: two processes, two cores.
        const [counted, loaded] = await Promise.all([
          source.aggregate(
            spec.select(ctx),
            spec.columns.map((c) => c.name),
            spec.money,
          ),
          loader.summarise(spec, files[spec.name]!),
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
        entries[spec.name] = {
          runId,
          mode: ctx.mode,
          files: files[spec.name]!.map((f) => this.layout.rel(f)),
          rows: loaded.rows,
          sums: loaded.sums,
          checksum: loaded.checksum,
          publishedAt: '',
        };
        progress?.({ date: ctx.date, table: spec.name, rows: loaded.rows, seconds: seconds(), done: true });
        log.info(
          {
            runId,
            date: ctx.date,
            table: spec.name,
            rows: loaded.rows,
            seconds: record.table_seconds[spec.name],
            rowsPerSecond: Math.round(loaded.rows / Math.max(seconds(), 0.001)),
          },
          'etl: table loaded',
        );
      }
      await stageViews(loader.connection, files);
      const broken = (await runChecks(loader.connection)).filter((c) => c.violations > 0);
      if (broken.length > 0) {
        throw new EtlCheckError(
          `data checks failed: ${broken.map((c) => `${c.name}: ${c.violations} rows (e.g. ${c.examples.join(', ')})`).join('; ')}`,
        );
      }
      loader.close();
      fs.rmSync(this.layout.runTmp(runId), { recursive: true, force: true });
      // Written before the commit point, so recovery can finish the record if we die after it.
      this.ledger.write(record);
      return { record, entries };
    } catch (error) {
      try {
        loader.close();
      } catch {
        /* already closed */
      }
      this.fail(record, error as Error);
      log.error({ runId, date: ctx.date, err: (error as Error).message }, 'etl: run failed; nothing was published');
      throw error;
    }
  }

  private async publish(loaded: Loaded[]): Promise<void> {
    const now = new Date();
    let next = readManifest(this.layout);
    for (const { record, entries } of loaded) {
      for (const e of Object.values(entries)) e.publishedAt = now.toISOString();
      next = withPartitions(next, record.snapshot_date, entries, record.run_id, now);
    }
    const catalogue = await prepareCatalogue(this.layout, next, this.options.modelsDir ?? DEFAULT_MODELS_DIR);
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
