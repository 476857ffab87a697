import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_ROLES } from '../../platform/db/roles.js';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const log = createLogger('silent');
const options = { seed: 3, scale: 0.005, today: '2026-11-26', log };
const OPERATIONAL = ['worker', 'employer', 'sponsor', 'budget_allocation', 'enrolment', 'contribution', 'claim', 'sponsor_month_paid'];

const rowCount = async (db: TestDatabase) => {
  const { rows } = await db.pool.query<{ n: number }>(
    `select (${OPERATIONAL.map((t) => `(select count(*) from ${t})`).join(' + ')})::int as n`,
  );
  return rows[0]!.n;
};

/**
 * The demo generator writes as its own role, lindung_seed, under its explicit policies (seed/README.md):
 * take one of those policies away and the seed is refused by row-level security, writing nothing; the
 * migration role it connects as would have written regardless (its own policy is `true`).
 */
describe('the seed writes as lindung_seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  for (const table of ['worker', 'contribution']) {
    it(`is refused without lindung_seed's policy on ${table}, and writes nothing`, async () => {
      await db.pool.query(`alter policy ${table}_writers on ${table} to ${DB_ROLES.importer}`);
      try {
        await expect(seedDemo(db.url, options)).rejects.toThrow(`new row violates row-level security policy for table "${table}"`);
        expect(await rowCount(db)).toBe(0);
      } finally {
        await db.pool.query(`alter policy ${table}_writers on ${table} to ${DB_ROLES.importer}, ${DB_ROLES.seed}`);
      }
    });
  }

  it('seeds with its policies in place', async () => {
    const summary = await seedDemo(db.url, options);
    expect(summary.rows.contribution).toBeGreaterThan(10_000);
    expect(await rowCount(db)).toBeGreaterThan(summary.rows.contribution!);
  });
});
