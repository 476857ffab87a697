import { loadConfig } from '../platform/config.js';
import { createLogger, logFormat } from '../platform/logger.js';
import { terminal } from '../platform/progress.js';

/**
 * `npm start`: the platform on its embedded default (or DATABASE_URL). Serves at once and hands
 * the heavy work (apply pending migrations, seed an empty database, fill an empty warehouse,
 * write the briefs; later the nightly snapshot) to a child process (server/background.ts), so
 * /healthz answers throughout and /readyz says what is pending.
 */
const config = loadConfig();
const log = createLogger(config.logLevel, { format: config.logFormat });
// The heavy modules (GraphQL, ORM, DuckDB) load after this line, so a person sees something at once.
log.info({ dataDir: config.dataDir, database: config.databaseUrl ? 'DATABASE_URL' : 'embedded' }, 'lindung starting');

const [{ openDatabase }, { initORM }, { createServer }, { Background }, { Cron }, { Ledger }, { WarehouseLayout }] = await Promise.all([
  import('../platform/db/database.js'),
  import('../platform/db/orm.js'),
  import('./app.js'),
  import('./background.js'),
  import('croner'),
  import('../etl/ledger.js'),
  import('../etl/warehouse.js'),
]);

const database = await openDatabase(config, log);
// The API never migrates (the background process does): no migrator loaded here.
const orm = await initORM(database.url, { pool: { min: 0, max: config.dbPoolMax } }, { migrations: false });
const humanTerminal = (config.logFormat ?? logFormat()) === 'pretty' && terminal().isTTY;
const background = new Background(log, { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: config.logLevel }, humanTerminal);
// Forked now so that it loads its modules while this process builds the schema; it starts work at go(), once this one listens.
const firstRun = background.run([], (message) => {
  if (message.part === 'operational' && message.state === 'ready') {
    log.info({ secondsSinceStart: Math.round(process.uptime() * 10) / 10 }, 'lindung is ready: the API serves the operational data');
    printWelcome();
  }
  if (message.part === 'warehouse' && message.state === 'published')
    log.info({ secondsSinceStart: Math.round(process.uptime() * 10) / 10 }, 'warehouse published: analytics fields and npm run sql answer');
});
const server = await createServer({ orm, log, readiness: () => background.readiness(), etlRuns: () => etlRunsOf(config.etl.warehouseDir) });
await server.listen(config.port, config.host);
const base = `http://${config.host}:${config.port}`;
log.info({ url: `${base}/graphql` }, 'listening; /healthz answers now, /readyz once the data is in place');

let nightly: { stop(): void } | undefined;
let stopping = false;
const shutdown = async (signal: string, code = 0) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  nightly?.stop();
  await background.stop();
  terminal().clear();
  await server.stop();
  await orm.close();
  await database.close();
  process.exit(code);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// The background process migrates (and gives lindung_api its password), then seeds: nothing heavy runs on this event loop.
background.go();
const exitCode = await firstRun;
// A signal ended the first run: shutdown() is closing everything and ends the process.
if (stopping) await new Promise(() => {});
if (background.readiness().operational !== 'ready') {
  // Without its data the platform would serve nothing true; a supervisor restarts it, and an empty database seeds again.
  log.fatal({ exitCode }, 'first run failed: the demo is not in place');
  await shutdown('first-run failed', 1);
}
if (background.readiness().briefs === 'written') log.info({ dir: config.briefs.dir }, 'briefs: all written');

// A tick while a run is still going (here or in a CLI) is skipped, never queued: the next night catches up.
const job = new Cron(config.etl.cron, { timezone: config.etl.timezone, protect: true, name: 'etl' }, async () => {
  if (background.busy) {
    log.warn('etl: scheduled run skipped: the previous background run is still going');
    return;
  }
  const code = await background.run(['--nightly']);
  if (code !== 0) log.error({ exitCode: code }, 'etl: scheduled run failed');
});
nightly = { stop: () => job.stop() };
log.info({ cron: config.etl.cron, timezone: config.etl.timezone, next: job.nextRun()?.toISOString() }, 'etl: nightly snapshot scheduled');

/** The ledger's runs for /metrics; a run's own time ends when its files were verified (loaded_at), not at a backfill's common publish. */
function etlRunsOf(warehouseDir: string) {
  return new Ledger(new WarehouseLayout(warehouseDir)).all().map((r) => {
    const end = r.loaded_at ?? r.finished_at;
    return {
      mode: r.mode,
      status: r.status,
      rows: Object.values(r.rows).reduce((sum, n) => sum + n, 0),
      seconds: end ? (Date.parse(end) - Date.parse(r.started_at)) / 1000 : null,
      startedAt: r.started_at,
    };
  });
}

function printWelcome(): void {
  if (!humanTerminal) return;
  // Above the progress area, where the warehouse, still filling, shows its snapshots.
  terminal().writeAbove(
    `\nlindung is up: GraphQL at ${base}/graphql${config.api.introspection ? ` (IDE: ${base}/graphiql)` : ''}
Policy briefs (once the warehouse is filled): ${base}/briefs/ (files in ${config.briefs.dir}, e.g. brief-2023-vs-2022.id.html)
Try:
  curl -s ${base}/graphql -H 'content-type: application/json' \\
    -d '{"query":"{ regions(parentCode: \\"64.02\\") { code name } }"}'
  TOKEN=$(npm run -s token -- --role viewer)
  curl -s ${base}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ dashboard { claimPipeline { status programme count paidAmount } } }"}'\n\n`,
  );
}
