import fs from 'node:fs';
import path from 'node:path';
import { catalogueFile } from '../platform/warehouse-reader.js';
import { isAlive } from './lock.js';
import type { SnapshotMode } from './table-spec.js';

/**
 * The warehouse on disk. The manifest (`_published.json`) is the single source of truth of
 * what is published; it only ever changes by an atomic rename, which is the commit point of
 * a run. Everything else is derived from it and can be rebuilt: the catalogue DuckDB file
 * and the portable hive tree.
 *
 *   lindung.duckdb                              catalogue: views over the published files
 *   _published.json                             manifest
 *   _etl.lock                                   single-run lock (lock.ts)
 *   _ledger/<run id>.json                       one record per run (ledger.ts)
 *   _data/<run id>/<table>/snapshot_date=D/…    files as a run wrote them; the catalogue reads these
 *   <table>/snapshot_date=D/part-<run id>-N.parquet   hard links to the published files, for Spark, Trino, BigQuery
 *
 * A replaced partition leaves the hive tree at once but its `_data` files stay for a grace
 * period, so an analyst whose prompt still holds the previous catalogue keeps reading it.
 */

export interface PartitionEntry {
  runId: string;
  mode: SnapshotMode;
  /** Relative to the warehouse folder. */
  files: string[];
  rows: number;
  sums: Record<string, string>;
  checksum: string;
  publishedAt: string;
}

export interface Manifest {
  /** Run id of the last publish; the catalogue records the generation it was built from. */
  generation: string | null;
  tables: Record<string, Record<string, PartitionEntry>>;
  /** Files no longer published, deleted once the grace period has passed. */
  retired: Array<{ files: string[]; retiredAt: string }>;
}

export class WarehouseLayout {
  constructor(readonly dir: string) {}

  get manifest() {
    return path.join(this.dir, '_published.json');
  }
  get catalogue() {
    return catalogueFile(this.dir);
  }
  get lock() {
    return path.join(this.dir, '_etl.lock');
  }
  get ledger() {
    return path.join(this.dir, '_ledger');
  }
  get data() {
    return path.join(this.dir, '_data');
  }
  runDir(runId: string) {
    return path.join(this.data, runId);
  }
  runTmp(runId: string) {
    return path.join(this.runDir(runId), '_tmp');
  }
  partitionDir(runId: string, table: string, date: string) {
    return path.join(this.runDir(runId), table, `snapshot_date=${date}`);
  }
  abs(relative: string) {
    return path.join(this.dir, relative);
  }
  rel(absolute: string) {
    return path.relative(this.dir, absolute);
  }

  ensure(): void {
    fs.mkdirSync(this.ledger, { recursive: true });
    fs.mkdirSync(this.data, { recursive: true });
  }
}

export function emptyManifest(): Manifest {
  return { generation: null, tables: {}, retired: [] };
}

export function readManifest(layout: WarehouseLayout): Manifest {
  if (!fs.existsSync(layout.manifest)) return emptyManifest();
  return JSON.parse(fs.readFileSync(layout.manifest, 'utf8')) as Manifest;
}

/** Write to a temporary name, flush, rename over the target, flush the folder: all or nothing. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  syncDir(path.dirname(file));
}

export function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function writeManifest(layout: WarehouseLayout, manifest: Manifest): void {
  writeFileAtomic(layout.manifest, `${JSON.stringify(manifest, null, 1)}\n`);
}

/** The manifest with `date`'s partitions replaced by `entries`; what they replace is retired. */
export function withPartitions(
  manifest: Manifest,
  date: string,
  entries: Record<string, PartitionEntry>,
  generation: string,
  now: Date,
): Manifest {
  const next: Manifest = structuredClone(manifest);
  for (const [table, entry] of Object.entries(entries)) {
    const partitions = (next.tables[table] ??= {});
    const previous = partitions[date];
    if (previous) next.retired.push({ files: previous.files, retiredAt: now.toISOString() });
    partitions[date] = entry;
  }
  next.generation = generation;
  return next;
}

/** The manifest without `dates`; their files are retired. */
export function withoutDates(manifest: Manifest, dates: string[], generation: string, now: Date): Manifest {
  const next: Manifest = structuredClone(manifest);
  for (const partitions of Object.values(next.tables)) {
    for (const date of dates) {
      const entry = partitions[date];
      if (!entry) continue;
      next.retired.push({ files: entry.files, retiredAt: now.toISOString() });
      delete partitions[date];
    }
  }
  next.generation = generation;
  return next;
}

