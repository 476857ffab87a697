import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { failIfBroken, runChecks } from './checks.js';
import { sqlString } from './load.js';
import { loadModelDeclarations, modelChecks, pinLatest } from './model-tests.js';
import { installDocs, writeWarehouseDocs } from './warehouse-docs.js';
import { docsFolder } from '../platform/warehouse-reader.js';
import type { Logger } from '../platform/logger.js';
import type { TableSpec } from './table-spec.js';
import { TABLES } from './tables.js';
import { publishedDates, syncDir, type Manifest, type WarehouseLayout } from './warehouse.js';

/** Where analytics models live; applied after the base views when the folder exists. */
export const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../analytics/models', import.meta.url));

/** Model folders in dependency order (dbt style); any other folder comes after, by name. */
const MODEL_LAYERS = ['staging', 'intermediate', 'marts'];

/**
 * Builds the analysts' DuckDB file for `manifest` as a NEW file; installCatalogue() then
 * renames it over the old one. Readers holding the old file keep their consistent view (the old inode lives on
 * while open); new readers get the new one; nobody ever opens a half-built catalogue and the
 * ETL never waits for a reader's lock.
 */
export async function prepareCatalogue(
  layout: WarehouseLayout,
  manifest: Manifest,
  modelsDir = DEFAULT_MODELS_DIR,
  signal?: AbortSignal,
  log?: Logger,
): Promise<string> {
  signal?.throwIfAborted();
  // Seconds per step, logged at the end: the build is most of a publish, and where its time goes moves as marts change.
  const steps: Record<string, number> = {};
  let stepStart = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - stepStart) / 1000;
    stepStart = now;
  };
  const tmp = path.join(layout.dir, `.catalogue-${manifest.generation ?? 'empty'}-${process.pid}.duckdb`);
  fs.rmSync(tmp, { force: true });
  fs.rmSync(`${tmp}.wal`, { force: true });
  // Materialising a mart over every contribution must fit beside the nightly load: bounded, spilling.
  const instance = await DuckDBInstance.create(tmp, {
    memory_limit: CATALOGUE_MEMORY_LIMIT,
    threads: '2',
    temp_directory: `${tmp}.spill`,
    preserve_insertion_order: 'false',
  });
  const con = await instance.connect();
  // Materialising a mart can take minutes at scale: a stop request cancels it rather than waits.
  const interrupt = () => con.interrupt();
  signal?.addEventListener('abort', interrupt, { once: true });
  let built = false;
  try {
    signal?.throwIfAborted();
    for (const spec of TABLES) await createTableViews(con, layout, manifest, spec);
    await createLedgerObjects(con, layout, manifest);
    step('views');
    for (const file of modelFiles(modelsDir)) {
      try {
        const sql = fs.readFileSync(file, 'utf8');
        await con.run(sql);
        if (MATERIALIZED_TABLE.test(sql)) {
          await materialize(con, path.basename(file, '.sql'));
          step(path.basename(file, '.sql'));
        }
      } catch (error) {
        throw new Error(`analytics model ${path.relative(process.cwd(), file)} failed: ${(error as Error).message}`);
      }
    }
    step('other models');
    await testModels(con, modelsDir);
    step('model tests');
    const models = { modelsDir, files: modelFiles(modelsDir), isMaterialised: (sql: string) => MATERIALIZED_TABLE.test(sql) };
    await writeWarehouseDocs(con, models, `${tmp}.docs.html`, {
      snapshots: publishedDates(manifest),
      generatedAt: new Date().toISOString(),
    });
    step('docs');
    await con.run('checkpoint');
    step('checkpoint');
    built = true;
    const seconds = Math.round(Object.values(steps).reduce((a, b) => a + b, 0) * 10) / 10;
    log?.info({ seconds, steps }, 'etl: catalogue built');
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', interrupt);
    con.closeSync();
    instance.closeSync();
    // Failed or not, nothing but the finished file may stay: the spill folder alone can be tens of MB.
    fs.rmSync(`${tmp}.wal`, { force: true });
    fs.rmSync(`${tmp}.spill`, { recursive: true, force: true });
    if (!built) {
      fs.rmSync(tmp, { force: true });
      fs.rmSync(`${tmp}.docs.html`, { force: true });
    }
  }
  return tmp;
}

/**
 * A model whose header says `-- materialized: table` (dbt's word) is computed once per catalogue
 * and stored in it as a table under its own name, for marts too slow to recompute on every query
 * (at scale 20 a yearly figure over the views took tens of seconds). The catalogue is rebuilt at
 * every publish, so the table can never be older than the snapshot it sits beside. It is stored
 * before any model that reads it is created, so those read the table.
 */
export const MATERIALIZED_TABLE = /^-- materialized: table$/m;
const CATALOGUE_MEMORY_LIMIT = '512MB';

async function materialize(con: DuckDBConnection, name: string): Promise<void> {
  const comment = `${name} (materialised)`;
  await con.run(`create table "${name}__materialized" as select * from "${name}"`);
  await con.run(`drop view "${name}"`);
  await con.run(`alter table "${name}__materialized" rename to "${name}"`);
  await con.run(`comment on table "${name}" is ${sqlString(comment)}`);
  // Until a checkpoint writes them out, a new table's blocks stay pinned in memory: several large
  // marts in a row then left the next one no room within the catalogue's memory limit.
  await con.run('checkpoint');
}

