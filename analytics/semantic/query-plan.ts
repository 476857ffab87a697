import { ValidationError } from '../../schema/errors.js';
import type { MetricName, TrendInterval } from '../../schema/metrics/metric-definitions.js';
import {
  ANALYTICS_FILTER_OPERATORS,
  type AnalyticsDimensionName,
  type AnalyticsFilterOperator,
  type AnalyticsTimeDimensionName,
} from '../../schema/metrics/semantic-names.js';
import type { RegionScope } from '../../schema/region-scope.js';
import { parseDate } from '../../schema/validation.js';
import { regionCondition } from './region-condition.js';
import { type BaseMeasure, DIMENSIONS, MEASURES, type MeasureId, NOT_MEASURES, SOURCES, type SourceName } from './semantic-model.js';
import { baseInputs, measureDimensions } from './measure-catalogue.js';

export interface DateRange {
  /** Inclusive ISO dates. */
  from: string;
  to: string;
}

/** One filter on a dimension's key; several operators in one filter all apply (AND), as in PostGraphile. */
export type SemanticFilter = { dimension: AnalyticsDimensionName } & {
  [op in Exclude<AnalyticsFilterOperator, 'in' | 'notIn' | 'isNull'>]?: string | null;
} & { in?: readonly string[] | null; notIn?: readonly string[] | null; isNull?: boolean | null };

export interface SemanticQuery {
  measures: readonly MetricName[];
  dimensions?: readonly AnalyticsDimensionName[] | null;
  filters?: readonly SemanticFilter[] | null;
  timeDimension: {
    dimension?: AnalyticsTimeDimensionName | null;
    /** Null: each range is one period. */
    granularity?: TrendInterval | null;
    dateRange: DateRange;
    compareDateRange?: DateRange | null;
  };
  /** A published snapshot date; default the latest. */
  asOf?: string | null;
  /** The regions answered for (the caller's scope narrowed to the region asked about); absent or national: every row. */
  regions?: RegionScope | null;
}

export interface Period {
  start: string;
  end: string;
}

/** A filter as SQL-ready conditions on one dimension's key column (values checked, still unquoted). */
export interface PlannedFilter {
  dimension: AnalyticsDimensionName;
  conditions: Array<{ op: '=' | '<>' | 'in' | 'not in' | '<' | '<=' | '>' | '>=' | 'is null' | 'is not null'; values: string[] }>;
}

/** A checked query: what compile-sql.ts turns into one statement. Plain data, so it is also the cache key. */
export interface QueryPlan {
  measures: MetricName[];
  /** Every measure the statement computes: the base ones by source, then the derived ones. */
  bases: MeasureId[];
  derived: MeasureId[];
  sources: SourceName[];
  dimensions: AnalyticsDimensionName[];
  filters: PlannedFilter[];
  granularity: TrendInterval | null;
  dateRange: DateRange;
  compareDateRange: DateRange | null;
  periods: Period[];
  comparePeriods: Period[] | null;
  asOf: string | null;
  /** Sorted region codes every source's rows are kept to; null: the whole warehouse. Part of the cache key, so answers are per scope. */
  regions: string[] | null;
}

const MAX_IN_VALUES = 200;

export interface PlanOptions {
  /** Take the measures the `analytics` query refuses (NOT_MEASURES: the stock ACTIVE_ENROLMENTS), as `trend` does. */
  stocks?: boolean;
}

