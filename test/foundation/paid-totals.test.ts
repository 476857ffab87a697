import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertParents, type Parents } from '../helpers/fixtures.js';

/** sponsor_month_paid must always equal the grouped sum of contribution, however rows arrive. */
const DRIFT = `
  select coalesce(c.sponsor_id, t.sponsor_id) as sponsor_id, coalesce(c.period, t.period) as period, c.amount, t.amount as kept
  from (select sponsor_id, period, sum(amount) as amount, count(*) as n from contribution group by 1, 2) c
  full join (select * from sponsor_month_paid where contributions > 0) t using (sponsor_id, period)
  where c.amount is distinct from t.amount or c.n is distinct from t.contributions`;

describe('paid totals per sponsor and month', () => {
  let db: TestDatabase;
  let parents: Parents;
  beforeAll(async () => {
    db = await createTestDatabase();
    parents = await insertParents(db.pool);
  });
  afterAll(() => db?.drop());

  const drift = async () => (await db.pool.query(DRIFT)).rows;
  const kept = async (period: string) =>
    (
      await db.pool.query(`select amount, contributions from sponsor_month_paid where sponsor_id = $1 and period = $2`, [
        parents.sponsorId,
        period,
      ])
    ).rows[0];

  it('follow inserts, upserts, updates and deletes', async () => {
    const insert = (period: string, programme: string, amount: number) =>
      db.pool.query(
        `insert into contribution (enrolment_id, period, programme, amount, paid_date, sponsor_id) values ($1, $2, $3, $4, $2, $5)
         on conflict (enrolment_id, period, programme) do update set amount = excluded.amount`,
        [parents.bpuEnrolmentId, period, programme, amount, parents.sponsorId],
      );
    await insert('2023-01-01', 'JKK', 10_000);
    await insert('2023-01-01', 'JKM', 6_800);
    await insert('2023-02-01', 'JKK', 10_000);
    expect(await kept('2023-01-01')).toEqual({ amount: '16800', contributions: '2' });
    await insert('2023-01-01', 'JKK', 12_000); // the same month again: replaced, not added
    expect(await kept('2023-01-01')).toEqual({ amount: '18800', contributions: '2' });
    await db.pool.query(`update contribution set amount = amount + 1 where period = '2023-02-01'`);
    await db.pool.query(`delete from contribution where period = '2023-01-01' and programme = 'JKM'`);
    expect(await kept('2023-01-01')).toEqual({ amount: '12000', contributions: '1' });
    expect(await drift()).toEqual([]);
  });

  it('are rebuilt after the seed’s bulk load, which runs without triggers', async () => {
    const seeded = await createTestDatabase();
    try {
      await seedDemo(seeded.url, { seed: 3, scale: 0.01, today: '2026-11-26', log: createLogger('silent') });
      const { rows } = await seeded.pool.query(DRIFT);
      expect(rows).toEqual([]);
      const { rows: count } = await seeded.pool.query('select count(*)::int as n from sponsor_month_paid');
      expect(count[0].n).toBeGreaterThan(50);
    } finally {
      await seeded.drop();
    }
  });
});
