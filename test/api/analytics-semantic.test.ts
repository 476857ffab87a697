import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSemanticWarehouse, EARLIER, LATEST } from '../analytics/semantic.fixture.js';
import { etlService, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';
import type { TestDatabase } from '../helpers/database.js';
import { code, startApi, type TestApi } from './api-server.js';

const ANALYTICS = `query ($measures: [AnalyticsMetric!]!, $dimensions: [AnalyticsDimension!], $filters: [AnalyticsFilterInput!],
    $timeDimension: AnalyticsTimeDimensionInput!, $asOf: Date) {
  analytics(measures: $measures, dimensions: $dimensions, filters: $filters, timeDimension: $timeDimension, asOf: $asOf) {
    measures { measure unit distinct } dimensions granularity dateRange { start end } compareDateRange { start end }
    rows { period { start end } comparePeriod { start end } members { dimension key label } values { measure value prior change changePct isNew } }
    totals { period { start end } values { measure value prior change changePct isNew } }
    snapshot { snapshotDate etlRunId publishedAt }
    sql
  }
}`;

type Answer = {
  rows: Array<{
    period: { start: string };
    members: Array<{ dimension: string; key: string | null; label: string | null }>;
    values: Array<{
      measure: string;
      value: string | null;
      prior: string | null;
      change: string | null;
      changePct: string | null;
      isNew: boolean;
    }>;
  }>;
  totals: Answer['rows'];
  snapshot: { snapshotDate: string; etlRunId: string };
  sql: string[];
};

const Q1_2023 = { from: '2023-01-01', to: '2023-03-31' };
const Q1_2022 = { from: '2022-01-01', to: '2022-03-31' };

describe('analytics over HTTP on a hand-built warehouse', () => {
  let dir: string;
  let api: TestApi;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-semantic-api-'));
    await buildSemanticWarehouse(path.join(dir, 'lindung.duckdb'));
    api = await startApi({ warehouseDir: dir, api: { analyticsMaxCells: 500 } });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const ask = async (variables: Record<string, unknown>, role: 'viewer' | 'analyst' | 'operator' | 'admin' = 'analyst') => {
    const res = await api.gql(ANALYTICS, variables, { role });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.analytics as Answer;
  };

  it('answers workers protected by kecamatan and sex, Q1 2023 against Q1 2022, to every signed-in role', async () => {
    const variables = {
      measures: ['WORKERS_PROTECTED', 'CONTRIBUTIONS_PAID'],
      dimensions: ['KECAMATAN', 'SEX'],
      filters: [{ dimension: 'SECTOR', equalTo: 'INFORMAL' }],
      timeDimension: { dateRange: Q1_2023, compareDateRange: Q1_2022 },
    };
    const a = await ask(variables);
    // a group with no rows in a quarter that has rows: 0 there, not null (analytics/README.md)
    expect(a.rows.map((r) => [r.members.map((m) => m.key).join('/'), r.values[0]!.value, r.values[0]!.prior])).toEqual([
      ['64.02.01/L', '1', '1'],
      ['64.02.01/P', '1', '0'],
      ['64.02.02/L', '0', '1'],
    ]);
    expect(a.rows[0]!.values[1]).toEqual({
      measure: 'CONTRIBUTIONS_PAID',
      value: '38800',
      prior: '10000',
      change: '28800',
      changePct: '288.0',
      isNew: false,
    });
    expect(a.rows[1]!.values[0]).toMatchObject({ value: '1', prior: '0', changePct: null, isNew: true });
    expect(a.totals[0]!.values[0]).toMatchObject({ value: '2', prior: '2', change: '0' });
    expect(a.snapshot).toMatchObject({ snapshotDate: LATEST, etlRunId: 'run-latest' });
    expect(a.sql[0]).toMatch(/^with periods/);
    for (const role of ['viewer', 'operator', 'admin'] as const) expect(await ask(variables, role)).toEqual(a);
    const anonymous = await api.gql(ANALYTICS, variables, { role: null });
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('lists the measures with the dimensions each can answer, for a dashboard’s menus', async () => {
    const res = await api.gql('{ analyticsMeasures { measure unit distinct dimensions wholeYearsOnly } }', {}, { role: 'viewer' });
    const measures = res.body.data!.analyticsMeasures as Array<{ measure: string; dimensions: string[]; wholeYearsOnly: boolean }>;
    expect(measures.map((m) => m.measure)).not.toContain('ACTIVE_ENROLMENTS');
    expect(measures.find((m) => m.measure === 'WORKERS_PROTECTED')).toMatchObject({ unit: 'COUNT', distinct: true, wholeYearsOnly: false });
    expect(measures.find((m) => m.measure === 'WORKERS_PROTECTED')!.dimensions).not.toContain('PROGRAMME');
    expect(measures.find((m) => m.measure === 'COVERAGE')).toMatchObject({ dimensions: ['KECAMATAN', 'SECTOR'], wholeYearsOnly: true });
  });

  it('answers as of an earlier snapshot', async () => {
    const a = await ask({
      measures: ['WORKERS_PROTECTED'],
      dimensions: ['KECAMATAN'],
      timeDimension: { granularity: 'YEAR', dateRange: { from: '2022-01-01', to: '2022-12-31' } },
      asOf: EARLIER,
    });
    expect(a.snapshot).toMatchObject({ snapshotDate: EARLIER, etlRunId: 'run-earlier' });
    expect(a.rows.map((r) => [r.members[0]!.key, r.values[0]!.value])).toEqual([['64.02.01', '3']]);
  });

  it('refuses an unanswerable pair, bad filters and a too-large plan with codes naming the argument', async () => {
    const t = { dateRange: { from: '2023-01-01', to: '2023-12-31' } };
    const pair = await api.gql(
      ANALYTICS,
      { measures: ['WORKERS_PROTECTED'], dimensions: ['PROGRAMME'], timeDimension: t },
      { role: 'viewer' },
    );
    expect(code(pair)).toBe('BAD_USER_INPUT');
    expect(pair.body.errors![0]!.extensions.argumentPath).toBe('dimensions');
    expect(pair.body.errors![0]!.message).toMatch(/WORKERS_PROTECTED cannot be broken down by PROGRAMME/);
    const filter = await api.gql(
      ANALYTICS,
      { measures: ['CLAIMS_PAID'], filters: [{ dimension: 'PROGRAMME', lessThan: 'JKM' }], timeDimension: t },
      { role: 'viewer' },
    );
    expect(code(filter)).toBe('BAD_USER_INPUT');
    expect(filter.body.errors![0]!.extensions.argumentPath).toBe('filters[0].lessThan');
    const unknown = await api.gql(ANALYTICS, { measures: ['CLAIMS_PAID'], dimensions: ['PLANET'], timeDimension: t }, { role: 'viewer' });
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    const large = await api.gql(
      ANALYTICS,
      {
        measures: ['CLAIMS_PAID'],
        dimensions: ['SPONSOR', 'KECAMATAN', 'SEX'],
        timeDimension: { granularity: 'MONTH', dateRange: t.dateRange, compareDateRange: { from: '2022-01-01', to: '2022-12-31' } },
      },
      { role: 'viewer' },
    );
    expect(code(large)).toBe('QUERY_TOO_LARGE');
    expect(large.body.errors![0]!.message).toMatch(/about 648 cells .* over the limit of 500/);
  });

  it('serves a repeated question from the cache until a new catalogue is published', async () => {
    const variables = {
      measures: ['BENEFITS_PAID'],
      dimensions: ['PROGRAMME'],
      timeDimension: { dateRange: { from: '2023-01-01', to: '2023-12-31' } },
    };
    const first = await ask(variables);
    expect(await ask(variables)).toEqual(first);
    const file = path.join(dir, 'lindung.duckdb');
    await buildSemanticWarehouse(`${file}.next`, 'update stg_claim set paid_amount = 3000000 where claim_id = 1');
    fs.renameSync(`${file}.next`, file);
    const after = await ask(variables);
    expect(first.totals[0]!.values[0]!.value).toBe('1000000');
    expect(after.totals[0]!.values[0]!.value).toBe('3000000');
  });
});

/** The same figures as the named metrics, on the demo warehouse the ETL builds (the marts' model tests run before it publishes). */
describe('analytics against the named metrics on a seeded warehouse', () => {
  let db: TestDatabase;
  let dir: string;
  let api: TestApi;

  beforeAll(async () => {
    db = await seededDatabase();
    dir = tempWarehouse();
    const etl = etlService(db, dir);
    await etl.snapshot('2022-12-31', 'history');
    await etl.snapshot(etl.today(), 'live');
    api = await startApi({ db, warehouseDir: dir });
  }, 240_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const YOY = `query ($metric: AnalyticsMetric!, $groupBy: AnalyticsGrouping) {
    yearOverYear(metric: $metric, year: 2023, compareTo: 2022, groupBy: $groupBy) { total { value prior } groups { key label value prior } }
  }`;
  const DIMENSION: Record<string, string> = {
    SPONSOR_KIND: 'SPONSOR_KIND',
    SPONSOR: 'SPONSOR',
    PROGRAMME: 'PROGRAMME',
    SECTOR: 'SECTOR',
    KECAMATAN: 'KECAMATAN',
    OCCUPATION: 'OCCUPATION',
  };
  const CASES: Array<[string, string]> = [
    ['WORKERS_PROTECTED', 'SPONSOR_KIND'],
    ['WORKERS_PROTECTED', 'KECAMATAN'],
    ['WORKERS_PROTECTED', 'OCCUPATION'],
    ['CONTRIBUTIONS_PAID', 'PROGRAMME'],
    ['BENEFITS_PAID', 'PROGRAMME'],
    ['CLAIMS_PAID', 'PROGRAMME'],
    ['BUDGET_ALLOCATED', 'SPONSOR'],
    ['BUDGET_REALISATION', 'SPONSOR_KIND'],
    ['COVERAGE', 'SECTOR'],
    ['COVERAGE', 'KECAMATAN'],
    ['COST_PER_WORKER', 'SPONSOR_KIND'],
    ['VULNERABLE_WORKERS_SPONSORED', 'SPONSOR_KIND'],
  ];

  it('gives each metric’s yearOverYear total and groups for 2023 against 2022', async () => {
    for (const [metric, grouping] of CASES) {
      const yoy = await api.gql(YOY, { metric, groupBy: grouping }, { role: 'analyst' });
      expect(yoy.body.errors, metric).toBeUndefined();
      const expected = yoy.body.data!.yearOverYear as {
        total: { value: string | null; prior: string | null };
        groups: Array<{ key: string; value: string | null; prior: string | null }>;
      };
      const res = await api.gql(
        ANALYTICS,
        {
          measures: [metric],
          dimensions: [DIMENSION[grouping]],
          timeDimension: {
            granularity: 'YEAR',
            dateRange: { from: '2023-01-01', to: '2023-12-31' },
            compareDateRange: { from: '2022-01-01', to: '2022-12-31' },
          },
        },
        { role: 'analyst' },
      );
      expect(res.body.errors, `${metric} by ${grouping}`).toBeUndefined();
      const a = res.body.data!.analytics as Answer;
      expect(a.totals[0]!.values[0], `${metric} total`).toMatchObject(expected.total);
      // One definition of a group with no rows (analytics/README.md): 0 in a period that has rows, null in one
      // that has none; so the same lines, zeros and nulls alike.
      const lines = (list: Array<[string | null, string | null, string | null]>) =>
        Object.fromEntries(list.map(([k, v, p]) => [String(k), [v, p]]));
      expect(expected.groups.length, metric).toBeGreaterThan(0);
      expect(lines(a.rows.map((r) => [r.members[0]!.key, r.values[0]!.value, r.values[0]!.prior])), `${metric} by ${grouping}`).toEqual(
        lines(expected.groups.map((g) => [g.key, g.value, g.prior])),
      );
      expect(
        a.rows.map((r) => r.members[0]!.key),
        `${metric} by ${grouping}: order`,
      ).toEqual(expected.groups.map((g) => g.key));
    }
  });
});