export function planQuery(q: SemanticQuery, options: PlanOptions = {}): QueryPlan {
  const measures = checkMeasures(q.measures, options.stocks ?? false);
  const dimensions = [...(q.dimensions ?? [])];
  const seen = new Set<string>();
  for (const d of dimensions) {
    if (seen.has(d)) throw new ValidationError('dimensions', `${d} is listed twice`);
    seen.add(d);
    checkPair(measures, d, 'dimensions');
  }
  const filters = (q.filters ?? []).map((f, i) => planFilter(measures, f, `filters[${i}]`));
  const bases = [...new Set(measures.flatMap(baseInputs))];
  const derived = measures.filter((m) => MEASURES[m].kind === 'derived');
  const sources = [...new Set(bases.map((b) => (MEASURES[b] as BaseMeasure).source))];

  const t = q.timeDimension;
  if ((t.dimension ?? 'PERIOD') !== 'PERIOD') throw new ValidationError('timeDimension.dimension', 'must be PERIOD');
  const granularity = t.granularity ?? null;
  const dateRange = checkRange(t.dateRange, 'timeDimension.dateRange');
  const periods = periodsOf(dateRange, granularity);
  const compareDateRange = t.compareDateRange ? checkRange(t.compareDateRange, 'timeDimension.compareDateRange') : null;
  const comparePeriods = compareDateRange ? periodsOf(compareDateRange, granularity) : null;
  if (comparePeriods && comparePeriods.length !== periods.length) {
    throw new ValidationError(
      'timeDimension.compareDateRange',
      `must hold as many periods as dateRange (${periods.length}${granularity ? ` by ${granularity}` : ''}), it holds ${comparePeriods.length}`,
    );
  }
  const yearly = sources.filter((s) => SOURCES[s].time.kind === 'year');
  if (yearly.length) {
    const byYear = measures.filter((m) => baseInputs(m).some((b) => yearly.includes((MEASURES[b] as BaseMeasure).source)));
    for (const [field, list] of [
      ['timeDimension.dateRange', periods],
      ['timeDimension.compareDateRange', comparePeriods ?? []],
    ] as const) {
      const partial = list.find((p) => !p.start.endsWith('-01-01') || p.end !== `${p.start.slice(0, 4)}-12-31`);
      if (partial) {
        throw new ValidationError(
          field,
          `${byYear.join(', ')} ${byYear.length > 1 ? 'are' : 'is'} counted per calendar year: every period must be one whole year ` +
            `(granularity YEAR over whole years), not ${partial.start} … ${partial.end}`,
        );
      }
    }
  }
  const asOf = q.asOf ? parseDate('asOf', q.asOf) : null;
  const regions = q.regions && !q.regions.national ? [...new Set(q.regions.codes)].sort() : null;
  if (regions) regionCondition(regions, 'worker'); // refuses a code the marts cannot answer for, before the warehouse is opened
  return {
    measures,
    bases,
    derived,
    sources,
    dimensions,
    filters,
    granularity,
    dateRange,
    compareDateRange,
    periods,
    comparePeriods,
    asOf,
    regions,
  };
}

function checkMeasures(list: readonly MetricName[], stocks: boolean): QueryPlan['measures'] {
  if (list.length === 0) throw new ValidationError('measures', 'give at least one measure');
  const seen = new Set<string>();
  return list.map((m) => {
    const why = NOT_MEASURES[m];
    if (why && !stocks) throw new ValidationError('measures', `${m} ${why}`);
    if (seen.has(m)) throw new ValidationError('measures', `${m} is listed twice`);
    seen.add(m);
    return m as QueryPlan['measures'][number];
  });
}

/** The pair a measure cannot answer is named, with what it can answer and why not. */
function checkPair(measures: readonly MeasureId[], dimension: AnalyticsDimensionName, field: string): void {
  for (const m of measures) {
    const has = measureDimensions(m);
    if (has.includes(dimension)) continue;
    const why = baseInputs(m)
      .map((b) => SOURCES[(MEASURES[b] as BaseMeasure).source])
      .find((s) => !s.dimensions.includes(dimension))?.notAnswerable;
    throw new ValidationError(
      field,
      `${m} cannot be broken down by ${dimension}${why ? ` (${why})` : ''}; it can by ${has.join(', ') || 'nothing'}`,
    );
  }
}

