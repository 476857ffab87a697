import { etlService, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';
import type { TestDatabase } from '../helpers/database.js';

/**
 * Warehouses of the province demo (Kutai Kartanegara as calibrated and East Kalimantan's nine other regencies
 * and cities), seeded small, for the regional metrics and briefs:
 * - `before`: the demo as seeded;
 * - `after`: the same database once every worker of one Kukar kecamatan has moved to a kecamatan of Paser
 *   (64.01), keeping every membership, contribution and claim (their labour force stays where it is), so Paser
 *   gains exactly what the kecamatan had and the province's figures do not change;
 * - `kukarOnly` (when asked): the demo with every row outside Kukar deleted, i.e. the Kukar-only demo the
 *   briefs were written from before the province arrived.
 */

export const MOVED_KECAMATAN = '64.02.01';
export const PASER = '64.01';
export const PASER_KECAMATAN = '64.01.01';

export interface ProvinceWarehouses {
  db: TestDatabase;
  beforeDir: string;
  afterDir: string;
  kukarOnlyDir: string | null;
}

const OUTSIDE_WORKERS = "select id from worker where region_code not like '64.02.%'";
const OUTSIDE_SPONSORS = "select id from sponsor where region_code is not null and region_code not like '64.02%'";
const OUTSIDE_ENROLMENTS = `select id from enrolment where worker_id in (${OUTSIDE_WORKERS}) or sponsor_id in (${OUTSIDE_SPONSORS})`;

/** `history`: month-end snapshots published before the live one, in every warehouse. */
export async function provinceWarehouses(history: string[] = [], options: { kukarOnly?: boolean } = {}): Promise<ProvinceWarehouses> {
  const db = await seededDatabase();
  const publish = async () => {
    const dir = tempWarehouse();
    const etl = etlService(db, dir);
    for (const date of history) await etl.snapshot(date, 'history');
    await etl.snapshot(etl.today(), 'live');
    return dir;
  };
  const beforeDir = await publish();
  const moved = await db.pool.query<{ id: string; region_code: string }>(`select id, region_code from worker
    where region_code = '${MOVED_KECAMATAN}' or region_code like '${MOVED_KECAMATAN}.%'`);
  await db.pool.query(`update worker set region_code = '${PASER_KECAMATAN}' where id = any($1::bigint[])`, [moved.rows.map((r) => r.id)]);
  const afterDir = await publish();
  let kukarOnlyDir: string | null = null;
  if (options.kukarOnly) {
    await db.pool.query(
      'update worker w set region_code = m.region_code from unnest($1::bigint[], $2::text[]) as m(id, region_code) where w.id = m.id',
      [moved.rows.map((r) => r.id), moved.rows.map((r) => r.region_code)],
    );
    await keepOnlyKukar(db);
    kukarOnlyDir = await publish();
  }
  return { db, beforeDir, afterDir, kukarOnlyDir };
}

/**
 * Deletes every row outside Kutai Kartanegara: the Kukar-only demo the briefs were calibrated on before the
 * province arrived (Kukar's rows are generated first and as before, so what is left is that demo).
 */
export async function keepOnlyKukar(db: TestDatabase): Promise<void> {
  for (const sql of [
    `delete from contribution where enrolment_id in (${OUTSIDE_ENROLMENTS})`,
    `delete from claim where enrolment_id in (${OUTSIDE_ENROLMENTS})`,
    `delete from enrolment where id in (${OUTSIDE_ENROLMENTS})`,
    `delete from worker where id in (${OUTSIDE_WORKERS})`,
    `delete from sponsor_month_paid where sponsor_id in (${OUTSIDE_SPONSORS})`,
    `delete from budget_allocation where sponsor_id in (${OUTSIDE_SPONSORS})`,
    `delete from sponsor where id in (${OUTSIDE_SPONSORS})`,
    "delete from workforce where region_code not like '64.02.%'",
  ])
    await db.pool.query(sql);
}
