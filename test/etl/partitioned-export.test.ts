import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPartitioned, PARTITIONED_MARTS } from '../../etl/partitioned-export.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, openReader, seededDatabase, tempWarehouse } from './etl.fixture.js';

/** The published snapshot as hive-partitioned Parquet by snapshot, province and regency, read back as Spark would. */

let db: TestDatabase;
let dir: string;
let out: string;

beforeAll(async () => {
  db = await seededDatabase();
  dir = tempWarehouse();
  const etl = etlService(db, dir);
  await etl.snapshot(etl.today(), 'live');
  out = fs.mkdtempSync(path.join(path.dirname(dir), 'lindung-partitioned-test-'));
}, 600_000);

afterAll(async () => {
  await db?.drop();
  for (const d of [dir, out]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

const readBack = (mart: string) =>
  `read_parquet('${out}/${mart}/*/*/*/*.parquet', hive_partitioning = true,
     hive_types = {'snapshot_date': date, 'province_code': varchar, 'regency_code': varchar})`;

describe('npm run warehouse:partitioned', () => {
  it('writes every regional mart under snapshot_date=/province_code=/regency_code= folders, every row once', async () => {
    const reader = new WarehouseReader(dir);
    const result = await reader.pinned((w) => exportPartitioned(w, out));
    reader.close();
    expect(result.marts.map((m) => m.mart)).toEqual(Object.keys(PARTITIONED_MARTS));
    const snapshotFolder = `snapshot_date=${result.snapshotDate}`;
    expect(fs.readdirSync(path.join(out, 'fct_contributions_monthly'))).toEqual([snapshotFolder]);
    const regencies = fs.readdirSync(path.join(out, 'fct_contributions_monthly', snapshotFolder, 'province_code=64'));
    expect(regencies).toContain('regency_code=64.02');
    expect(regencies.length).toBeGreaterThanOrEqual(2);

    const marts = await openReader(dir);
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    const rows = async <T>(sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as T[];
    try {
      for (const m of result.marts) {
        const [{ n }] = (await rows<{ n: string }>(`select count(*) as n from ${readBack(m.mart)}`)) as [{ n: string }];
        expect(Number(n), m.mart).toBe(m.rows);
        expect(m.rows, m.mart).toBeGreaterThan(0);
      }
      const exported = await rows<{ regency_code: string; amount: string }>(
        `select regency_code, sum(amount)::varchar as amount from ${readBack('fct_contributions_monthly')} group by 1 order by 1`,
      );
      const source = await marts.rows<{ regency_code: string; amount: string }>(
        'select regency_code, sum(amount)::varchar as amount from fct_contributions_monthly group by 1 order by 1',
      );
      expect(exported).toEqual(source);
      // money stays exact: a HUGEINT sum is DECIMAL(38, 0) in the files, never DOUBLE
      const [{ t }] = (await rows<{ t: string }>(`select typeof(amount) as t from ${readBack('fct_contributions_monthly')} limit 1`)) as [
        { t: string },
      ];
      expect(t).toBe('DECIMAL(38,0)');
      // the partition columns live in the folder names, not inside the files
      const file = fs.readdirSync(path.join(out, 'fct_claims_paid', snapshotFolder, 'province_code=64', 'regency_code=64.02'))[0]!;
      const columns = await rows<{ name: string }>(
        `select name from parquet_schema('${path.join(out, 'fct_claims_paid', snapshotFolder, 'province_code=64', 'regency_code=64.02', file)}')`,
      );
      expect(columns.map((c) => c.name)).not.toContain('regency_code');
      expect(columns.map((c) => c.name)).toContain('paid_amount');
    } finally {
      con.closeSync();
      instance.closeSync();
      marts.close();
    }
  });

  it('the command writes the same tree and says what it wrote', async () => {
    const target = path.join(out, 'cli');
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.resolve('etl/partitioned-export.cli.ts'), '--warehouse', dir, '--out', target],
      { env: { ...process.env, LOG_LEVEL: 'warn' } },
    );
    expect(stderr).toMatch(/fct_contributions_monthly: \d+ rows in \d+ files/);
    expect(fs.existsSync(path.join(target, 'fct_budget'))).toBe(true);
  }, 120_000);
});
