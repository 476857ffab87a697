import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../schema/metrics/metric-definitions.js';
import { etlService, openReader, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';
import type { TestDatabase } from '../helpers/database.js';
import { code, type GqlResponse, startApi, type TestApi } from './api-server.js';

/** Month-end history for 2022–2023 and one live snapshot: enough for two compared years and a trend. */
const HISTORY = ['2022-03-31', '2022-06-30', '2022-09-30', '2022-12-31', '2023-06-30', '2023-12-31'];

const COMPARISON = 'key label value prior change changePct isNew';
const YOY = `query ($metric: AnalyticsMetric!, $year: Int!, $compareTo: Int, $groupBy: AnalyticsGrouping) {
  yearOverYear(metric: $metric, year: $year, compareTo: $compareTo, groupBy: $groupBy) {
    metric unit year compareTo groupBy total { ${COMPARISON} } groups { ${COMPARISON} } snapshot { snapshotDate etlRunId publishedAt } sql
  }
}`;
const TREND = `query ($metric: AnalyticsMetric!, $from: Date!, $to: Date!, $interval: TrendInterval) {
  trend(metric: $metric, from: $from, to: $to, interval: $interval) {
    metric unit interval from to points { periodStart periodEnd value } snapshot { snapshotDate } sql
  }
}`;

type Comparison = {
  key: string;
  label: string | null;
  value: string | null;
  prior: string | null;
  change: string | null;
  changePct: string | null;
  isNew: boolean;
};
type Row = Record<string, unknown>;

let db: TestDatabase;
let dir: string;
let api: TestApi;
let warehouse: Awaited<ReturnType<typeof openReader>>;
let beforeFirstRun: GqlResponse;

beforeAll(async () => {
  db = await seededDatabase();
  dir = tempWarehouse();
  api = await startApi({ db, warehouseDir: dir });
  beforeFirstRun = await api.gql(YOY, { metric: 'BENEFITS_PAID', year: 2023 }, { role: 'viewer' });
  // The server keeps its one reader: it must pick up the catalogue the ETL publishes after it started.
  const etl = etlService(db, dir);
  await etl.backfill(HISTORY);
  await etl.snapshot(etl.today(), 'live');
  warehouse = await openReader(dir);
}, 240_000);

afterAll(async () => {
  warehouse?.close();
  await api?.close();
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function yoy(variables: Record<string, unknown>) {
  const res = await api.gql(YOY, variables, { role: 'analyst' });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.yearOverYear as {
    unit: string;
    year: number;
    compareTo: number;
    total: Comparison;
    groups: Comparison[];
    snapshot: { snapshotDate: string; etlRunId: string; publishedAt: string };
    sql: string[];
  };
}

async function trendOf(variables: Record<string, unknown>) {
  const res = await api.gql(TREND, variables, { role: 'analyst' });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.trend as {
    points: Array<{ periodStart: string; periodEnd: string; value: string | null }>;
    snapshot: { snapshotDate: string };
  };
}

/** DuckDB's answer as strings (or null), in the API's field names. */
async function mart(sql: string): Promise<Array<Record<string, string | null>>> {
  const rows = await warehouse.rows<Row>(sql);
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])));
}

const byKey = (lines: Comparison[]) =>
  Object.fromEntries(lines.map(({ key, value, prior, change, changePct }) => [key, { value, prior, change, changePct }]));
const sortedKeys = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

