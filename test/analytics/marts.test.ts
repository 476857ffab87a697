import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, openReader, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';

const MODELS = path.resolve('analytics/models');
const HISTORY_DATE = '2023-12-31';

let db: TestDatabase;
let dir: string;
let reader: Awaited<ReturnType<typeof openReader>>;

beforeAll(async () => {
  db = await seededDatabase();
  dir = tempWarehouse();
  const etl = etlService(db, dir);
  await etl.snapshot(HISTORY_DATE, 'history');
  await etl.snapshot(etl.today(), 'live');
  reader = await openReader(dir);
});

afterAll(async () => {
  reader?.close();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
const pgRows = async (sql: string) => (await db.pool.query(sql)).rows as Row[];

/** Rows as sorted "k=v|k=v" strings, so PostgreSQL's and DuckDB's answers compare whatever their types. */
function canon(rows: Row[], keys: string[]): string[] {
  return rows.map((r) => keys.map((k) => `${k}=${r[k] === null || r[k] === undefined ? 'null' : String(r[k])}`).join('|')).sort();
}

/** Workers whose membership covers some day of each year, as the article counts them (source-figures.sql). */
const PG_ENROLMENT_YEARS = `
  select y.year, e.worker_id, s.kind as sponsor_kind, w.sector, w.non_asn, w.occupation,
    case r.level when 'DISTRICT' then r.code when 'VILLAGE' then r.parent_code end as kecamatan_code
  from generate_series(1990, 2026) as y(year)
  join enrolment e on e.start_date <= make_date(y.year, 12, 31) and coalesce(e.end_date, 'infinity') >= make_date(y.year, 1, 1)
  join worker w on w.id = e.worker_id
  join sponsor s on s.id = e.sponsor_id
  left join region r on r.code = w.region_code`;

describe('marts against PostgreSQL', () => {
  it('yoy_budget_by_sponsor holds the budget in force per sponsor and year', async () => {
    const source = await pgRows(`select b.sponsor_id, b.fiscal_year as year, b.amount, s.kind as sponsor_kind
      from budget_in_force b join sponsor s on s.id = b.sponsor_id`);
    const mart = await reader.rows('select sponsor_id, year, amount, sponsor_kind from yoy_budget_by_sponsor');
    expect(source.length).toBeGreaterThan(0);
    expect(canon(mart, ['sponsor_id', 'year', 'amount', 'sponsor_kind'])).toEqual(
      canon(source, ['sponsor_id', 'year', 'amount', 'sponsor_kind']),
    );
    const regency = await reader.rows(`select year, amount, prior_amount, amount_change, amount_change_pct
      from yoy_budget_by_sponsor where sponsor_code = 'PEMKAB-KUKAR' and year = 2023`);
    expect(regency).toHaveLength(1);
    expect(BigInt(String(regency[0]!.amount_change))).toBe(BigInt(String(regency[0]!.amount)) - BigInt(String(regency[0]!.prior_amount)));
  });

  it('yoy_budget_realisation sets the contributions each budgeted sponsor paid against its allocation', async () => {
    const source = await pgRows(`select c.sponsor_id, extract(year from c.period)::int as year, sum(c.amount) as paid
      from contribution c where c.sponsor_id in (select sponsor_id from budget_in_force) group by 1, 2`);
    const mart = await reader.rows('select sponsor_id, year, paid from yoy_budget_realisation where paid <> 0');
    expect(source.length).toBeGreaterThan(0);
    expect(canon(mart, ['sponsor_id', 'year', 'paid'])).toEqual(canon(source, ['sponsor_id', 'year', 'paid']));
    const allocated = await pgRows('select sponsor_id, fiscal_year as year, amount as allocated from budget_in_force');
    const martAllocated = await reader.rows('select sponsor_id, year, allocated from yoy_budget_realisation where allocated is not null');
    expect(canon(martAllocated, ['sponsor_id', 'year', 'allocated'])).toEqual(canon(allocated, ['sponsor_id', 'year', 'allocated']));
  });

  it('yoy_payouts_by_programme holds benefits paid and claims paid per programme and year', async () => {
    const source = await pgRows(`select programme, extract(year from paid_date)::int as year, sum(paid_amount) as paid_amount,
      count(*) as claims_paid from claim where status = 'PAID' group by 1, 2`);
    const mart = await reader.rows('select programme, year, paid_amount, claims_paid from yoy_payouts_by_programme where claims_paid > 0');
    expect(source.length).toBeGreaterThan(0);
    const keys = ['programme', 'year', 'paid_amount', 'claims_paid'];
    expect(canon(mart, keys)).toEqual(canon(source, keys));
    const [years] = await reader.rows<{ rows: number; years: number }>(
      'select count(*)::int as rows, count(distinct year)::int as years from yoy_payouts_by_programme',
    );
    expect(years!.rows).toBe(years!.years * 5);
  });

  it('yoy_workers_protected counts distinct workers per year, sponsor kind, sector and non-ASN flag', async () => {
    const source = await pgRows(`select year, sponsor_kind, sector, non_asn, count(distinct worker_id) as workers_protected
      from (${PG_ENROLMENT_YEARS}) x group by 1, 2, 3, 4`);
    const mart = await reader.rows('select year, sponsor_kind, sector, non_asn, workers_protected from yoy_workers_protected');
    const keys = ['year', 'sponsor_kind', 'sector', 'non_asn', 'workers_protected'];
    expect(source.length).toBeGreaterThan(0);
    expect(canon(mart, keys)).toEqual(canon(source, keys));
  });

  it('yoy_coverage sets covered workers against the labour force by sector, kecamatan and occupation', async () => {
    const keys = ['year', 'key', 'covered_workers', 'labour_force'];
    const bySector = await pgRows(`with c as (select year, sector, count(distinct worker_id) as covered_workers
        from (${PG_ENROLMENT_YEARS}) x group by 1, 2),
      l as (select year, sector, sum(workers) as labour_force from workforce group by 1, 2)
      select coalesce(c.year, l.year) as year, coalesce(c.sector, l.sector) as key, coalesce(c.covered_workers, 0) as covered_workers, l.labour_force
      from c full join l on l.year = c.year and l.sector = c.sector`);
    const martSector = await reader.rows(
      `select year, sector as key, covered_workers, labour_force from yoy_coverage where breakdown = 'sector'`,
    );
    expect(bySector.length).toBeGreaterThan(0);
    expect(canon(martSector, keys)).toEqual(canon(bySector, keys));

    const byKecamatan = await pgRows(`with c as (select year, kecamatan_code, count(distinct worker_id) as covered_workers
        from (${PG_ENROLMENT_YEARS}) x group by 1, 2),
      l as (select year, region_code as kecamatan_code, sum(workers) as labour_force from workforce group by 1, 2)
      select coalesce(c.year, l.year) as year, coalesce(c.kecamatan_code, l.kecamatan_code) as key,
        coalesce(c.covered_workers, 0) as covered_workers, l.labour_force
      from c full join l on l.year = c.year and l.kecamatan_code is not distinct from c.kecamatan_code`);
    const martKecamatan = await reader.rows(
      `select year, kecamatan_code as key, covered_workers, labour_force from yoy_coverage where breakdown = 'kecamatan'`,
    );
    expect(canon(martKecamatan, keys)).toEqual(canon(byKecamatan, keys));

    const byOccupation = await pgRows(`select year, occupation as key, count(distinct worker_id) as covered_workers, null as labour_force
      from (${PG_ENROLMENT_YEARS}) x group by 1, 2`);
    const martOccupation = await reader.rows(
      `select year, occupation as key, covered_workers, labour_force from yoy_coverage where breakdown = 'occupation'`,
    );
    expect(canon(martOccupation, keys)).toEqual(canon(byOccupation, keys));

    // one decimal rounded half up: at most 0.05 away (31.25 prints 31.3; the float of the difference is a hair over 0.05)
    const [pct] = await reader.rows<{ bad: number }>(`select count(*)::int as bad from yoy_coverage
      where labour_force > 0 and abs(coverage_pct - 100.0 * covered_workers / labour_force) > 0.050001`);
    expect(pct!.bad).toBe(0);
  });

  it('yoy_cost_per_worker divides contributions paid by workers protected, per sponsor kind and year', async () => {
    const source = await pgRows(`with p as (select extract(year from c.period)::int as year, s.kind as sponsor_kind, sum(c.amount) as paid
        from contribution c join sponsor s on s.id = c.sponsor_id group by 1, 2),
      w as (select year, sponsor_kind, count(distinct worker_id) as workers from (${PG_ENROLMENT_YEARS}) x group by 1, 2)
      select coalesce(p.year, w.year) as year, coalesce(p.sponsor_kind, w.sponsor_kind) as sponsor_kind,
        coalesce(p.paid, 0) as contributions_paid, coalesce(w.workers, 0) as workers_protected,
        case when w.workers > 0 then round(coalesce(p.paid, 0)::numeric / w.workers) end as cost_per_worker
      from p full join w on w.year = p.year and w.sponsor_kind = p.sponsor_kind`);
    const mart = await reader.rows(
      'select year, sponsor_kind, contributions_paid, workers_protected, cost_per_worker from yoy_cost_per_worker',
    );
    const keys = ['year', 'sponsor_kind', 'contributions_paid', 'workers_protected', 'cost_per_worker'];
    expect(source.length).toBeGreaterThan(0);
    expect(canon(mart, keys)).toEqual(canon(source, keys));
  });

  it('fct_enrolment_daily counts active members on every snapshot date', async () => {
    const dates = await reader.rows<{ snapshot_date: string }>(
      'select distinct snapshot_date::varchar as snapshot_date from fct_enrolment_daily order by 1',
    );
    expect(dates.map((d) => d.snapshot_date)).toEqual([
      HISTORY_DATE,
      (await reader.rows<{ d: string }>('select max(snapshot_date)::varchar as d from snapshots'))[0]!.d,
    ]);
    const [live] = await pgRows(
      `select count(*) as enrolments, count(distinct worker_id) as members from enrolment where status = 'ACTIVE'`,
    );
    const [history] = await pgRows(`select count(*) as enrolments, count(distinct worker_id) as members from enrolment
      where least(start_date, (created_at at time zone 'Asia/Makassar')::date) <= date '${HISTORY_DATE}'
        and start_date <= date '${HISTORY_DATE}' and (end_date is null or end_date >= date '${HISTORY_DATE}')`);
    const mart = await reader.rows<{ snapshot_date: string; enrolments: string; members: string }>(`
      select d.snapshot_date::varchar as snapshot_date, sum(d.active_enrolments) as enrolments, any_value(m.members) as members
      from fct_enrolment_daily d
      join (select snapshot_date, count(distinct worker_key) as members from stg_enrolment where enrolment_status = 'ACTIVE' group by 1) m
        using (snapshot_date)
      group by 1 order by 1`);
    expect([mart[0]!.enrolments, mart[0]!.members].map(String)).toEqual([history!.enrolments, history!.members].map(String));
    expect([mart[1]!.enrolments, mart[1]!.members].map(String)).toEqual([live!.enrolments, live!.members].map(String));
  });

  it('fct_contributions and fct_claims_paid hold the latest snapshot whole', async () => {
    const [source] =
      await pgRows(`select (select sum(amount) from contribution) as contributed, (select count(*) from contribution) as contributions,
      (select sum(paid_amount) from claim where status = 'PAID') as paid, (select count(*) from claim where status = 'PAID') as claims`);
    const [mart] =
      await reader.rows(`select (select sum(amount) from fct_contributions) as contributed, (select count(*) from fct_contributions) as contributions,
      (select sum(paid_amount) from fct_claims_paid) as paid, (select count(*) from fct_claims_paid) as claims`);
    for (const key of Object.keys(source!)) expect(String(mart![key]), key).toBe(String(source![key]));
  });

  it('fct_contributions_monthly sums contributions per month covered, sponsor and programme', async () => {
    const source =
      await pgRows(`select to_char(period, 'YYYY-MM-DD') as period, sponsor_id, programme, sum(amount) as amount, count(*) as contributions
      from contribution group by 1, 2, 3`);
    const mart = await reader.rows(`select strftime(period, '%Y-%m-%d') as period, sponsor_id, programme, sum(amount) as amount,
      sum(contributions) as contributions from fct_contributions_monthly group by all`);
    const keys = ['period', 'sponsor_id', 'programme', 'amount', 'contributions'];
    expect(source.length).toBeGreaterThan(0);
    expect(canon(mart, keys)).toEqual(canon(source, keys));
  });

  it('stores the models marked "materialized: table" as tables, the rest as views', async () => {
    const marked = fs
      .readdirSync(path.join(MODELS, 'marts'))
      .filter((f) => /^-- materialized: table$/m.test(fs.readFileSync(path.join(MODELS, 'marts', f), 'utf8')))
      .map((f) => f.replace(/\.sql$/, ''))
      .sort();
    expect(marked).toContain('yoy_coverage');
    const tables = await reader.rows<{ name: string }>(`select table_name as name from duckdb_tables()
      where table_name like 'fct_%' or table_name like 'yoy_%' or table_name like 'dim_%' order by 1`);
    expect(tables.map((t) => t.name)).toEqual(marked);
    const [views] = await reader.rows<{ n: number }>(`select count(*)::int as n from duckdb_views() where view_name = 'fct_contributions'`);
    expect(views!.n).toBe(1);
  });

  it('keeps money exact in every mart: no DOUBLE or FLOAT column', async () => {
    const doubles = await reader.rows(`select table_name, column_name, data_type from duckdb_columns()
      where (table_name like 'fct_%' or table_name like 'yoy_%' or table_name like 'dim_%' or table_name like 'stg_%')
        and data_type in ('DOUBLE', 'FLOAT')`);
    expect(doubles).toEqual([]);
    const money = await reader.rows<{ data_type: string }>(`select distinct data_type from duckdb_columns()
      where table_name like 'yoy_%' and column_name in ('amount', 'paid', 'paid_amount', 'contributions_paid', 'cost_per_worker', 'allocated')`);
    for (const { data_type } of money) expect(['BIGINT', 'HUGEINT']).toContain(data_type);
  });
});

describe('model files', () => {
  const files = (d: string): string[] =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : e.name.endsWith('.sql') ? [path.join(d, e.name)] : []));

  it('each opens with a comment stating its grain and sources, and creates the object it is named after', () => {
    for (const file of files(MODELS)) {
      const text = fs.readFileSync(file, 'utf8');
      const header = text
        .split('\n')
        .filter((l) => l.startsWith('--'))
        .join(' ');
      expect(text.startsWith('--'), file).toBe(true);
      expect(header, file).toMatch(/grain|one row per/);
      expect(header, file).toMatch(/sources?:/);
      const name = path.basename(file, '.sql');
      if (name !== 'macros') expect(text, file).toContain(`create or replace view ${name} as`);
    }
  });
});

