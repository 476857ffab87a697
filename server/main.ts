import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { initORM, migrateUp } from '../platform/db/orm.js';
import { createLogger } from '../platform/logger.js';
import { createServer } from './app.js';
import { seedDemo } from '../seed/seed.service.js';
import { terminalProgress } from '../platform/progress.js';
import { ensureWarehouse } from '../etl/first-run.js';
import { startEtlScheduler } from '../etl/scheduler.js';
import { WarehouseReader } from '../platform/warehouse-reader.js';
import { writeStandingBriefs } from '../analytics/brief/standing-briefs.js';

/**
 * `npm start`: the platform on its embedded default (or DATABASE_URL). Applies pending
 * migrations, seeds the demo when the database holds no workers yet, then serves.
 */
const config = loadConfig();
const log = createLogger(config.logLevel);
const database = await openDatabase(config, log);
const orm = await initORM(database.url, { pool: { min: 0, max: config.dbPoolMax } });
let ready = false;
const server = await createServer({ orm, log, isReady: () => ready });
const http = await server.listen(config.port, config.host);
log.info({ url: `http://${config.host}:${config.port}/graphql` }, 'listening; /readyz reports when the data is in place');

let etlScheduler: { stop(): void } | undefined;
let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  etlScheduler?.stop();
  await server.stop();
  await orm.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

const applied = await migrateUp(orm);
if (applied.length > 0) log.info({ applied }, 'migrations applied');
const workers = await orm.em.fork().getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from worker');
if (workers[0]!.n === 0) {
  log.info('empty database: seeding the demo Kukar (scale 1, about a minute)');
  const summary = await seedDemo(database.url, { seed: 1, scale: 1, log, onProgress: terminalProgress() });
  log.info(summary, 'demo seeded');
}
// An empty warehouse gets its month-end history and a first snapshot before we say ready.
await ensureWarehouse(config, database.url, log);
// Briefs from the latest snapshot in the briefs folder (served at /briefs/), now and after each night's load.
const refreshBriefs = async () => {
  const reader = new WarehouseReader(config.etl.warehouseDir);
  try {
    if (!reader.available()) return;
    await writeStandingBriefs({ warehouse: reader, outDir: config.briefs.dir, chromiumPath: config.briefs.chromiumPath, log });
  } catch (error) {
    // The API and the warehouse serve all the same; the next night's load writes them again.
    log.error({ err: (error as Error).message }, 'briefs: not written');
  } finally {
    reader.close();
  }
};
await refreshBriefs();
etlScheduler = startEtlScheduler(config, database.url, log, { afterPublish: refreshBriefs });
ready = true;
const address = http.address();
log.info({ address }, 'lindung is ready');
console.log(`
lindung is up: GraphQL at http://${config.host}:${config.port}/graphql${config.api.introspection ? ` (IDE: http://${config.host}:${config.port}/graphiql)` : ''}
Policy briefs: http://${config.host}:${config.port}/briefs/ (files in ${config.briefs.dir}, e.g. brief-2023-vs-2022.id.html)
Try:
  curl -s http://${config.host}:${config.port}/graphql -H 'content-type: application/json' \\
    -d '{"query":"{ regions(parentCode: \\"64.02\\") { code name } }"}'
  TOKEN=$(npm run -s token -- --role viewer)
  curl -s http://${config.host}:${config.port}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"query":"{ dashboard { claimPipeline { status programme count paidAmount } } }"}'
`);
