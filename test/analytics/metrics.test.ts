import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import { METRICS, type MetricName } from '../../schema/metrics/metric-definitions.js';
import { measureDimensions } from '../../analytics/semantic/measure-catalogue.js';
import { MEASURES } from '../../analytics/semantic/semantic-model.js';
import { trend, yearOverYear, type WarehouseQueries } from '../../analytics/metrics/metric-queries.js';
import { ValidationError } from '../../schema/errors.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';

const MODELS = path.resolve('analytics/models');

/** The named metrics are thin forms of the semantic query: on a hand-built claims mart, against yoy_payouts_by_programme. */
describe('metrics on a hand-built mart', () => {
  let instance: DuckDBInstance;
  let warehouse: WarehouseQueries;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run(fs.readFileSync(path.join(MODELS, 'macros.sql'), 'utf8'));
    await con.run(`create table dim_programme as select * from (values ('JKK', 'Kecelakaan'), ('JKM', 'Kematian'), ('JHT', 'Hari Tua'),
      ('JP', 'Pensiun'), ('JKP', 'Kehilangan')) t(programme, programme_name)`);
    await con.run('create table fct_claims_paid (programme varchar, paid_year integer, paid_amount bigint)');
    // JKK falls, JKM grows from a zero year, JKP is new in 2023; 2021 has JKK and JKM; JHT and JP are never paid
    await con.run(`insert into fct_claims_paid values ('JKK', 2021, 40), ('JKK', 2022, 100), ('JKK', 2023, 75),
      ('JKM', 2021, 5), ('JKM', 2023, 30), ('JKP', 2023, 54307662320)`);
    await con.run(fs.readFileSync(path.join(MODELS, 'marts', 'yoy_payouts_by_programme.sql'), 'utf8'));
    // the semantic layer's claims mart over the same payments, one claim each, paid mid-year
    await con.run(`create table fct_claims_paid_groups as
      select make_date(paid_year, 6, 15) as paid_date, programme, paid_amount, 1::bigint as claims from fct_claims_paid`);
    await con.run(`create view snapshots as select date '2023-12-31' as snapshot_date, 'run-1' as run_id,
      timestamptz '2024-01-01 01:00:00+08' as published_at`);
    warehouse = { query: async <T>(sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as T[] };
  });
  afterAll(() => instance?.closeSync());

  it('gives exact changes and percentages, a fall, a zero prior and a new group, for any comparison year', async () => {
    const answer = await yearOverYear(warehouse, { metric: 'BENEFITS_PAID', year: 2023, compareTo: 2022, groupBy: 'PROGRAMME' });
    expect(answer.total).toEqual({
      key: 'TOTAL',
      label: null,
      value: '54307662425',
      prior: '100',
      change: '54307662325',
      changePct: '54307662325.0',
    });
    // every programme has a line in a year with payments: 0 where it had none (JHT and JP were never paid)
    expect(answer.groups).toEqual([
      { key: 'JKP', label: 'JKP', value: '54307662320', prior: '0', change: '54307662320', changePct: null },
      { key: 'JKK', label: 'JKK', value: '75', prior: '100', change: '-25', changePct: '-25.0' },
      { key: 'JKM', label: 'JKM', value: '30', prior: '0', change: '30', changePct: null },
      { key: 'JHT', label: 'JHT', value: '0', prior: '0', change: '0', changePct: null },
      { key: 'JP', label: 'JP', value: '0', prior: '0', change: '0', changePct: null },
    ]);
    const skipping = await yearOverYear(warehouse, { metric: 'BENEFITS_PAID', year: 2023, compareTo: 2021, groupBy: 'PROGRAMME' });
    expect(skipping.groups.find((g) => g.key === 'JKM')).toMatchObject({ prior: '5', change: '25', changePct: '500.0' });
    expect(skipping.snapshot).toMatchObject({ snapshotDate: '2023-12-31', runId: 'run-1' });
  });

  it('reports a year with no prior data as new, not as an error', async () => {
    const answer = await yearOverYear(warehouse, { metric: 'BENEFITS_PAID', year: 2021, compareTo: 2020 });
    expect(answer.total).toMatchObject({ value: '45', prior: null, change: null, changePct: null });
  });

  it("agrees with the mart's own prior-year columns: one rule for a year-over-year change", async () => {
    // The API and the briefs compare through yearOverYear; the mart keeps prior-year columns for analysts.
    // Both take the change as value - prior and the percentage from the macro yoy_pct_change.
    const columns = { BENEFITS_PAID: 'paid_amount', CLAIMS_PAID: 'claims_paid' } as const;
    for (const [metric, column] of Object.entries(columns) as Array<[keyof typeof columns, string]>) {
      for (const year of [2022, 2023]) {
        const answer = await yearOverYear(warehouse, { metric, year, groupBy: 'PROGRAMME' });
        const mart = await warehouse.query<{ key: string; prior: string | null; change: string | null; changePct: string | null }>(
          `select programme as key, cast(prior_${column} as varchar) as prior, cast(${column}_change as varchar) as change,
            cast(${column}_change_pct as varchar) as "changePct" from yoy_payouts_by_programme where year = ${year}`,
        );
        expect(mart.length, `${metric} ${year}`).toBe(5);
        // the same lines, zeros and nulls alike (one definition of a group with no rows: analytics/README.md)
        const lines = answer.groups.map(({ key, prior, change, changePct }) => ({ key, prior, change, changePct }));
        expect(
          lines.sort((a, b) => a.key.localeCompare(b.key)),
          `${metric} ${year}`,
        ).toEqual(mart.sort((a, b) => a.key.localeCompare(b.key)));
      }
    }
  });

  it('refuses bad input naming the field', async () => {
    const refused = async (promise: Promise<unknown>, field: string) => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
    };
    await refused(yearOverYear(warehouse, { metric: 'BENEFITS_PAID', year: 2023, groupBy: 'KECAMATAN' }), 'groupBy');
    await refused(yearOverYear(warehouse, { metric: 'BENEFITS_PAID', year: 2023, compareTo: 2023 }), 'compareTo');
    await refused(yearOverYear(warehouse, { metric: 'BENEFITS_PAID', year: 20233 }), 'year');
    await refused(yearOverYear(warehouse, { metric: 'ACTIVE_ENROLMENTS', year: 2023 }), 'metric');
    await refused(trend(warehouse, { metric: 'COVERAGE', from: '2023-01-01', to: '2023-12-31', interval: 'MONTH' }), 'metric');
    await refused(trend(warehouse, { metric: 'BENEFITS_PAID', from: '2023-02-30', to: '2023-12-31', interval: 'MONTH' }), 'from');
    await refused(trend(warehouse, { metric: 'BENEFITS_PAID', from: '2023-12-31', to: '2023-01-01', interval: 'MONTH' }), 'to');
  });
});

