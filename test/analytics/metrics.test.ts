import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import { METRICS, type MetricName } from '../../schema/metrics/metric-definitions.js';
import { metricFile } from '../../analytics/metrics/metric-sql.js';
import { trend, yearOverYear, type WarehouseQueries } from '../../analytics/metrics/metric-queries.js';
import { ValidationError } from '../../schema/errors.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';

const MODELS = path.resolve('analytics/models');

describe('metrics on a hand-built mart', () => {
  let instance: DuckDBInstance;
  let warehouse: WarehouseQueries;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run(fs.readFileSync(path.join(MODELS, 'macros.sql'), 'utf8'));
    await con.run(`create table dim_programme as select * from (values ('JKK', 'Kecelakaan'), ('JKM', 'Kematian'), ('JKP', 'Kehilangan'))
      t(programme, programme_name)`);
    await con.run('create table fct_claims_paid (programme varchar, paid_year integer, paid_amount bigint)');
    // JKK falls, JKM grows from a zero year, JKP is new in 2023; 2021 has only JKK
    await con.run(`insert into fct_claims_paid values ('JKK', 2021, 40), ('JKK', 2022, 100), ('JKK', 2023, 75),
      ('JKM', 2021, 5), ('JKM', 2023, 30), ('JKP', 2023, 54307662320)`);
    await con.run(fs.readFileSync(path.join(MODELS, 'marts', 'yoy_payouts_by_programme.sql'), 'utf8'));
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
    expect(answer.groups).toEqual([
      { key: 'JKP', label: 'Kehilangan', value: '54307662320', prior: '0', change: '54307662320', changePct: null },
      { key: 'JKK', label: 'Kecelakaan', value: '75', prior: '100', change: '-25', changePct: '-25.0' },
      { key: 'JKM', label: 'Kematian', value: '30', prior: '0', change: '30', changePct: null },
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
        expect(mart.length, `${metric} ${year}`).toBeGreaterThan(0);
        for (const row of mart) {
          const { key, prior, change, changePct } = answer.groups.find((g) => g.key === row.key)!;
          expect({ key, prior, change, changePct }, `${metric} ${year}`).toEqual(row);
        }
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

  it('has a file for every metric, each opening with its unit, groups and sources', () => {
    for (const [name, definition] of METRICS) {
      // The definitions are plain data (schema/metrics): they must say exactly which files exist.
      expect(fs.existsSync(metricFile('yearly', name)), `${name} yearly`).toBe(definition.yearly);
      expect(fs.existsSync(metricFile('trends', name)), `${name} trend`).toBe(definition.trend !== null);
      const files = [definition.yearly && metricFile('yearly', name), definition.trend && metricFile('trends', name)].filter(
        Boolean,
      ) as string[];
      expect(files.length, name).toBeGreaterThan(0);
      for (const file of files) {
        const header = fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('--'))
          .join(' ');
        expect(header, file).toMatch(new RegExp(`^-- ${name.toLowerCase()} \\(${definition.unit}`));
        expect(header, file).toMatch(/sources?:/);
      }
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
