import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const TODAY = '2026-11-26';
const KALTIM = ['64.01', '64.02', '64.03', '64.07', '64.08', '64.09', '64.11', '64.71', '64.72', '64.74'];

describe('the demo of East Kalimantan', () => {
  let db: TestDatabase;
  const sql = async (text: string) => (await db.pool.query(text)).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.url, { seed: 5, scale: 0.02, today: TODAY, log: createLogger('silent') });
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('has the ten regencies and cities, each with its own APBD sponsor, budgets and sponsored members living there', async () => {
    const rows = await sql(`
      select s.region_code as regency, r.name, count(distinct s.id)::int as sponsors,
        (select count(*)::int from budget_allocation b where b.sponsor_id = min(s.id)) as budgets,
        (select count(distinct e.worker_id)::int from enrolment e where e.sponsor_id = min(s.id)) as members,
        (select count(*)::int from enrolment e join worker w on w.id = e.worker_id
          where e.sponsor_id = min(s.id) and left(w.region_code, 5) <> s.region_code) as living_elsewhere,
        min(s.code) as code
      from sponsor s join region r on r.code = s.region_code
      where s.kind = 'REGENCY_BUDGET'
      group by s.region_code, r.name
      order by s.region_code`);
    expect(rows.map((r) => r.regency)).toEqual(KALTIM);
    for (const r of rows) {
      expect(r, r.regency).toMatchObject({ sponsors: 1, living_elsewhere: 0 });
      expect(r.budgets, r.regency).toBeGreaterThan(0);
      expect(r.members, r.regency).toBeGreaterThan(0);
    }
    // Names are the official list's: match on codes, show its names.
    expect(rows.find((r) => r.regency === '64.72')).toMatchObject({ name: 'Kota Samarinda', code: 'PEMKOT-SAMARINDA' });
  });

  it('gives the programmes different sizes, start dates and budgets', async () => {
    const rows = await sql(`
      select s.region_code, min(e.start_date)::text as first_start, count(distinct e.worker_id)::int as members,
        (select min(b.amount) from budget_allocation b where b.sponsor_id = s.id and b.fiscal_year = 2025) as budget_2025
      from sponsor s join enrolment e on e.sponsor_id = s.id
      where s.kind = 'REGENCY_BUDGET'
      group by s.id, s.region_code`);
    expect(new Set(rows.map((r) => r.first_start)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((r) => r.members)).size).toBe(10);
    expect(new Set(rows.map((r) => r.budget_2025)).size, JSON.stringify(rows)).toBe(10);
  });

  it('keeps the other nine together well under a third of Kukar, so the first run stays in budget', async () => {
    const [sizes] = await sql(`
      select count(*) filter (where w.region_code like '64.02.%')::int as kukar,
             count(*) filter (where w.region_code not like '64.02.%')::int as others
      from contribution c join enrolment e on e.id = c.enrolment_id join worker w on w.id = e.worker_id`);
    expect(sizes.others).toBeGreaterThan(0);
    expect(sizes.others / sizes.kukar).toBeLessThan(0.3);
  });

  it('domiciles workers in kecamatan of the official list, Kukar’s two new ones included', async () => {
    const [levels] = await sql(`
      select count(*) filter (where r.level <> 'DISTRICT')::int as not_kecamatan,
             count(*) filter (where w.region_code in ('64.02.19', '64.02.20'))::int as new_kukar,
             count(distinct left(w.region_code, 5))::int as regencies
      from worker w join region r on r.code = w.region_code`);
    expect(levels.not_kecamatan).toBe(0);
    expect(levels.new_kukar).toBeGreaterThan(0);
    expect(levels.regencies).toBe(10);
  });

  it('has labour-force rows for every kecamatan of each regency, each year', async () => {
    const rows = await sql(`
      with f as (select left(region_code, 5) as regency, * from workforce)
      select f.regency, count(distinct f.region_code)::int as kecamatan,
        (select count(*)::int from region r where r.parent_code = f.regency) as official,
        count(distinct f.year)::int as years, sum(f.workers) filter (where f.year = 2025)::int as workers_2025
      from f group by f.regency order by f.regency`);
    expect(rows.map((r) => r.regency)).toEqual(KALTIM);
    for (const r of rows) {
      expect(r.kecamatan, r.regency).toBe(r.official);
      expect(r.years, r.regency).toBe(6);
      expect(r.workers_2025, r.regency).toBeGreaterThan(0);
    }
  });

  it('never lets a regency pay more than its allocation in force', async () => {
    const over = await sql(`
      with paid as (
        select c.sponsor_id, extract(year from c.period)::int as fiscal_year, sum(c.amount) as paid
        from contribution c join sponsor s on s.id = c.sponsor_id where s.kind = 'REGENCY_BUDGET' group by 1, 2
      )
      select p.*, b.amount from paid p left join budget_in_force b using (sponsor_id, fiscal_year)
      where b.amount is null or p.paid > b.amount`);
    expect(over).toEqual([]);
  });
});