/**
 * The year-over-year arithmetic on hand-made rows: the yoy model files run in an in-memory
 * DuckDB over small tables shaped like the marts they read.
 */
describe('year-over-year arithmetic', () => {
  async function memory(setup: string[], models: string[]) {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    for (const sql of setup) await con.run(sql);
    await con.run(fs.readFileSync(path.join(MODELS, 'macros.sql'), 'utf8'));
    for (const model of models) await con.run(fs.readFileSync(path.join(MODELS, 'marts', `${model}.sql`), 'utf8'));
    return {
      rows: async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Row[],
      close: () => {
        con.closeSync();
        instance.closeSync();
      },
    };
  }

  it('yoy_budget_by_sponsor: growth, a fall, a zero prior year and a missing prior year', async () => {
    const m = await memory(
      [
        `create table fct_budget (sponsor_id bigint, sponsor_code varchar, sponsor_name varchar, sponsor_kind varchar,
        sponsor_region_code varchar, regency_code varchar, regency_name varchar,
        fiscal_year integer, budget_kind varchar, amount bigint, original_amount bigint)`,
        `insert into fct_budget values
        (1, 'A', 'Pemkab', 'REGENCY_BUDGET', '64.02', '64.02', 'Kutai Kartanegara', 2022, 'ORIGINAL', 15000000000, 15000000000),
        (1, 'A', 'Pemkab', 'REGENCY_BUDGET', '64.02', '64.02', 'Kutai Kartanegara', 2023, 'REVISED', 18000000000, 17000000000),
        (2, 'B', 'CSR', 'COMPANY_CSR', '64.02', '64.02', 'Kutai Kartanegara', 2022, 'ORIGINAL', 500, 500),
        (2, 'B', 'CSR', 'COMPANY_CSR', '64.02', '64.02', 'Kutai Kartanegara', 2023, 'ORIGINAL', 300, 300),
        (3, 'C', 'Zero', 'COMPANY_CSR', '64.01', '64.01', 'Paser', 2022, 'ORIGINAL', 0, 0),
        (3, 'C', 'Zero', 'COMPANY_CSR', '64.01', '64.01', 'Paser', 2023, 'ORIGINAL', 700, 700),
        (4, 'D', 'Gap', 'COMPANY_CSR', null, null, null, 2021, 'ORIGINAL', 100, 100),
        (4, 'D', 'Gap', 'COMPANY_CSR', null, null, null, 2023, 'ORIGINAL', 200, 200)`,
      ],
      ['yoy_budget_by_sponsor'],
    );
    try {
      const rows = await m.rows(`select sponsor_code, year, amount, prior_amount, amount_change, amount_change_pct::varchar as pct,
        sponsor_region_code from yoy_budget_by_sponsor order by sponsor_code, year`);
      expect(rows.map((r) => [r.sponsor_code, r.year, r.amount, r.prior_amount, r.amount_change, r.pct, r.sponsor_region_code])).toEqual([
        ['A', 2022, '15000000000', null, null, null, '64.02'],
        ['A', 2023, '18000000000', '15000000000', '3000000000', '20.0', '64.02'],
        ['B', 2022, '500', null, null, null, '64.02'],
        ['B', 2023, '300', '500', '-200', '-40.0', '64.02'],
        ['C', 2022, '0', null, null, null, '64.01'],
        ['C', 2023, '700', '0', '700', null, '64.01'],
        ['D', 2021, '100', null, null, null, null],
        ['D', 2023, '200', null, null, null, null],
      ]);
    } finally {
      m.close();
    }
  });

  it('yoy_payouts_by_programme: every programme each year, zero and missing prior years give NULL', async () => {
    const m = await memory(
      [
        `create table dim_programme as select * from (values ('JKK', 'Kecelakaan'), ('JKP', 'Kehilangan Pekerjaan')) t(programme, programme_name)`,
        `create table fct_claims_paid (programme varchar, paid_year integer, paid_amount bigint)`,
        `insert into fct_claims_paid values ('JKK', 2021, 100), ('JKK', 2022, 60), ('JKK', 2022, 15), ('JKP', 2022, 9000000000)`,
      ],
      ['yoy_payouts_by_programme'],
    );
    try {
      const rows = await m.rows(`select programme, year, paid_amount, prior_paid_amount, paid_amount_change,
          paid_amount_change_pct::varchar as pct, claims_paid, claims_paid_change_pct::varchar as claims_pct
        from yoy_payouts_by_programme order by programme, year`);
      expect(
        rows.map((r) => [
          r.programme,
          r.year,
          r.paid_amount,
          r.prior_paid_amount,
          r.paid_amount_change,
          r.pct,
          r.claims_paid,
          r.claims_pct,
        ]),
      ).toEqual([
        ['JKK', 2021, '100', null, null, null, '1', null],
        ['JKK', 2022, '75', '100', '-25', '-25.0', '2', '100.0'],
        ['JKP', 2021, '0', null, null, null, '0', null],
        ['JKP', 2022, '9000000000', '0', '9000000000', null, '1', null],
      ]);
    } finally {
      m.close();
    }
  });

  it('yoy_pct_change rounds to one decimal and never divides by zero', async () => {
    const m = await memory([], []);
    try {
      const [r] = await m.rows(`select yoy_pct_change(2, 3)::varchar as a, yoy_pct_change(1, 0) as b, yoy_pct_change(1, null) as c,
        yoy_pct_change(0::hugeint, 5::hugeint)::varchar as d, typeof(yoy_pct_change(4, 3)) as t`);
      expect(r).toEqual({ a: '-33.3', b: null, c: null, d: '-100.0', t: 'DECIMAL(18,1)' });
    } finally {
      m.close();
    }
  });
});
