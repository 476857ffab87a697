import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';

const exec = promisify(execFile);
const CLI = ['--import', 'tsx', path.resolve('analytics/shell/sql.cli.ts')];

describe('npm run sql', () => {
  let db: TestDatabase;
  let warehouse: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    db = await seededDatabase();
    warehouse = tempWarehouse();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-sql-'));
    const etl = etlService(db, warehouse);
    await etl.snapshot(etl.today(), 'live');
    env = { ...process.env, LINDUNG_WAREHOUSE_DIR: warehouse, LINDUNG_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
    for (const dir of [warehouse, dataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const sql = (...args: string[]) => exec(process.execPath, [...CLI, ...args], { env });

  it('-c runs one statement; json keeps BIGINT money exact as strings of digits', async () => {
    const { stdout } = await sql(
      '-c',
      // Kutai Kartanegara's own APBD sponsor: the province demo gives every regency one.
      "select year, amount from yoy_budget_by_sponsor where sponsor_code = 'PEMKAB-KUKAR' and year in (2022, 2023) order by year",
      '--format',
      'json',
    );
    const rows = JSON.parse(stdout);
    expect(rows).toHaveLength(2);
    expect(BigInt(rows[1].amount) - BigInt(rows[0].amount)).toBe(BigInt(Math.round(3_000_000_000 * 0.02)));
  });

  it('prints aligned tables and CSV', async () => {
    const { stdout: table } = await sql('-c', "select 'Tenggarong' as kecamatan, 42 as workers");
    expect(table.split('\n')).toEqual(['kecamatan  | workers', '-----------+--------', 'Tenggarong |      42', '(1 row)', '']);
    const { stdout: csv } = await sql('-c', "select 'a,b' as x, null as y", '--format', 'csv');
    expect(csv).toBe('x,y\n"a,b",\n');
  });

  it('exits non-zero with DuckDB’s message on a bad statement, and refuses writes', async () => {
    await expect(sql('-c', 'select * from no_such_table')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Error: .*no_such_table/),
    });
    await expect(sql('-c', 'create table t (x int)')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/read-only/i) });
  });

  it('runs an interactive session: commands, multi-line statements, history', async () => {
    const child = spawn(process.execPath, CLI, { env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.end('.tables\nselect count(*) as n\nfrom dim_programme;\n.describe fct_claims_paid\n.quit\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/yoy_payouts_by_programme/);
    expect(out).toMatch(/\n\s*5\n\(1 row\)/);
    expect(out).toMatch(/column_name/);
    expect(fs.readFileSync(path.join(dataDir, 'sql_history'), 'utf8')).toContain('from dim_programme;');
  });

  it('Ctrl-C cancels the running statement and keeps the prompt; end of input quits', async () => {
    const child = spawn(process.execPath, CLI, { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    while (!out.includes('read-only')) await new Promise((resolve) => setTimeout(resolve, 50));
    // A statement that would run for minutes.
    child.stdin.write('select sum(a.range * b.range) as s from range(100000000) a, range(100000) b;\n');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    // Again every half second, in case the first arrived before the statement started (on a loaded machine).
    const t0 = Date.now();
    while (!err.includes('Cancelled') && Date.now() - t0 < 10_000) {
      child.kill('SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(err).toContain('Cancelled (Ctrl-C).');
    expect(child.exitCode).toBeNull();
    child.stdin.end('select 41 + 1 as answer;\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/answer\n-+\n\s*42\n/);
  });
});