/**
 * The tests declared beside the models (etl/model-tests.ts), on the catalogue about to be
 * published: one broken test and the catalogue is thrown away, so nothing is published.
 */
async function testModels(con: DuckDBConnection, modelsDir: string): Promise<void> {
  const declarations = await pinLatest(con, loadModelDeclarations(modelsDir));
  failIfBroken('model tests', await runChecks(con, modelChecks(declarations), 1));
}

/** Swaps a prepared catalogue in: one rename, so a reader opens either the old file or the new one. */
export function installCatalogue(layout: WarehouseLayout, prepared: string): void {
  fs.renameSync(prepared, layout.catalogue);
  syncDir(layout.dir);
  installDocs(`${prepared}.docs.html`, docsFolder(layout.dir));
}

async function createTableViews(con: DuckDBConnection, layout: WarehouseLayout, manifest: Manifest, spec: TableSpec): Promise<void> {
  const partitions = manifest.tables[spec.name] ?? {};
  const dates = Object.keys(partitions).sort();
  const files = (only?: string) =>
    dates.filter((d) => only === undefined || d === only).flatMap((d) => partitions[d]!.files.map((f) => layout.abs(f)));
  const over = (list: string[]) =>
    list.length === 0
      ? `select ${spec.columns.map((c) => `cast(null as ${c.type}) as ${c.name}`).join(', ')}, cast(null as date) as snapshot_date where false`
      : `select * from read_parquet([${list.map(sqlString).join(', ')}], hive_partitioning = true,
         hive_types = {'snapshot_date': date}, union_by_name = true)`;
  await con.run(`create or replace view ${spec.name} as ${over(files())}`);
  await con.run(`create or replace view ${spec.name}_latest as ${over(dates.length ? files(dates.at(-1)) : [])}`);
  await con.run(`comment on view ${spec.name} is ${sqlString(`${spec.grain}; every published snapshot (snapshot_date)`)}`);
  await con.run(`comment on view ${spec.name}_latest is ${sqlString(`${spec.grain}; latest snapshot only`)}`);
}

async function createLedgerObjects(con: DuckDBConnection, layout: WarehouseLayout, manifest: Manifest): Promise<void> {
  const rows = Object.entries(manifest.tables).flatMap(([table, partitions]) =>
    Object.entries(partitions).map(
      ([date, e]) =>
        `(${sqlString(table)}, date ${sqlString(date)}, ${sqlString(e.runId)}, ${sqlString(e.mode)}, ${e.rows}, ${sqlString(e.checksum)}, ${e.files.length}, ${sqlString(e.publishedAt)}::timestamptz)`,
    ),
  );
  await con.run(`create table partitions (table_name varchar, snapshot_date date, run_id varchar, mode varchar, row_count bigint,
    checksum varchar, files integer, published_at timestamptz)`);
  if (rows.length) await con.run(`insert into partitions values ${rows.join(', ')}`);
  await con.run(`create view snapshots as
    select snapshot_date, any_value(mode) as mode, any_value(run_id) as run_id, max(published_at) as published_at
    from partitions group by snapshot_date order by snapshot_date`);
  await con.run(`create table catalogue_info as select ${sqlString(manifest.generation ?? '')} as generation, now() as built_at`);
  // Read live from the ledger files, so failed runs (which publish no catalogue) still show.
  await con.run(`create view etl_runs as select * from read_json(${sqlString(path.join(layout.ledger, '*.json'))},
    format = 'auto', columns = {run_id: 'varchar', snapshot_date: 'date', mode: 'varchar', started_at: 'timestamptz',
      finished_at: 'timestamptz', loaded_at: 'timestamptz', status: 'varchar', pid: 'integer', rows: 'json', source_counts: 'json',
      checksums: 'json', table_seconds: 'json', error: 'varchar'})
    order by started_at`);
}

/** By name without `.sql`, so `fct_contributions` comes before `fct_contributions_monthly`, which reads it. */
const byModelName = (a: string, b: string) => a.replace(/\.sql$/, '').localeCompare(b.replace(/\.sql$/, ''));

export function modelFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const walk = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => byModelName(a.name, b.name))
      .flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.sql') ? [path.join(d, e.name)] : []));
  const top = fs.readdirSync(dir, { withFileTypes: true });
  const rank = (name: string) => {
    const i = MODEL_LAYERS.indexOf(name);
    return i === -1 ? MODEL_LAYERS.length : i;
  };
  return [
    ...top
      .filter((e) => e.isFile() && e.name.endsWith('.sql'))
      .map((e) => e.name)
      .sort(byModelName)
      .map((name) => path.join(dir, name)),
    ...top
      .filter((e) => e.isDirectory())
      .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name))
      .flatMap((e) => walk(path.join(dir, e.name))),
  ];
}

/** The generation the current catalogue was built from (null when missing or unreadable). */
export async function catalogueGeneration(layout: WarehouseLayout): Promise<string | null> {
  if (!fs.existsSync(layout.catalogue)) return null;
  try {
    const instance = await DuckDBInstance.create(layout.catalogue, { access_mode: 'READ_ONLY' });
    try {
      const con = await instance.connect();
      const reader = await con.runAndReadAll('select generation from catalogue_info');
      con.closeSync();
      return String(reader.getRows()[0]?.[0] ?? '');
    } finally {
      instance.closeSync();
    }
  } catch {
    return null;
  }
}
