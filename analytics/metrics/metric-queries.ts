import { ValidationError, WarehouseNotReadyError } from '../../schema/errors.js';
import { parseDate, parseYear } from '../../schema/validation.js';
import {
  metricDefinition,
  type MetricGrouping,
  type MetricName,
  type MetricUnit,
  type TrendInterval,
} from '../../schema/metrics/metric-definitions.js';
import type { RegionScope } from '../../schema/region-scope.js';
import { measureColumn } from '../semantic/compile-sql.js';
import { planQuery } from '../semantic/query-plan.js';
import { planStatement } from '../semantic/semantic-query.js';

const MAX_TREND_DAYS = 366 * 50;

import type { WarehouseQueries, WarehouseSnapshot } from '../semantic/warehouse.js';

export type { WarehouseQueries, WarehouseSnapshot } from '../semantic/warehouse.js';

/**
 * One line of a comparison. Numbers are exact decimal strings (whole rupiah and counts have no
 * fraction; PERCENT has one decimal, and its `change` is in percentage points). `changePct` is null
 * when the prior value is missing or zero: the year is "new", never a division error.
 */
export interface MetricComparison {
  /** 'TOTAL' for the whole, else the group's code (sponsor kind, programme, kecamatan code, …). */
  key: string;
  label: string | null;
  value: string | null;
  prior: string | null;
  change: string | null;
  changePct: string | null;
}

export interface YearOverYearQuery {
  metric: MetricName;
  year: number;
  compareTo?: number | null;
  groupBy?: MetricGrouping | null;
  /** The regions the answer covers (a caller's scope narrowed to the region asked about); absent or national: every row. */
  regions?: RegionScope | null;
}

export interface YearOverYearAnswer {
  metric: MetricName;
  unit: MetricUnit;
  year: number;
  compareTo: number;
  groupBy: MetricGrouping | null;
  /** The region codes answered for; null: the whole warehouse. */
  regions: string[] | null;
  total: MetricComparison;
  groups: MetricComparison[];
  snapshot: WarehouseSnapshot;
  /** The statements behind the answer, runnable as printed in `npm run sql`. */
  sql: string[];
}

export interface TrendQuery {
  metric: MetricName;
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  interval: TrendInterval;
  /** As for YearOverYearQuery. */
  regions?: RegionScope | null;
}

export interface TrendPoint {
  periodStart: string;
  periodEnd: string;
  value: string | null;
}

export interface TrendAnswer {
  metric: MetricName;
  unit: MetricUnit;
  interval: TrendInterval;
  from: string;
  to: string;
  regions: string[] | null;
  points: TrendPoint[];
  snapshot: WarehouseSnapshot;
  sql: string;
}

const regionCodes = (regions: RegionScope | null | undefined) => (regions && !regions.national ? [...regions.codes].sort() : null);

const wholeYear = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * A semantic statement (analytics/semantic) in the comparison's shape: one line per group, or the total, with
 * the key, label, value, prior, change and change_pct the API and the briefs print. The statement inside is
 * the one `analytics` runs for the same measure, dimension and years, so the two cannot disagree; the whole
 * text is what ran, runnable as printed in `npm run sql`.
 */
function comparisonSql(statement: string, metric: MetricName, grouped: boolean): string {
  const c = measureColumn(metric);
  return `with metric as (
${statement}
)
select
    ${grouped ? 'd0_key' : "'TOTAL'"} as key,
    ${grouped ? 'd0_label' : 'null'} as label,
    ${c}__value as value,
    ${c}__prior as prior,
    ${c}__change as change,
    ${c}__change_pct as change_pct
from metric
where ${grouped ? 'not ' : ''}is_total
order by cast(value as decimal(38, 1)) desc nulls last, key`;
}

export async function warehouseSnapshot(warehouse: WarehouseQueries): Promise<WarehouseSnapshot> {
  const [row] = await warehouse.query<{ snapshot_date: string; run_id: string; published_ms: string }>(
    `select cast(snapshot_date as varchar) as snapshot_date, run_id, cast(epoch_ms(published_at) as varchar) as published_ms
     from snapshots order by snapshot_date desc limit 1`,
  );
  if (!row) throw new WarehouseNotReadyError();
  return { snapshotDate: row.snapshot_date, runId: row.run_id, publishedAt: new Date(Number(row.published_ms)).toISOString() };
}

type ComparisonRow = {
  key: string;
  label: string | null;
  value: string | null;
  prior: string | null;
  change: string | null;
  change_pct: string | null;
};
const toComparison = (r: ComparisonRow): MetricComparison => ({
  key: r.key,
  label: r.label,
  value: r.value,
  prior: r.prior,
  change: r.change,
  changePct: r.change_pct,
});

