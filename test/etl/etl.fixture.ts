import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { EtlService, type EtlOptions } from '../../etl/etl.service.js';
import { createLogger } from '../../platform/logger.js';
import { createDemoDatabase, type TestDatabase } from '../helpers/database.js';

export const TODAY = '2026-11-26';
export const SECRET = 'test-warehouse-key-secret-0123456789';
export const log = createLogger('silent');

/** A migrated test database with the demo seeded at a small scale (a clone of global-setup's seeded template at 0.02). */
export async function seededDatabase(scale = 0.02): Promise<TestDatabase> {
  return createDemoDatabase({ seed: 11, scale, today: TODAY }, log);
}

export function tempWarehouse(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-etl-test-'));
}

export function etlService(db: TestDatabase, warehouseDir: string, overrides: Partial<EtlOptions> = {}): EtlService {
  return new EtlService({ databaseUrl: db.url, warehouseDir, workerKeySecret: SECRET, timezone: 'Asia/Makassar', log, ...overrides });
}

/** A reader as an analyst would have one: the catalogue opened read-only. */
export async function openReader(warehouseDir: string) {
  const instance = await DuckDBInstance.create(path.join(warehouseDir, 'lindung.duckdb'), { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  return {
    async rows<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      return (await con.runAndReadAll(sql)).getRowObjectsJson() as T[];
    },
    close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}

/** node --import tsx etl/etl.cli.ts … as a child process's argv. */
export function cliArgs(...args: string[]): string[] {
  return ['--import', 'tsx', path.resolve('etl/etl.cli.ts'), ...args];
}

export function cliEnv(db: TestDatabase, warehouseDir: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: db.url, LINDUNG_WAREHOUSE_DIR: warehouseDir, WAREHOUSE_KEY_SECRET: SECRET, LOG_LEVEL: 'warn' };
}
