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
import { regionCtes } from './metric-region.js';
import { metricSql } from './metric-sql.js';

/** What the queries need from a warehouse handle (`platform/warehouse-reader.ts` WarehouseReader has it). */
export interface WarehouseQueries {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** The published snapshot every answer comes from. */
export interface WarehouseSnapshot {
  snapshotDate: string;
  runId: string;
  /** ISO 8601, UTC. */
  publishedAt: string;
}

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

const MAX_TREND_DAYS = 366 * 50;

const regionCodes = (regions: RegionScope | null | undefined) => (regions && !regions.national ? [...regions.codes].sort() : null);

/**
 * The comparison statement for one grouping. The inputs are checked integers and names from the
 * catalogue, so they are written into the text: the statement printed in a brief's appendix is
 * exactly the one that ran.
 *
 * This is the one year-over-year computation the platform publishes: the API's `yearOverYear` and
 * every change in a brief come from here, over the metrics' per-year values (the metrics read only
 * the marts' values, never their `prior_…`/`…_change` columns). Those mart columns stay because
 * analysts query them (analytics/README.md) and they only ever compare with the calendar year
 * before; they follow the same rule, value − prior and the macro `yoy_pct_change`
 * (analytics/models/macros.sql), and test/analytics/metrics.test.ts checks the two agree. The rule
 * is spelled out here rather than in a new macro because this text is what the API returns and the
 * brief prints: changing it would change published SQL.
 */
export function yearOverYearSql(
  metric: MetricName,
  grouping: MetricGrouping | 'TOTAL',
  year: number,
  compareTo: number,
  regions?: RegionScope | null,
): string {
  const sql = metricSql('yearly', metric);
  return `with ${regionCtes(sql, regions)}metric as (
${sql}
),
selected as (
    select * from metric where group_by = '${grouping}' and year in (${year}, ${compareTo})
),
current_year as (select * from selected where year = ${year}),
compared_year as (select * from selected where year = ${compareTo})
select
    coalesce(c.group_key, p.group_key) as key,
    coalesce(c.group_label, p.group_label) as label,
    cast(c.value as varchar) as value,
    cast(p.value as varchar) as prior,
    cast(c.value - p.value as varchar) as change,
    cast(yoy_pct_change(c.value, p.value) as varchar) as change_pct
from current_year as c
full join compared_year as p on p.group_key = c.group_key
order by c.value desc nulls last, key`;
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
  const sql = [yearOverYearSql(q.metric, 'TOTAL', q.year, compareTo, q.regions)];
  if (groupBy) sql.push(yearOverYearSql(q.metric, groupBy, q.year, compareTo, q.regions));
  const [snapshot, totals, groups] = await Promise.all([
    warehouseSnapshot(warehouse),
    warehouse.query<ComparisonRow>(sql[0]!),
    groupBy ? warehouse.query<ComparisonRow>(sql[1]!) : Promise.resolve([]),
  ]);
  const total = totals[0]
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
    groups: groups.map(toComparison),
    snapshot,
    sql,
  };
}

const PERIOD_UNIT: Record<TrendInterval, string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

export function trendSql(
  metric: MetricName,
  fold: 'SUM' | 'LAST',
  from: string,
  to: string,
  interval: TrendInterval,
  regions?: RegionScope | null,
): string {
  const unit = PERIOD_UNIT[interval];
  const value = fold === 'SUM' ? 'sum(value)' : 'arg_max(value, day)';
  const sql = metricSql('trends', metric);
  return `with ${regionCtes(sql, regions)}metric as (
${sql}
),
periods as (
    select cast(unnest(generate_series(date_trunc('${unit}', date '${from}'), date '${to}', interval 1 ${unit})) as date) as period_start
),
folded as (
    select cast(date_trunc('${unit}', day) as date) as period_start, ${value} as value
    from metric where day between date '${from}' and date '${to}'
    group by 1
)
select
    cast(p.period_start as varchar) as period_start,
    cast(least(p.period_start + interval 1 ${unit} - interval 1 day, date '${to}') as date)::varchar as period_end,
    cast(f.value as varchar) as value
from periods as p
left join folded as f on f.period_start = p.period_start
order by p.period_start`;
}

/** Every period between the dates appears once; a period with nothing in it has a null value for stocks and flows alike. */
export async function trend(warehouse: WarehouseQueries, q: TrendQuery): Promise<TrendAnswer> {
  const definition = metricDefinition(q.metric);
  if (!definition.trend) throw new ValidationError('metric', `${q.metric} has no trend; use yearOverYear`);
  const from = parseDate('from', q.from);
  const to = parseDate('to', q.to);
  if (from > to) throw new ValidationError('to', 'must not be before from');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_TREND_DAYS) {
    throw new ValidationError('to', 'must be within 50 years of from');
  }
  const sql = trendSql(q.metric, definition.trend, from, to, q.interval, q.regions);
  const [snapshot, rows] = await Promise.all([
    warehouseSnapshot(warehouse),
    warehouse.query<{ period_start: string; period_end: string; value: string | null }>(sql),
  ]);
  return {
    metric: q.metric,
    unit: definition.unit,
    interval: q.interval,
    from,
    to,
    regions: regionCodes(q.regions),
    snapshot,
    sql,
    points: rows.map((r) => ({ periodStart: r.period_start.slice(0, 10), periodEnd: r.period_end, value: r.value })),
  };
}