/**
 * A metric in one year against another: a thin form of the semantic query (one measure, at most one
 * dimension, two whole years), shaped as a comparison. The total and the groups are two statements, each a
 * semantic statement in the comparison's shape (comparisonSql), both on the one catalogue `warehouse` reads.
 */
export async function yearOverYear(warehouse: WarehouseQueries, q: YearOverYearQuery): Promise<YearOverYearAnswer> {
  const definition = metricDefinition(q.metric);
  if (!definition.yearly) throw new ValidationError('metric', `${q.metric} has no yearly figure; use trend`);
  parseYear('year', q.year);
  const compareTo = q.compareTo ?? q.year - 1;
  parseYear('compareTo', compareTo);
  if (compareTo === q.year) throw new ValidationError('compareTo', 'must differ from year');
  const groupBy = q.groupBy ?? null;
  if (groupBy && !definition.groupings.includes(groupBy)) {
    throw new ValidationError('groupBy', `${q.metric} can be grouped by ${definition.groupings.join(', ') || 'nothing'}`);
  }
  const asked = {
    measures: [q.metric],
    timeDimension: { dateRange: wholeYear(q.year), compareDateRange: wholeYear(compareTo) },
    regions: q.regions,
  };
  const plans = [planQuery(asked), ...(groupBy ? [planQuery({ ...asked, dimensions: [groupBy] })] : [])];
  const sql: string[] = [];
  let snapshot: WarehouseSnapshot | null = null;
  for (const [i, plan] of plans.entries()) {
    const statement = await planStatement(warehouse, plan);
    snapshot ??= statement.snapshot;
    sql.push(comparisonSql(statement.sql, q.metric, i > 0));
  }
  const [totals, groups] = await Promise.all(sql.map((s) => warehouse.query<ComparisonRow>(s)));
  const total = totals?.[0]
    ? toComparison(totals[0])
    : { key: 'TOTAL', label: null, value: null, prior: null, change: null, changePct: null };
  return {
    metric: q.metric,
    unit: definition.unit,
    year: q.year,
    compareTo,
    groupBy,
    regions: regionCodes(q.regions),
    total,
    groups: (groups ?? []).map(toComparison),
    snapshot: snapshot!,
    sql,
  };
}

const PERIOD_MONTHS: Record<TrendInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
/** The first day of the calendar month, quarter or year holding an ISO date. */
function periodStart(day: string, interval: TrendInterval): string {
  const months = PERIOD_MONTHS[interval];
  const month = Math.floor((Number(day.slice(5, 7)) - 1) / months) * months + 1;
  return `${day.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/**
 * A metric per month, quarter or year: a thin form of the semantic query (one measure, the range cut by the
 * interval, no dimension), one point per period. A flow sums the days of the period within from…to, a stock
 * (ACTIVE_ENROLMENTS, which only this form asks for) shows its last snapshot in the period; every period between
 * the dates appears once, with a null value where the source has no row in it.
 */
export async function trend(warehouse: WarehouseQueries, q: TrendQuery): Promise<TrendAnswer> {
  const definition = metricDefinition(q.metric);
  if (!definition.trend) throw new ValidationError('metric', `${q.metric} has no trend; use yearOverYear`);
  const from = parseDate('from', q.from);
  const to = parseDate('to', q.to);
  if (from > to) throw new ValidationError('to', 'must not be before from');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_TREND_DAYS) {
    throw new ValidationError('to', 'must be within 50 years of from');
  }
  const plan = planQuery(
    { measures: [q.metric], timeDimension: { granularity: q.interval, dateRange: { from, to } }, regions: q.regions },
    { stocks: true },
  );
  const statement = await planStatement(warehouse, plan);
  const c = measureColumn(q.metric);
  const sql = `with metric as (
${statement.sql}
)
select period_index, ${c}__value as value
from metric
where is_total
order by period_index`;
  const rows = await warehouse.query<{ period_index: number | string; value: string | null }>(sql);
  const values = new Map(rows.map((r) => [Number(r.period_index), r.value]));
  return {
    metric: q.metric,
    unit: definition.unit,
    interval: q.interval,
    from,
    to,
    regions: regionCodes(q.regions),
    snapshot: statement.snapshot,
    sql,
    points: plan.periods.map((p, i) => ({ periodStart: periodStart(p.start, q.interval), periodEnd: p.end, value: values.get(i) ?? null })),
  };
}