export function publishedDates(manifest: Manifest): string[] {
  const dates = new Set<string>();
  for (const partitions of Object.values(manifest.tables)) for (const date of Object.keys(partitions)) dates.add(date);
  return [...dates].sort();
}

/** Name of a published file in the hive tree: unique per run, so a replacement never overwrites. */
function hiveName(entry: PartitionEntry, file: string): string {
  return `part-${entry.runId}-${path.basename(file).replace(/^part-/, '')}`;
}

/**
 * Makes `<table>/snapshot_date=D/` hold exactly the manifest's files (hard links), nothing
 * else. Idempotent: recovery calls it after a crash at any point of a publish.
 */
export function syncHiveTree(layout: WarehouseLayout, manifest: Manifest): void {
  for (const [table, partitions] of Object.entries(manifest.tables)) {
    const tableDir = path.join(layout.dir, table);
    const wanted = new Map<string, Map<string, string>>();
    for (const [date, entry] of Object.entries(partitions)) {
      wanted.set(`snapshot_date=${date}`, new Map(entry.files.map((f) => [hiveName(entry, f), layout.abs(f)])));
    }
    for (const [dirName, files] of wanted) {
      const dir = path.join(tableDir, dirName);
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, source] of files) {
        const target = path.join(dir, name);
        if (!fs.existsSync(target)) fs.linkSync(source, target);
      }
      for (const name of fs.readdirSync(dir)) if (!files.has(name)) fs.rmSync(path.join(dir, name), { force: true, recursive: true });
    }
    if (fs.existsSync(tableDir)) {
      for (const dirName of fs.readdirSync(tableDir)) {
        if (!wanted.has(dirName)) fs.rmSync(path.join(tableDir, dirName), { recursive: true, force: true });
      }
    }
  }
}

/**
 * Deletes what no reader can need: `_data` folders of runs that published nothing still
 * referenced, and retired files past the grace period. Returns the manifest without the
 * retired entries it deleted (the caller writes it). Must run under the lock.
 */
export function collectGarbage(layout: WarehouseLayout, manifest: Manifest, graceMs: number, now: Date, keepRun?: string): Manifest {
  const next: Manifest = structuredClone(manifest);
  next.retired = manifest.retired.filter((r) => now.getTime() - Date.parse(r.retiredAt) < graceMs);
  const referenced = new Set<string>();
  for (const partitions of Object.values(next.tables))
    for (const entry of Object.values(partitions)) for (const f of entry.files) referenced.add(f);
  for (const r of next.retired) for (const f of r.files) referenced.add(f);
  const runsInUse = new Set([...referenced].map((f) => f.split(path.sep)[1]));
  if (keepRun) runsInUse.add(keepRun);
  for (const r of manifest.retired) {
    if (next.retired.includes(r)) continue;
    for (const f of r.files) if (!referenced.has(f)) fs.rmSync(layout.abs(f), { force: true });
  }
  if (fs.existsSync(layout.data)) {
    for (const run of fs.readdirSync(layout.data)) {
      if (!runsInUse.has(run)) fs.rmSync(layout.runDir(run), { recursive: true, force: true });
      else if (run !== keepRun) fs.rmSync(layout.runTmp(run), { recursive: true, force: true });
    }
  }
  // Temporary files of an interrupted write (manifest, ledger, catalogue with its WAL and spill folder).
  for (const dir of [layout.dir, layout.ledger]) {
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const owner = /\.(?:tmp-|stale-)(\d+)$|\.(\d+)\.draft$|^\.catalogue-.*-(\d+)\.duckdb(?:\.wal|\.spill)?$/.exec(name);
      const pid = Number(owner?.[1] ?? owner?.[2] ?? owner?.[3]);
      if (owner && (pid === process.pid || !isAlive(pid))) fs.rmSync(path.join(dir, name), { force: true, recursive: true });
    }
  }
  return next;
}

/** Every Parquet file a partition's run wrote. */
export function listParquet(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.parquet'))
    .sort()
    .map((f) => path.join(dir, f));
}