describe('analytics fields', () => {
  it('answer WAREHOUSE_NOT_READY before the first snapshot is published, not an internal error', () => {
    expect(code(beforeFirstRun)).toBe('WAREHOUSE_NOT_READY');
    expect(beforeFirstRun.body.errors![0]!.message).toMatch(/no published snapshot yet/);
  });

  it('list the metric catalogue for a dashboard’s menus', async () => {
    const res = await api.gql('{ metrics { name unit groupings hasYearOverYear hasTrend description } }', {}, { role: 'viewer' });
    const metrics = res.body.data!.metrics as Array<Record<string, any>>;
    expect(metrics.map((m) => m.name)).toEqual([...METRIC_NAMES]);
    expect(metrics.find((m) => m.name === 'BENEFITS_PAID')).toMatchObject({
      unit: 'RUPIAH',
      groupings: ['PROGRAMME'],
      hasYearOverYear: true,
      hasTrend: true,
    });
    expect(metrics.find((m) => m.name === 'ACTIVE_ENROLMENTS')).toMatchObject({ hasYearOverYear: false, hasTrend: true });
    expect(metrics.find((m) => m.name === 'COVERAGE')).toMatchObject({ unit: 'PERCENT', hasTrend: false });
  });

  it('budget allocated by sponsor kind equals yoy_budget_by_sponsor, from the latest published snapshot', async () => {
    const answer = await yoy({ metric: 'BUDGET_ALLOCATED', year: 2023, groupBy: 'SPONSOR_KIND' });
    const rows = await mart(`select sponsor_kind as key,
        cast(sum(amount) filter (where year = 2023) as varchar) as value, cast(sum(amount) filter (where year = 2022) as varchar) as prior
      from yoy_budget_by_sponsor group by sponsor_kind`);
    expect(rows.length).toBeGreaterThan(1);
    expect(sortedKeys(Object.fromEntries(answer.groups.map((g) => [g.key, { value: g.value, prior: g.prior }])))).toEqual(
      sortedKeys(Object.fromEntries(rows.map((r) => [r.key!, { value: r.value, prior: r.prior }]))),
    );
    for (const g of answer.groups) {
      if (g.value !== null && g.prior !== null) expect(BigInt(g.change!)).toBe(BigInt(g.value) - BigInt(g.prior));
    }
    const [total] = await mart(`select cast(sum(amount) as varchar) as value from yoy_budget_by_sponsor where year = 2023`);
    expect(answer.total.value).toBe(total!.value);
    expect(answer).toMatchObject({ unit: 'RUPIAH', year: 2023, compareTo: 2022 });

    const [latest] = await mart(`select cast(snapshot_date as varchar) as date, run_id from snapshots order by snapshot_date desc limit 1`);
    expect(answer.snapshot.snapshotDate).toBe(latest!.date);
    expect(answer.snapshot.etlRunId).toBe(latest!.run_id);
    expect(answer.snapshot.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  it('benefits paid by programme equals yoy_payouts_by_programme (change and percentage too) and PostgreSQL’s claim table', async () => {
    const answer = await yoy({ metric: 'BENEFITS_PAID', year: 2023, groupBy: 'PROGRAMME' });
    const rows = await mart(`select programme as key, cast(paid_amount as varchar) as value, cast(prior_paid_amount as varchar) as prior,
        cast(paid_amount_change as varchar) as change, cast(paid_amount_change_pct as varchar) as "changePct"
      from yoy_payouts_by_programme where year = 2023`);
    expect(rows).toHaveLength(5);
    expect(sortedKeys(byKey(answer.groups))).toEqual(sortedKeys(Object.fromEntries(rows.map(({ key, ...r }) => [key!, r]))));
    expect(answer.groups.map((g) => g.label)).not.toContain(null);

    const paid = async (year: number) =>
      (
        await db.pool.query(
          `select coalesce(sum(paid_amount), 0)::text as paid from claim
      where status = 'PAID' and extract(year from paid_date) = $1`,
          [year],
        )
      ).rows[0].paid as string;
    expect(answer.total.value).toBe(await paid(2023));
    expect(answer.total.prior).toBe(await paid(2022));
    expect(BigInt(answer.total.value!)).toBeGreaterThan(0n);

    // The statements shown are the ones that ran: an analyst rerunning them gets the same lines.
    const rerun = await mart(answer.sql[1]!);
    expect(rerun.map((r) => r.key)).toEqual(answer.groups.map((g) => g.key));
    expect(rerun.map((r) => r.value)).toEqual(answer.groups.map((g) => g.value));
  });

  it('coverage by sector equals yoy_coverage, in percent with one decimal and changes in points', async () => {
    const answer = await yoy({ metric: 'COVERAGE', year: 2023, groupBy: 'SECTOR' });
    const rows = await mart(`select sector as key, cast(coverage_pct as varchar) as value, cast(prior_coverage_pct as varchar) as prior,
        cast(coverage_change_points as varchar) as change, cast(yoy_pct_change(coverage_pct, prior_coverage_pct) as varchar) as "changePct"
      from yoy_coverage where breakdown = 'sector' and year = 2023`);
    expect(rows.map((r) => r.key).sort()).toEqual(['FORMAL', 'INFORMAL']);
    expect(sortedKeys(byKey(answer.groups))).toEqual(sortedKeys(Object.fromEntries(rows.map(({ key, ...r }) => [key!, r]))));
    expect(answer.unit).toBe('PERCENT');
    for (const line of [answer.total, ...answer.groups]) expect(line.value).toMatch(/^[0-9]+\.[0-9]$/);
    const [total] = await mart(`select cast(coverage_pct as varchar) as value from yoy_coverage where breakdown = 'total' and year = 2023`);
    expect(answer.total.value).toBe(total!.value);
  });

  it('marks a year with nothing to compare with as new, with no percentage and no error', async () => {
    const [first] = await mart('select min(year)::int as year from yoy_payouts_by_programme');
    const answer = await yoy({ metric: 'BENEFITS_PAID', year: Number(first!.year), groupBy: 'PROGRAMME' });
    expect(answer.total).toMatchObject({ prior: null, change: null, changePct: null, isNew: true });
    expect(BigInt(answer.total.value!)).toBeGreaterThan(0n);
    // A programme with no payment that year: a zero, not new; one with payments: new.
    for (const g of answer.groups) expect(g).toMatchObject({ prior: null, changePct: null, isNew: g.value !== '0' });
    expect(answer.groups.some((g) => g.isNew)).toBe(true);

    const empty = await yoy({ metric: 'BENEFITS_PAID', year: 2031 });
    expect(empty.total).toMatchObject({ value: null, isNew: false });
    const zeroPrior = (await yoy({ metric: 'BENEFITS_PAID', year: 2023, groupBy: 'PROGRAMME' })).groups.filter((g) => g.prior === '0');
    for (const g of zeroPrior) expect(g).toMatchObject({ changePct: null, isNew: g.value !== '0' });
  });

  it('sends every number as a JSON string, never a JSON number', async () => {
    const res = await api.post(
      { query: YOY, variables: { metric: 'BUDGET_ALLOCATED', year: 2023, groupBy: 'SPONSOR' } },
      { authorization: `Bearer ${await api.token('analyst')}` },
    );
    const text = await res.text();
    expect(text).toMatch(/"value":"[0-9]+"/);
    expect(text).not.toMatch(/"(value|prior|change|changePct)":-?[0-9]/);
  });

  it('a flow’s monthly trend covers every month and sums to the yearly figure', async () => {
    const trend = await trendOf({ metric: 'BENEFITS_PAID', from: '2022-01-01', to: '2022-12-31' });
    expect(trend.points.map((p) => p.periodStart)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}-01`),
    );
    expect(trend.points[1]!.periodEnd).toBe('2022-02-28');
    const sum = trend.points.reduce((s, p) => s + BigInt(p.value ?? '0'), 0n);
    expect(sum.toString()).toBe((await yoy({ metric: 'BENEFITS_PAID', year: 2022 })).total.value);
    expect(trend.snapshot.snapshotDate).toBe((await mart('select cast(max(snapshot_date) as varchar) as d from snapshots'))[0]!.d);
  });

  it('quarters and stocks: every period between the dates, a stock shows its last snapshot in the period', async () => {
    const quarters = await trendOf({ metric: 'ACTIVE_ENROLMENTS', from: '2022-02-15', to: '2023-12-31', interval: 'QUARTER' });
    expect(quarters.points.map((p) => p.periodStart)).toEqual([
      '2022-01-01',
      '2022-04-01',
      '2022-07-01',
      '2022-10-01',
      '2023-01-01',
      '2023-04-01',
      '2023-07-01',
      '2023-10-01',
    ]);
    const [q4] = await mart(
      `select cast(sum(active_enrolments) as varchar) as n from fct_enrolment_daily where snapshot_date = '2023-12-31'`,
    );
    expect(quarters.points.at(-1)!.value).toBe(q4!.n);
    // No snapshot between 2023-01-01 and 2023-03-31 in this warehouse: the quarter is there, with no value.
    expect(quarters.points[4]).toEqual({ periodStart: '2023-01-01', periodEnd: '2023-03-31', value: null });
  });

  it('refuse bad input with BAD_USER_INPUT naming the field', async () => {
    const refused = async (query: string, variables: Record<string, unknown>) => {
      const res = await api.gql(query, variables, { role: 'analyst' });
      expect(code(res)).toBe('BAD_USER_INPUT');
      return res.body.errors![0]!.extensions.argumentPath as string;
    };
    expect(await refused(YOY, { metric: 'BENEFITS_PAID', year: 2023, groupBy: 'SPONSOR_KIND' })).toBe('groupBy');
    expect(await refused(YOY, { metric: 'BENEFITS_PAID', year: 2023, compareTo: 2023 })).toBe('compareTo');
    expect(await refused(YOY, { metric: 'ACTIVE_ENROLMENTS', year: 2023 })).toBe('metric');
    expect(await refused(TREND, { metric: 'BENEFITS_PAID', from: '2023-01-01', to: '2022-12-31' })).toBe('to');
    expect(await refused(TREND, { metric: 'COVERAGE', from: '2022-01-01', to: '2022-12-31' })).toBe('metric');
    expect(await refused(TREND, { metric: 'BENEFITS_PAID', from: '2022-13-01', to: '2022-12-31' })).toBe('from');
    expect(await refused('{ trend(metric: BENEFITS_PAID, from: "2022-01-01", to: "2022-02-30") { from } }', {})).toBe('to');
  });

  it('need a token, and are open to every role (aggregates with no personal data)', async () => {
    expect(code(await api.gql('{ metrics { name } }', {}, { role: null }))).toBe('UNAUTHENTICATED');
    const viewer = await api.gql(YOY, { metric: 'WORKERS_PROTECTED', year: 2023, groupBy: 'KECAMATAN' }, { role: 'viewer' });
    expect(viewer.body.errors).toBeUndefined();
    expect(viewer.body.data!.yearOverYear.groups.length).toBeGreaterThan(1);
  });
});
