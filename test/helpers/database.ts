import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { initORM } from '../../platform/db/orm.js';
import type { Logger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { type Demo, demoKey } from './demos.js';
import { adminUrl, databaseUrl } from './urls.js';

export interface TestDatabase {
  name: string;
  url: string;
  /** A raw pg pool on the test database, for assertions in plain SQL. */
  pool: pg.Pool;
  orm: MikroORM;
  drop(): Promise<void>;
}

let counter = 0;

/**
 * A fresh database holding `demo`, seeded as seedDemo would: a clone of the template global-setup.ts
 * seeded with it (the same rows, statistics and sequences), else a migrated database seeded here.
 */
export async function createDemoDatabase(demo: Demo & { today: string }, log: Logger): Promise<TestDatabase> {
  const seeded = inject('demoTemplates')[demoKey(demo)];
  if (seeded) return createTestDatabase({ template: seeded });
  const db = await createTestDatabase();
  await seedDemo(db.url, { ...demo, log });
  return db;
}

/** A fresh, migrated database for one test file (or one test), dropped afterwards. */
export async function createTestDatabase(options: { migrated?: boolean; template?: string } = {}): Promise<TestDatabase> {
  const name = `lindung_t_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const template = options.template ?? (options.migrated === false ? 'template0' : inject('templateDatabase'));
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = databaseUrl(name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const orm = await initORM(url, { pool: { min: 0, max: 4 } });
  return {
    name,
    url,
    pool,
    orm,
    async drop() {
      // pool.end() does not wait for its clients to finish disconnecting, so the forced drop
      // below can terminate one mid-goodbye; that error is expected here, not a failure.
      pool.on('error', (error: Error & { code?: string }) => {
        if (error.code !== '57P01') throw error;
      });
      await orm.close(true);
      await pool.end();
      const cleanup = new pg.Client({ connectionString: adminUrl() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
