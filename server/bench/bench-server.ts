import type { AddressInfo } from 'node:net';
import { createServer } from '../app.js';
import { initORM } from '../../platform/db/orm.js';
import { createLogger } from '../../platform/logger.js';

/**
 * The API under benchmark, in its own process so autocannon's load generation does not share
 * its event loop; configured from the environment like `npm start` (the bench sets
 * NODE_ENV=production). Logs at warn: one JSON line per request would measure pino, not the API.
 */
const url = process.env.BENCH_DATABASE_URL!;
const orm = await initORM(url, { pool: { min: 2, max: Number(process.env.DB_POOL_MAX ?? 10) } }, { migrations: false });
const server = await createServer({ orm, log: createLogger('warn'), today: () => process.env.BENCH_TODAY ?? '2026-11-26' });
const http = await server.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ port: (http.address() as AddressInfo).port })}\n`);
process.on('SIGTERM', async () => {
  await server.stop(1000);
  await orm.close();
  process.exit(0);
});
