import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const MODELS = path.resolve('analytics/models');
/** The marts the semantic model reads, in the ETL's order (dim_, then fct_, by name). */
const MARTS = [
  'dim_region',
  'dim_place',
  'fct_budget',
  'fct_claims_paid_groups',
  'fct_contributions_groups',
  'fct_contributions_sponsor_months',
  'fct_contributions_worker_months',
  'fct_coverage_years',
  'fct_workers_protected_periods',
  'fct_workforce',
];

export const EARLIER = '2023-03-31';
export const LATEST = '2023-12-31';

/**
 * A hand-built warehouse: staging rows for two snapshots, small enough to count by hand. Between the two,
 * worker w4 moved from kecamatan Alpha to Beta, membership e2 ended and e4 began.
 *
 * Memberships (latest): e1 w1 PEMKAB 2022-01-01…open; e2 w1 CSR-A 2023-02-01…2023-06-30 (w1 has two sponsors
 * in Q1 2023); e3 w2 PEMKAB 2022-06-01…2023-01-31; e4 w3 SELF 2023-04-01…open; e5 w4 CSR-A 2022-01-01…2022-03-31.
 */
export const STAGING = (extra = ''): string[] => [
  `create table stg_region as select * from (values
      ('64', 'Kalimantan Timur', 'PROVINCE', null),
      ('64.02', 'Kutai Kartanegara', 'REGENCY', '64'),
      ('64.02.01', 'Alpha', 'DISTRICT', '64.02'),
      ('64.02.02', 'Beta', 'DISTRICT', '64.02'),
      ('64.02.01.2001', 'Alpha Satu', 'VILLAGE', '64.02.01'),
      ('64.02.02.2001', 'Beta Satu', 'VILLAGE', '64.02.02')
    ) as r(region_code, region_name, region_level, parent_region_code)
    cross join (values (date '${EARLIER}'), (date '${LATEST}')) as s(snapshot_date)`,
  `create table stg_sponsor as select * from (values
      (1, 'PEMKAB', 'Pemkab Kukar', 'REGENCY_BUDGET', null, '64.02'),
      (2, 'CSR-A', 'CSR Alpha', 'COMPANY_CSR', 1, null),
      (3, 'SELF', 'Mandiri', 'SELF', null, null)
    ) as r(sponsor_id, sponsor_code, sponsor_name, sponsor_kind, employer_id, sponsor_region_code)
    cross join (values (date '${EARLIER}'), (date '${LATEST}')) as s(snapshot_date)`,
  `create table stg_employer as select * from (values (1, 'EMP-1', '64.02.01')) as r(employer_id, employer_code, region_code)
    cross join (values (date '${EARLIER}'), (date '${LATEST}')) as s(snapshot_date)`,
  `create table stg_worker as select cast(snapshot_date as date) as snapshot_date, worker_key, sex, age_band, region_code, occupation, sector, non_asn
    from (values
      ('${EARLIER}', 'w1', 'L', '25-34', '64.02.01.2001', 'PETANI', 'INFORMAL', false),
      ('${EARLIER}', 'w2', 'P', '35-44', '64.02.01.2001', 'NELAYAN', 'INFORMAL', false),
      ('${EARLIER}', 'w4', 'L', null, '64.02.01.2001', 'PEDAGANG', 'INFORMAL', false),
      ('${LATEST}', 'w1', 'L', '25-34', '64.02.01.2001', 'PETANI', 'INFORMAL', false),
      ('${LATEST}', 'w2', 'P', '35-44', '64.02.01.2001', 'NELAYAN', 'INFORMAL', false),
      ('${LATEST}', 'w3', 'P', '25-34', '64.02.02.2001', 'KARYAWAN', 'FORMAL', false),
      ('${LATEST}', 'w4', 'L', null, '64.02.02.2001', 'PEDAGANG', 'INFORMAL', false)
    ) as t(snapshot_date, worker_key, sex, age_band, region_code, occupation, sector, non_asn)`,
  `create table stg_enrolment as select cast(snapshot_date as date) as snapshot_date, enrolment_id, worker_key, sponsor_id, segment,
      cast(start_date as date) as start_date, cast(end_date as date) as end_date, enrolment_status
    from (values
      ('${EARLIER}', 1, 'w1', 1, 'BPU', '2022-01-01', null, 'ACTIVE'),
      ('${EARLIER}', 2, 'w1', 2, 'BPU', '2023-02-01', null, 'ACTIVE'),
      ('${EARLIER}', 3, 'w2', 1, 'BPU', '2022-06-01', '2023-01-31', 'TERMINATED'),
      ('${EARLIER}', 5, 'w4', 2, 'BPU', '2022-01-01', '2022-03-31', 'TERMINATED'),
      ('${LATEST}', 1, 'w1', 1, 'BPU', '2022-01-01', null, 'ACTIVE'),
      ('${LATEST}', 2, 'w1', 2, 'BPU', '2023-02-01', '2023-06-30', 'TERMINATED'),
      ('${LATEST}', 3, 'w2', 1, 'BPU', '2022-06-01', '2023-01-31', 'TERMINATED'),
      ('${LATEST}', 4, 'w3', 3, 'PU', '2023-04-01', null, 'ACTIVE'),
      ('${LATEST}', 5, 'w4', 2, 'BPU', '2022-01-01', '2022-03-31', 'TERMINATED')
    ) as t(snapshot_date, enrolment_id, worker_key, sponsor_id, segment, start_date, end_date, enrolment_status)`,
  `create table stg_contribution as select cast(snapshot_date as date) as snapshot_date, contribution_id, enrolment_id, sponsor_id,
      cast(period as date) as period, programme, cast(amount as bigint) as amount, cast(paid_date as date) as paid_date
    from (values
      ('${LATEST}', 1, 1, 1, '2022-01-01', 'JKK', 10000, '2022-01-10'),
      ('${LATEST}', 2, 1, 1, '2023-01-01', 'JKK', 10000, '2023-01-10'),
      ('${LATEST}', 3, 1, 1, '2023-01-01', 'JKM', 6800, '2023-01-10'),
      ('${LATEST}', 4, 1, 1, '2023-02-01', 'JKK', 10000, '2023-02-10'),
      ('${LATEST}', 5, 2, 2, '2023-02-01', 'JKK', 12000, '2023-02-11'),
      ('${LATEST}', 6, 3, 1, '2022-12-01', 'JKK', 9000, '2022-12-10'),
      ('${LATEST}', 7, 4, 3, '2023-04-01', 'JHT', 50000, '2023-04-15'),
      ('${LATEST}', 8, 5, 2, '2022-02-01', 'JKK', 7000, '2022-02-09'),
      ('${EARLIER}', 1, 1, 1, '2022-01-01', 'JKK', 10000, '2022-01-10'),
      ('${EARLIER}', 2, 1, 1, '2023-01-01', 'JKK', 10000, '2023-01-10'),
      ('${EARLIER}', 6, 3, 1, '2022-12-01', 'JKK', 9000, '2022-12-10'),
      ('${EARLIER}', 8, 5, 2, '2022-02-01', 'JKK', 7000, '2022-02-09')
    ) as t(snapshot_date, contribution_id, enrolment_id, sponsor_id, period, programme, amount, paid_date)`,
  `create table stg_claim as select cast(snapshot_date as date) as snapshot_date, claim_id, enrolment_id, programme, claim_status,
      cast(paid_amount as bigint) as paid_amount, cast(paid_date as date) as paid_date
    from (values
      ('${LATEST}', 1, 1, 'JKK', 'PAID', 1000000, '2023-02-10'),
      ('${LATEST}', 2, 3, 'JKM', 'PAID', 5000000, '2022-03-01'),
      ('${LATEST}', 3, 4, 'JHT', 'SUBMITTED', null, null),
      ('${EARLIER}', 2, 3, 'JKM', 'PAID', 5000000, '2022-03-01')
    ) as t(snapshot_date, claim_id, enrolment_id, programme, claim_status, paid_amount, paid_date)`,
  `create table stg_budget_allocation as select cast(snapshot_date as date) as snapshot_date, sponsor_id, fiscal_year, budget_kind,
      cast(amount as bigint) as amount
    from (values
      ('${LATEST}', 1, 2022, 'ORIGINAL', 15000000000),
      ('${LATEST}', 1, 2023, 'ORIGINAL', 18000000000),
      ('${EARLIER}', 1, 2022, 'ORIGINAL', 15000000000),
      ('${EARLIER}', 1, 2023, 'ORIGINAL', 17000000000)
    ) as t(snapshot_date, sponsor_id, fiscal_year, budget_kind, amount)`,
  'create table stg_budget_in_force as select * from stg_budget_allocation',
  `create table stg_workforce as select cast(snapshot_date as date) as snapshot_date, year, kecamatan_code, sector, cast(labour_force as bigint) as labour_force
    from (values (2022, '64.02.01', 'INFORMAL', 90), (2022, '64.02.01', 'FORMAL', 40), (2022, '64.02.02', 'INFORMAL', 70),
      (2022, '64.02.02', 'FORMAL', 30), (2023, '64.02.01', 'INFORMAL', 100), (2023, '64.02.01', 'FORMAL', 50),
      (2023, '64.02.02', 'INFORMAL', 80), (2023, '64.02.02', 'FORMAL', 40)) as t(year, kecamatan_code, sector, labour_force)
    cross join (values ('${EARLIER}'), ('${LATEST}')) as s(snapshot_date)`,
  `create table snapshots as select * from (values
      (date '${EARLIER}', 'run-earlier', timestamptz '2023-04-01 01:00:00+08'),
      (date '${LATEST}', 'run-latest', timestamptz '2024-01-01 01:00:00+08')
    ) as t(snapshot_date, run_id, published_at)`,
  ...(extra ? [extra] : []),
];

/**
 * Writes the hand-built warehouse to `file` as the ETL would build a catalogue: the macros, the marts the
 * semantic model reads (the shipped files), materialised where their header says so. `extra` runs after
 * the staging rows (to change them before a second publish).
 */
export async function buildSemanticWarehouse(file: string, extra = ''): Promise<void> {
  fs.rmSync(file, { force: true });
  const instance = await DuckDBInstance.create(file);
  const con = await instance.connect();
  try {
    await con.run(fs.readFileSync(path.join(MODELS, 'macros.sql'), 'utf8'));
    for (const sql of STAGING(extra)) await con.run(sql);
    for (const mart of MARTS) {
      const sql = fs.readFileSync(path.join(MODELS, 'marts', `${mart}.sql`), 'utf8');
      await con.run(sql);
      if (/^-- materialized: table$/m.test(sql)) {
        await con.run(`create table "${mart}__m" as select * from "${mart}"`);
        await con.run(`drop view "${mart}"`);
        await con.run(`alter table "${mart}__m" rename to "${mart}"`);
      }
    }
    await con.run('checkpoint');
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