describe('metrics on a seeded warehouse', () => {
  let db: TestDatabase;
  let dir: string;
  let reader: WarehouseReader;

  beforeAll(async () => {
    db = await seededDatabase();
    dir = tempWarehouse();
    const etl = etlService(db, dir);
    await etl.snapshot('2022-12-31', 'history');
    await etl.snapshot('2023-12-31', 'history');
    await etl.snapshot(etl.today(), 'live');
    reader = new WarehouseReader(dir);
  });
  afterAll(async () => {
    reader?.close();
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a semantic measure for every metric, in its unit, answering every grouping the metric offers', () => {
    // The definitions are plain data (schema/metrics): the API's contract; the semantic model answers it.
    for (const [name, definition] of METRICS) {
      expect(MEASURES[name].unit, name).toBe(definition.unit);
      for (const grouping of definition.groupings) expect(measureDimensions(name), `${name} by ${grouping}`).toContain(grouping);
    }
  });

  it('answers every metric and grouping, and additive groups add up to the total', async () => {
    const additive: MetricName[] = [
      'BUDGET_ALLOCATED',
      'CONTRIBUTIONS_PAID',
      'BENEFITS_PAID',
      'CLAIMS_PAID',
      'VULNERABLE_BENEFITS_PAID',
      'LABOUR_FORCE',
    ];
    for (const [name, definition] of METRICS) {
      if (!definition.yearly) continue;
      for (const groupBy of definition.groupings) {
        const answer = await yearOverYear(reader, { metric: name, year: 2023, compareTo: 2022, groupBy });
        expect(answer.total.value, `${name} total`).not.toBeNull();
        expect(answer.groups.length, `${name} by ${groupBy}`).toBeGreaterThan(0);
        if (additive.includes(name)) {
          const sum = answer.groups.reduce((s, g) => s + BigInt(g.value ?? 0), 0n);
          expect(sum, `${name} by ${groupBy}`).toBe(BigInt(answer.total.value!));
        }
      }
    }
  });

  it('trends cover every period, and a flow summed over a year equals the yearly figure', async () => {
    const yearly = await yearOverYear(reader, { metric: 'CONTRIBUTIONS_PAID', year: 2023 });
    const monthly = await trend(reader, { metric: 'CONTRIBUTIONS_PAID', from: '2023-01-01', to: '2023-12-31', interval: 'MONTH' });
    expect(monthly.points.map((p) => p.periodStart)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}-01`),
    );
    expect(monthly.points.at(-1)!.periodEnd).toBe('2023-12-31');
    expect(monthly.points.reduce((s, p) => s + BigInt(p.value ?? 0), 0n)).toBe(BigInt(yearly.total.value!));
    const stock = await trend(reader, { metric: 'ACTIVE_ENROLMENTS', from: '2022-07-15', to: '2023-12-31', interval: 'QUARTER' });
    expect(stock.points.map((p) => p.periodStart)).toEqual([
      '2022-07-01',
      '2022-10-01',
      '2023-01-01',
      '2023-04-01',
      '2023-07-01',
      '2023-10-01',
    ]);
    // history holds only the two year ends, so only the quarters holding one show a value
    expect(stock.points.filter((p) => p.value !== null).map((p) => p.periodStart)).toEqual(['2022-10-01', '2023-10-01']);
  });
});
