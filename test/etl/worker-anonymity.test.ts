import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { K_ANONYMITY } from '../../etl/worker-table.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, openReader, seededDatabase, tempWarehouse } from './etl.fixture.js';

/**
 * Someone who knows a worker's sex, birth year, kecamatan, occupation, sector and when they
 * registered must not find fewer than K worker_keys in the warehouse: each key leads to that
 * person's memberships, contributions and claims.
 */
let db: TestDatabase;
let dir: string;
const LIVE = '2026-11-26';
const HISTORY = '2023-12-31';
const QUASI = 'sex, birth_year, age_band, region_code, occupation, sector, non_asn, created_date, created_year';
const ANALYTIC = 'region_code, occupation, sector, non_asn';

beforeAll(async () => {
  db = await seededDatabase();
  dir = tempWarehouse();
  const etl = etlService(db, dir);
  await etl.snapshot(LIVE, 'live');
  await etl.backfill([HISTORY]);
});

afterAll(async () => {
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const share = (part: string, whole: string) => Number(part) / Number(whole);

describe('the worker dimension is k-anonymous', () => {
  it('the source has most workers unique on their quasi-identifiers (what the warehouse must not copy)', async () => {
    const { rows } = await db.pool.query<{ unique_rows: string; workers: string }>(`
      select count(*) filter (where n = 1) as unique_rows, count(*) as workers from (
        select count(*) over (partition by sex, extract(year from birth_date), region_code, occupation, sector,
          (created_at at time zone 'Asia/Makassar')::date) as n
        from worker) as classes`);
    expect(share(rows[0]!.unique_rows, rows[0]!.workers)).toBeGreaterThan(0.5);
  });

  for (const date of [LIVE, HISTORY]) {
    it(`${date}: no combination smaller than k except where the kecamatan/occupation/sector group itself is`, async () => {
      const reader = await openReader(dir);
      try {
        const [row] = await reader.rows<Record<string, string>>(`
          with snapshot as (select * from worker where snapshot_date = date '${date}'),
          classes as (select *, count(*) over (partition by ${QUASI}) as size, count(*) over (partition by ${ANALYTIC}) as group_size
            from snapshot)
          select count(*)::varchar as workers,
            count(*) filter (where size = 1)::varchar as unique_rows,
            count(*) filter (where size < ${K_ANONYMITY} and group_size >= ${K_ANONYMITY})::varchar as avoidable,
            count(*) filter (where size < ${K_ANONYMITY} and coalesce(sex, birth_year::varchar, age_band, created_date::varchar,
              created_year::varchar) is not null)::varchar as small_with_details,
            count(*) filter (where size = 1 and group_size >= ${K_ANONYMITY})::varchar as unique_in_large_groups,
            count(*) filter (where birth_year is not null)::varchar as birth_year_kept,
            count(*) filter (where age_band is not null)::varchar as age_band_kept
          from classes`);
        expect(Number(row!.workers)).toBeGreaterThan(1000);
        // The one exception: a kecamatan/occupation/sector/non-ASN group of fewer than k workers,
        // published with every other detail suppressed (coarsening those would change the coverage figures).
        expect(row).toMatchObject({ avoidable: '0', small_with_details: '0', unique_in_large_groups: '0' });
        // Not everything suppressed: the age band survives for some workers even at this small size.
        expect(share(row!.age_band_kept!, row!.workers!)).toBeGreaterThan(0.1);
      } finally {
        reader.close();
      }
    });
  }

  it('keeps kecamatan, occupation, sector and non-ASN exact, so every coverage figure is unchanged', async () => {
    const { rows: source } = await db.pool.query<Record<string, string>>(
      `select ${ANALYTIC}, count(*)::text as n from worker group by ${ANALYTIC} order by ${ANALYTIC}`,
    );
    const reader = await openReader(dir);
    try {
      const warehouse = await reader.rows<Record<string, string>>(
        `select ${ANALYTIC}, count(*)::varchar as n from worker_latest group by ${ANALYTIC} order by ${ANALYTIC}`,
      );
      expect(warehouse.map((r) => Object.values(r).map(String))).toEqual(source.map((r) => Object.values(r).map(String)));
      // Where the birth year is published, the band is the age reached in the snapshot's year, nothing finer.
      const [bands] = await reader.rows<{ wrong: string }>(`
        select count(*)::varchar as wrong from worker_latest
        where birth_year is not null and age_band <> case
          when 2026 - birth_year < 15 then '<15' when 2026 - birth_year >= 65 then '65+'
          else ((2026 - birth_year + 5) // 10 * 10 - 5)::varchar || '-' || ((2026 - birth_year + 5) // 10 * 10 + 4)::varchar end`);
      expect(bands!.wrong).toBe('0');
    } finally {
      reader.close();
    }
  });
});