function planFilter(measures: readonly MeasureId[], f: SemanticFilter, field: string): PlannedFilter {
  checkPair(measures, f.dimension, `${field}.dimension`);
  const d = DIMENSIONS[f.dimension];
  const value = (op: string, raw: string): string => {
    if (d.values && !d.values.includes(raw)) {
      throw new ValidationError(`${field}.${op}`, `${f.dimension} is one of ${d.values.join(', ')}; got ${JSON.stringify(raw)}`);
    }
    if (d.pattern && !d.pattern.regex.test(raw)) {
      throw new ValidationError(`${field}.${op}`, `${f.dimension} is ${d.pattern.rule}; got ${JSON.stringify(raw)}`);
    }
    return raw;
  };
  const conditions: PlannedFilter['conditions'] = [];
  const ordered = { lessThan: '<', lessThanOrEqualTo: '<=', greaterThan: '>', greaterThanOrEqualTo: '>=' } as const;
  for (const op of ANALYTICS_FILTER_OPERATORS) {
    const raw = f[op];
    if (raw === undefined || raw === null) continue;
    if (op === 'isNull') {
      conditions.push({ op: raw ? 'is null' : 'is not null', values: [] });
    } else if (op === 'in' || op === 'notIn') {
      const list = raw as readonly string[];
      if (list.length === 0 || list.length > MAX_IN_VALUES) {
        throw new ValidationError(`${field}.${op}`, `give 1 to ${MAX_IN_VALUES} values`);
      }
      conditions.push({ op: op === 'in' ? 'in' : 'not in', values: [...new Set(list.map((v) => value(op, v)))].sort() });
    } else if (op === 'equalTo' || op === 'notEqualTo') {
      conditions.push({ op: op === 'equalTo' ? '=' : '<>', values: [value(op, raw as string)] });
    } else {
      if (!d.ordered) {
        throw new ValidationError(`${field}.${op}`, `${f.dimension} has no order; use equalTo, notEqualTo, in, notIn or isNull`);
      }
      const v = value(op, raw as string);
      if (d.values) {
        // Bands compare in their own order ("<15" before "15-24"), which text order does not give.
        const at = d.values.indexOf(v);
        const keep = d.values.filter((_, i) =>
          op === 'lessThan' ? i < at : op === 'lessThanOrEqualTo' ? i <= at : op === 'greaterThan' ? i > at : i >= at,
        );
        conditions.push({ op: 'in', values: keep.length ? keep : [] });
      } else {
        conditions.push({ op: ordered[op as keyof typeof ordered], values: [v] });
      }
    }
  }
  if (conditions.length === 0) {
    throw new ValidationError(field, `give at least one operator: ${ANALYTICS_FILTER_OPERATORS.join(', ')}`);
  }
  return { dimension: f.dimension, conditions };
}

const MAX_RANGE_DAYS = 366 * 50;

function checkRange(range: DateRange, field: string): DateRange {
  const from = parseDate(`${field}.from`, range.from);
  const to = parseDate(`${field}.to`, range.to);
  if (from > to) throw new ValidationError(`${field}.to`, 'must not be before from');
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) {
    throw new ValidationError(`${field}.to`, 'must be within 50 years of from');
  }
  return { from, to };
}

const MONTHS: Record<TrendInterval, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Calendar periods of the range, the first and last cut to it: only days within the range count. */
export function periodsOf(range: DateRange, granularity: TrendInterval | null): Period[] {
  if (!granularity) return [{ start: range.from, end: range.to }];
  const step = MONTHS[granularity];
  const from = new Date(`${range.from}T00:00:00Z`);
  let month = from.getUTCFullYear() * 12 + Math.floor(from.getUTCMonth() / step) * step;
  const periods: Period[] = [];
  for (;;) {
    const start = new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
    if (iso(start) > range.to) break;
    const end = new Date(Date.UTC(Math.floor((month + step) / 12), (month + step) % 12, 0));
    periods.push({ start: iso(start) < range.from ? range.from : iso(start), end: iso(end) > range.to ? range.to : iso(end) });
    month += step;
  }
  return periods;
}

/**
 * The plan's size before it runs: periods (twice with a compare range) × the members of each dimension
 * (its estimate, or the values a filter keeps). The answer can hold at most that many cells, and the work
 * grows with it, so a query over the limit is refused rather than run.
 */
export function planCells(plan: QueryPlan, estimates: Readonly<Partial<Record<AnalyticsDimensionName, number>>>): number {
  let cells = plan.periods.length * (plan.comparePeriods ? 2 : 1);
  for (const d of plan.dimensions) {
    let members = estimates[d] ?? 1;
    for (const f of plan.filters.filter((x) => x.dimension === d)) {
      for (const c of f.conditions) {
        if (c.op === '=' || c.op === 'in') members = Math.min(members, c.values.length);
        if (c.op === 'is null') members = Math.min(members, 1);
      }
    }
    cells *= Math.max(members, 1);
  }
  return cells;
}
