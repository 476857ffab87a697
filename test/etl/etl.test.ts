import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlCheckError, type EtlService } from '../../etl/etl.service.js';
import { RunRefusedError } from '../../etl/lock.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import { workerKey } from '../../etl/pseudonym.js';
import { TABLES } from '../../etl/tables.js';
import { readManifest } from '../../etl/warehouse.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, openReader, SECRET, seededDatabase, tempWarehouse } from './etl.fixture.js';

let db: TestDatabase;
let dir: string;
let etl: EtlService;
let today: string;

beforeAll(async () => {
  db = await seededDatabase();
  dir = tempWarehouse();
  etl = etlService(db, dir);
  today = etl.today();
  await etl.snapshot(today, 'live');
});

afterAll(async () => {
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const pg = async (sql: string) => (await db.pool.query(sql)).rows[0] as Record<string, string>;

describe('a live snapshot', () => {
  it("holds each table's rows and money sums exactly as the source has them", async () => {
    const reader = await openReader(dir);
    try {
      const source = await pg(`select
        (select count(*) from worker) as workers, (select count(*) from enrolment) as enrolments,
        (select sum(declared_income) from enrolment) as income,
        (select count(*) from contribution) as contributions, (select sum(amount) from contribution) as contributed,
        (select count(*) from claim) as claims, (select sum(claimed_amount) from claim) as claimed,
        (select sum(paid_amount) from claim) as paid, (select count(*) filter (where status = 'PAID') from claim) as paid_claims,
        (select count(*) from employer) as employers, (select count(*) from sponsor) as sponsors,
        (select count(*) from budget_allocation) as allocations, (select sum(amount) from budget_allocation) as allocated,
        (select sum(amount) from budget_in_force) as in_force, (select sum(workers) from workforce) as labour_force,
        (select count(*) from region) as regions, (select count(*) from audit_entry) as audited`);
      const [w] = await reader.rows(`select
        (select count(*) from worker_latest) as workers, (select count(distinct worker_key) from worker_latest) as distinct_workers,
        (select count(*) from enrolment_latest) as enrolments, (select sum(declared_income) from enrolment_latest) as income,
        (select count(*) from contribution_latest) as contributions, (select sum(amount) from contribution_latest) as contributed,
        (select count(*) from claim_latest) as claims, (select sum(claimed_amount) from claim_latest) as claimed,
        (select sum(paid_amount) from claim_latest) as paid, (select count(*) filter (where status = 'PAID') from claim_latest) as paid_claims,
        (select count(*) from employer_latest) as employers, (select count(*) from sponsor_latest) as sponsors,
        (select count(*) from budget_allocation_latest) as allocations, (select sum(amount) from budget_allocation_latest) as allocated,
        (select sum(amount) from budget_in_force_latest) as in_force, (select sum(workers) from workforce_latest) as labour_force,
        (select count(*) from region_latest) as regions, (select sum(entries) from audit_activity_latest) as audited`);
      for (const [key, value] of Object.entries(source)) expect(String(w![key]), key).toBe(String(value));
      expect(String(w!.distinct_workers)).toBe(source.workers);
      expect(Number(source.contributions)).toBeGreaterThan(100_000);
    } finally {
      reader.close();
    }
  });

  it('keeps money exact: BIGINT columns and HUGEINT sums, never DOUBLE', async () => {
    const reader = await openReader(dir);
    try {
      const types = await reader.rows<{ column_name: string; data_type: string }>(
        `select column_name, data_type from duckdb_columns() where table_name = 'contribution_latest' and column_name = 'amount'`,
      );
      expect(types).toEqual([{ column_name: 'amount', data_type: 'BIGINT' }]);
      const doubles = await reader.rows(
        `select table_name, column_name from duckdb_columns() where not internal and data_type in ('DOUBLE', 'FLOAT')`,
      );
      expect(doubles).toEqual([]);
    } finally {
      reader.close();
    }
  });

  it('records the run in etl_runs with rows, source counts and checksums per table', async () => {
    const [run] = etl.runs(1);
    expect(run).toMatchObject({ snapshot_date: today, mode: 'live', status: 'succeeded', error: null });
    for (const spec of TABLES) {
      expect(run!.source_counts[spec.name]).toEqual({ copied: run!.rows[spec.name], counted: run!.rows[spec.name] });
      expect(run!.checksums[spec.name]).toMatch(/^\d+$/);
    }
    const reader = await openReader(dir);
    try {
      const rows = await reader.rows(`select run_id, status, snapshot_date::varchar as d, rows->>'$.worker' as workers from etl_runs`);
      expect(rows.at(-1)).toMatchObject({ run_id: run!.run_id, status: 'succeeded', d: today, workers: String(run!.rows.worker) });
    } finally {
      reader.close();
    }
  });

  it('writes portable hive partitions that a plain Parquet reader reads without the catalogue', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      const glob = path.join(dir, 'contribution', '*', '*.parquet');
      const rows = (
        await con.runAndReadAll(
          `select snapshot_date::varchar as d, count(*)::varchar as n from read_parquet('${glob}', hive_partitioning = true) group by 1`,
        )
      ).getRowObjectsJson();
      expect(rows).toEqual([{ d: today, n: String(etl.runs(1)[0]!.rows.contribution) }]);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });

  it('pseudonymises workers with HMAC-SHA256 computed in PostgreSQL, equal to node:crypto', async () => {
    const reader = await openReader(dir);
    try {
      const { rows } = await db.pool.query(`select nik, sex from worker order by id limit 3`);
      const keys = await reader.rows<{ worker_key: string; sex: string }>(
        `select worker_key, sex from worker_latest where worker_key in (${rows.map((r) => `'${workerKey(SECRET, r.nik)}'`).join(', ')})`,
      );
      expect(keys).toHaveLength(3);
      expect(keys.map((k) => k.worker_key).sort()).toEqual(rows.map((r) => workerKey(SECRET, r.nik)).sort());
    } finally {
      reader.close();
    }
  });
});

describe('personal data', () => {
  it('no warehouse table or column holds a NIK, name, phone or birth date from the source', async () => {
    const { rows: people } = await db.pool.query(`select nik, full_name, phone, birth_date::text as birth from worker`);
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      await con.run(`attach '${path.join(dir, 'lindung.duckdb')}' as wh (read_only)`);
      await con.run('create table pii (kind varchar, value varchar)');
      const appender = await con.createAppender('pii');
      for (const p of people) {
        for (const [kind, value] of [
          ['nik', p.nik],
          ['name', p.full_name],
          ['phone', p.phone],
        ] as const) {
          if (value) {
            appender.appendVarchar(kind);
            appender.appendVarchar(value);
            appender.endRow();
          }
        }
      }
      appender.closeSync();
      const { rows: regions } = await db.pool.query<{ name: string }>('select name from region');
      await con.run('create table official_names (name varchar)');
      const officialNames = await con.createAppender('official_names');
      for (const r of regions) {
        officialNames.appendVarchar(r.name);
        officialNames.endRow();
      }
      officialNames.closeSync();
      const columns = (
        await con.runAndReadAll(`select table_name, column_name from duckdb_columns() where database_name = 'wh' and schema_name = 'main'`)
      ).getRowObjectsJson() as Array<{ table_name: string; column_name: string }>;
      const names = new Set(columns.map((c) => c.column_name));
      for (const forbidden of ['nik', 'full_name', 'phone', 'birth_date', 'membership_no', 'worker_id'])
        expect(names.has(forbidden), forbidden).toBe(false);
      expect(columns.filter((c) => c.table_name === 'worker').length).toBeGreaterThan(5);
      await con.run('create table seen (t varchar, c varchar, v varchar)');
      for (const { table_name: t, column_name: c } of columns) {
        await con.run(`insert into seen select distinct '${t}', '${c}', cast("${c}" as varchar) from wh."${t}" where "${c}" is not null`);
      }
      // An official region name (there are 83,762 villages) can equal or contain a person's name;
      // it came from the reference list, not from a worker.
      await con.run('delete from seen where v in (select name from official_names)');
      // Equal to a value, or hidden inside one: digit runs for NIKs and phones, text for names.
      const found = (
        await con.runAndReadAll(`
        select s.t, s.c, p.kind from seen s join pii p on s.v = p.value
        union all
        select s.t, s.c, p.kind from (select t, c, unnest(regexp_extract_all(v, '\\+?[0-9]{8,}')) as digits from seen) s
          join pii p on p.kind in ('nik', 'phone') and s.digits = p.value
        union all
        select s.t, s.c, p.kind from (select * from seen where regexp_matches(v, '[a-z]{3,} ', 'i')) s
          join pii p on p.kind = 'name' and (' ' || s.v || ' ') like ('% ' || p.value || ' %')
            -- A one-word name ("Putri") is also a word in company names ("PT Putri (Persero) Tbk"): it
            -- counts when a value equals it (the first branch), not when a value merely contains it.
            and p.value like '% %'`)
      ).getRowObjectsJson();
      expect(found).toEqual([]);
      const seen = Number((await con.runAndReadAll('select count(*) from seen')).getRows()[0]![0]);
      expect(seen).toBeGreaterThan(10_000);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  });
});

describe('re-running a date', () => {
  it('replaces that date only and gives the same checksums', async () => {
    await etl.backfill(['2022-12-31']);
    const before = readManifest(etl.layout);
    const first = etl.runs(2).find((r) => r.snapshot_date === today)!;
    const again = await etl.snapshot(today, 'live');
    const after = readManifest(etl.layout);
    expect(again.checksums).toEqual(first.checksums);
    expect(again.rows).toEqual(first.rows);
    for (const spec of TABLES) {
      expect(after.tables[spec.name]![today]!.runId).toBe(again.run_id);
      expect(after.tables[spec.name]!['2022-12-31']).toEqual(before.tables[spec.name]!['2022-12-31']);
    }
    // The replaced files left the hive tree (one generation per partition) but stay readable for a while.
    const hive = fs.readdirSync(path.join(dir, 'worker', `snapshot_date=${today}`));
    expect(hive).toEqual([expect.stringContaining(again.run_id)]);
    expect(after.retired.length).toBeGreaterThan(0);
    for (const f of after.retired.flatMap((r) => r.files)) expect(fs.existsSync(path.join(dir, f))).toBe(true);
  });

  it('refuses a second run while one is going, with a clear message, and leaves the first alone', async () => {
    const first = etl.snapshot(today, 'live');
    await expect(etl.snapshot(today, 'live')).rejects.toThrow(RunRefusedError);
    await expect(etlService(db, dir).snapshot(today, 'live')).rejects.toThrow(/another ETL run is in progress/);
    await expect(first).resolves.toMatchObject({ status: 'succeeded' });
  });
});

describe('readers during a load', () => {
  it('see a complete old or new snapshot, never a mix; a reader opened before keeps its snapshot', async () => {
    const pair = async (reader: { rows: Awaited<ReturnType<typeof openReader>>['rows'] }) => {
      const [r] = await reader.rows<{ contributions: string; labour: string; runs: string }>(`select
        (select count(*) from contribution_latest)::varchar as contributions,
        (select count(*) from workforce_latest)::varchar as labour,
        (select string_agg(distinct run_id) from partitions where snapshot_date = (select max(snapshot_date) from partitions))::varchar as runs`);
      return `${r!.contributions}/${r!.labour}/${r!.runs}`;
    };
    const early = await openReader(dir);
    const old = await pair(early);
    // The API's way in: a long-lived reader that moves to a new catalogue between queries.
    const api = new WarehouseReader(dir);
    const viaApi = { rows: <T>(sql: string) => api.query<T>(sql) };
    expect(await pair(viaApi)).toBe(old);
    // Change two tables at the source so that a mix of old and new would show.
    await db.pool.query(`insert into contribution (enrolment_id, period, programme, amount, paid_date, sponsor_id)
      select id, date '2026-12-01', programmes[1], 16800, date '2026-11-26', sponsor_id from enrolment
      where end_date is null and status = 'ACTIVE' order by id limit 1`);
    await db.pool.query(`insert into workforce values (2027, '64.02.06', 'FORMAL', 1)`);
    const load = etl.snapshot(today, 'live');
    const seen = new Set<string>();
    let done = false;
    void load.finally(() => {
      done = true;
    });
    while (!done) {
      const reader = await openReader(dir);
      try {
        seen.add(await pair(reader));
      } finally {
        reader.close();
      }
      expect(await pair(early)).toBe(old);
      seen.add(await pair(viaApi));
    }
    const record = await load;
    const fresh = await openReader(dir);
    const now = await pair(fresh);
    fresh.close();
    expect(now).not.toBe(old);
    expect(now).toBe(`${record.rows.contribution}/${record.rows.workforce}/${record.run_id}`);
    for (const s of seen) expect([old, now]).toContain(s);
    expect(await pair(early)).toBe(old);
    expect(await pair(viaApi)).toBe(now);
    early.close();
    api.close();
  });
});

describe('checks', () => {
  it('a broken rule fails the run loudly and publishes nothing', async () => {
    const before = fs.readFileSync(path.join(dir, '_published.json'), 'utf8');
    const { rows } = await db.pool.query(`insert into contribution (enrolment_id, period, programme, amount, paid_date, sponsor_id)
      select id, (date_trunc('month', end_date) + interval '2 months')::date, programmes[1], 16800, end_date, sponsor_id from enrolment
      where end_date < date '2025-01-01' order by id limit 1 returning id`);
    try {
      await expect(etl.snapshot(today, 'live')).rejects.toThrow(EtlCheckError);
      const [failed] = etl.runs(1);
      expect(failed).toMatchObject({ status: 'failed' });
      expect(failed!.error).toMatch(new RegExp(`contribution outside its enrolment's dates: 1 rows \\(e\\.g\\. ${rows[0].id}\\)`));
      expect(fs.readFileSync(path.join(dir, '_published.json'), 'utf8')).toBe(before);
      expect(fs.existsSync(path.join(dir, '_data', failed!.run_id))).toBe(false);
    } finally {
      await db.pool.query('delete from contribution where id = $1', [rows[0].id]);
    }
  });
});

describe('history', () => {
  it('reconstructs month-end snapshots from the dated rows', async () => {
    const dates = ['2022-06-30', '2023-12-31'];
    await etl.backfill(dates);
    const reader = await openReader(dir);
    try {
      for (const d of dates) {
        const source = await pg(`select
          (select count(*) from contribution where paid_date <= '${d}') as contributions,
          (select sum(amount) from contribution where paid_date <= '${d}') as contributed,
          (select count(*) from claim where submitted_date <= '${d}') as claims,
          (select coalesce(sum(paid_amount), 0) from claim where paid_date <= '${d}') as paid,
          (select count(*) from enrolment where start_date <= '${d}') as enrolments,
          (select count(*) from enrolment where start_date <= '${d}' and coalesce(end_date, 'infinity') >= '${d}') as active,
          (select count(distinct worker_id) from enrolment where start_date <= '${d}') as workers`);
        const [w] = await reader.rows(`select
          (select count(*) from contribution where snapshot_date = '${d}') as contributions,
          (select sum(amount) from contribution where snapshot_date = '${d}') as contributed,
          (select count(*) from claim where snapshot_date = '${d}') as claims,
          (select coalesce(sum(paid_amount), 0) from claim where snapshot_date = '${d}') as paid,
          (select count(*) from enrolment where snapshot_date = '${d}') as enrolments,
          (select count(*) from enrolment where snapshot_date = '${d}' and status = 'ACTIVE') as active,
          (select count(*) from worker where snapshot_date = '${d}') as workers`);
        for (const [key, value] of Object.entries(source)) expect(String(w![key]), `${d} ${key}`).toBe(String(value));
      }
      const [paidLater] = await reader.rows(
        `select count(*) as n from claim where snapshot_date = '2022-06-30' and status = 'PAID' and paid_date > '2022-06-30'`,
      );
      expect(String(paidLater!.n)).toBe('0');
      const modes = await reader.rows(`select snapshot_date::varchar as d, mode from snapshots order by 1`);
      expect(modes).toEqual(
        expect.arrayContaining([
          { d: '2022-06-30', mode: 'history' },
          { d: today, mode: 'live' },
        ]),
      );
    } finally {
      reader.close();
    }
  });
});

describe('retention', () => {
  it('prunes old daily snapshots but keeps month ends, history and the latest', async () => {
    await etl.snapshot('2026-10-05', 'live');
    await etl.snapshot('2026-10-31', 'live');
    const removed = await etl.prune(0);
    expect(removed).toEqual(['2026-10-05']);
    const dates = Object.keys(readManifest(etl.layout).tables.worker!);
    expect(dates).toEqual(expect.arrayContaining(['2022-06-30', '2022-12-31', '2023-12-31', '2026-10-31', today]));
    expect(dates).not.toContain('2026-10-05');
    expect(fs.existsSync(path.join(dir, 'worker', 'snapshot_date=2026-10-05'))).toBe(false);
    const reader = await openReader(dir);
    const rows = await reader.rows(`select count(*)::int as n from worker where snapshot_date = '2026-10-05'`);
    reader.close();
    expect(rows).toEqual([{ n: 0 }]);
  });
});
