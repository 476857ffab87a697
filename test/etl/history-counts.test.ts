import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceSnapshot } from '../../etl/extract.js';
import { HistoryCounts } from '../../etl/history-counts.js';
import { tableSpec } from '../../etl/tables.js';
import type { ExtractContext } from '../../etl/table-spec.js';
import { monthEnds } from '../../platform/dates.js';
import type { TestDatabase } from '../helpers/database.js';
import { SECRET, seededDatabase } from './etl.fixture.js';

let db: TestDatabase;
let source: SourceSnapshot;
const TIMEZONE = 'Asia/Makassar';
const dates = monthEnds('2022-01', '2023-12');
const contribution = tableSpec('contribution');

beforeAll(async () => {
  db = await seededDatabase();
  source = await SourceSnapshot.open(db.url, SECRET);
});

afterAll(async () => {
  await source?.close();
  await db?.drop();
});

const perDate = (date: string) => {
  const ctx: ExtractContext = { date, mode: 'history', timezone: TIMEZONE };
  return source.aggregate(
    contribution.select(ctx),
    contribution.columns.map((c) => c.name),
    contribution.money,
  );
};

describe("a backfill's contributions counted once for all its dates", () => {
  it('gives each month end the count and sum of its own SELECT', async () => {
    const counts = new HistoryCounts(dates, TIMEZONE);
    let nonEmpty = 0;
    for (const date of dates) {
      const batched = await counts.lookup(contribution, { date, mode: 'history', timezone: TIMEZONE }, source)!;
      expect(batched, date).toEqual(await perDate(date));
      if (batched.rows > 0) nonEmpty++;
    }
    // The demo's contributions start before the last month ends: the comparison is not of zeros.
    expect(nonEmpty).toBeGreaterThan(12);
  });

  it('sees a contribution whose enrolment was recorded after it was paid only from the recording day', async () => {
    const { rows } = await db.pool.query<{ id: string; enrolment_id: string; paid_date: string }>(
      `select c.id, c.enrolment_id, c.paid_date::text from contribution c where c.paid_date between '2022-06-01' and '2022-06-30' limit 1`,
    );
    const row = rows[0]!;
    await db.pool.query('alter table enrolment disable trigger user');
    try {
      // Recorded in August and started in August: July's snapshot must not hold the June payment.
      const { rows: before } = await db.pool.query(`select start_date, created_at from enrolment where id = $1`, [row.enrolment_id]);
      await db.pool.query(`update enrolment set start_date = '2022-08-01', created_at = '2022-08-10T00:00:00Z' where id = $1`, [
        row.enrolment_id,
      ]);
      try {
        const fresh = await SourceSnapshot.open(db.url, SECRET);
        try {
          const shown = ['2022-06-30', '2022-07-31', '2022-08-31'];
          const batched = await new HistoryCounts(shown, TIMEZONE).lookup(
            contribution,
            { date: '2022-07-31', mode: 'history', timezone: TIMEZONE },
            fresh,
          )!;
          const single = await fresh.aggregate(
            contribution.select({ date: '2022-07-31', mode: 'history', timezone: TIMEZONE }),
            contribution.columns.map((c) => c.name),
            contribution.money,
          );
          expect(batched).toEqual(single);
        } finally {
          await fresh.close();
        }
      } finally {
        await db.pool.query(`update enrolment set start_date = $2, created_at = $3 where id = $1`, [
          row.enrolment_id,
          before[0].start_date,
          before[0].created_at,
        ]);
      }
    } finally {
      await db.pool.query('alter table enrolment enable trigger user');
    }
  });
});
