import { Field, Int, ObjectType } from 'type-graphql';
import { AnalyticsDimension } from '../enums/analytics-dimension.enum.js';
import { AnalyticsGrouping } from '../enums/analytics-grouping.enum.js';
import { AnalyticsMetric } from '../enums/analytics-metric.enum.js';
import { MetricUnit } from '../enums/metric-unit.enum.js';
import { TrendInterval } from '../enums/trend-interval.enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DecimalScalar } from '../scalars/decimal.scalar.js';

const SQL_DESCRIPTION =
  'The DuckDB statements that produced this answer, exactly as they ran: paste one into `npm run sql` to rerun the figure ' +
  '(as the briefs’ appendix shows the SQL behind every number).';

const REGIONS_DESCRIPTION =
  'The region codes the figures cover: the `region` asked for within the caller’s scope (a kecamatan officer asking about ' +
  'their regency gets their kecamatan), or the caller’s scope; null for the whole warehouse (a national caller).';

@ObjectType({ description: 'One metric of the warehouse catalogue, for building a dashboard’s menus.', simpleResolvers: true })
export class MetricDefinition {
  @Field(() => AnalyticsMetric, { description: 'The metric, as passed to `yearOverYear` and `trend`.' })
  name!: AnalyticsMetric;

  @Field(() => MetricUnit, { description: 'How to read its values.' })
  unit!: MetricUnit;

  @Field(() => [AnalyticsGrouping], { description: 'What `yearOverYear(groupBy:)` accepts for it (empty: the total only).' })
  groupings!: readonly AnalyticsGrouping[];

  @Field(() => Boolean, { description: 'Whether `yearOverYear` answers it (a stock counted on snapshot dates has a trend only).' })
  hasYearOverYear!: boolean;

  @Field(() => Boolean, {
    description: 'Whether `trend` answers it: flows (sums over each period) and stocks (the last value in each period).',
  })
  hasTrend!: boolean;

  @Field(() => String, { description: 'What it counts, in one sentence.' })
  description!: string;
}

@ObjectType({
  description: 'The published warehouse snapshot an answer comes from: its figures are as of that date, not live.',
  simpleResolvers: true,
})
export class WarehouseSnapshot {
  @Field(() => DateScalar, { description: 'The date the data is as of (Asia/Makassar): the latest snapshot the nightly ETL published.' })
  snapshotDate!: string;

  @Field(() => String, { description: 'The ETL run that loaded it; `etl_runs` in `npm run sql` shows its row counts and checks.' })
  etlRunId!: string;

  @Field(() => DateTimeScalar, { description: 'When that run published it.' })
  publishedAt!: Date;
}

@ObjectType({
  description:
    'One line of a year-over-year comparison: the total or one group. Values are exact `Decimal` strings in the metric’s unit. ' +
    'A group present in only one of the two years has the other side null.',
  simpleResolvers: true,
})
export class MetricComparison {
  @Field(() => String, {
    description:
      '"TOTAL" for the whole; else the group’s code (sponsor kind, sponsor code, programme, sector, kecamatan code, occupation).',
  })
  key!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The group’s name where it has one (sponsor, programme, kecamatan); null for the total.',
  })
  label!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The value in `year`; null when that year has none.' })
  value!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The value in `compareTo`; null when that year has none.' })
  prior!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'value − prior, in the metric’s unit (percentage points for PERCENT); null when either is missing.',
  })
  change!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Relative change in percent with one decimal, e.g. "12.5"; null when there is no prior or it is zero (see `isNew`).',
  })
  changePct!: string | null;

  @Field(() => Boolean, {
    description: 'True when there is a value other than zero but no prior or a zero prior: show "new" rather than a percentage.',
  })
  isNew!: boolean;
}

@ObjectType({ description: 'A metric in one year against another, from the latest warehouse snapshot.', simpleResolvers: true })
export class YearOverYear {
  @Field(() => AnalyticsMetric, { description: 'The metric.' })
  metric!: AnalyticsMetric;

  @Field(() => MetricUnit, { description: 'How to read its values.' })
  unit!: MetricUnit;

  @Field(() => Int, { description: 'The year shown.' })
  year!: number;

  @Field(() => Int, { description: 'The year it is compared with (the year before unless asked otherwise).' })
  compareTo!: number;

  @Field(() => AnalyticsGrouping, { nullable: true, description: 'The breakdown asked for; null for the total only.' })
  groupBy!: AnalyticsGrouping | null;

  @Field(() => MetricComparison, { description: 'The whole: key "TOTAL". Distinct counts (workers) are not the sum of their groups.' })
  total!: MetricComparison;

  @Field(() => [MetricComparison], {
    description: 'One line per group when `groupBy` is given, largest value first; empty without it.',
    complexity: ({ childComplexity }) => 1 + childComplexity * 20,
  })
  groups!: MetricComparison[];

  @Field(() => [String], { nullable: true, description: REGIONS_DESCRIPTION })
  regions!: string[] | null;

  @Field(() => WarehouseSnapshot, { description: 'The snapshot the figures come from.' })
  snapshot!: WarehouseSnapshot;

  @Field(() => [String], { description: SQL_DESCRIPTION })
  sql!: string[];
}

@ObjectType({ description: 'One period of a trend.', simpleResolvers: true })
export class TrendPoint {
  @Field(() => DateScalar, { description: 'First day of the period (the first period starts at the start of its month, quarter or year).' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the period, or `to` for the last one.' })
  periodEnd!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'A flow’s sum over the days of the period that fall within from…to, or a stock’s value on its last snapshot in the period; null when the period has none.',
  })
  value!: string | null;
}

@ObjectType({ description: 'A metric over time, one point per period, from the latest warehouse snapshot.', simpleResolvers: true })
export class Trend {
  @Field(() => AnalyticsMetric, { description: 'The metric.' })
  metric!: AnalyticsMetric;

  @Field(() => MetricUnit, { description: 'How to read its values.' })
  unit!: MetricUnit;

  @Field(() => TrendInterval, { description: 'The length of one point.' })
  interval!: TrendInterval;

  @Field(() => DateScalar, { description: 'First day covered (inclusive).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day covered (inclusive).' })
  to!: string;

  @Field(() => [TrendPoint], { description: 'Every period from `from` to `to` once, in order, including those with no value.' })
  points!: TrendPoint[];

  @Field(() => [String], { nullable: true, description: REGIONS_DESCRIPTION })
  regions!: string[] | null;

  @Field(() => WarehouseSnapshot, { description: 'The snapshot the figures come from.' })
  snapshot!: WarehouseSnapshot;

  @Field(() => [String], { description: SQL_DESCRIPTION })
  sql!: string[];
}

@ObjectType({ description: 'Inclusive calendar dates.', simpleResolvers: true })
export class AnalyticsPeriod {
  @Field(() => DateScalar, { description: 'First day (inclusive).' })
  start!: string;

  @Field(() => DateScalar, { description: 'Last day (inclusive).' })
  end!: string;
}

@ObjectType({ description: 'A measure of an `analytics` answer and how to read it.', simpleResolvers: true })
export class AnalyticsMeasure {
  @Field(() => AnalyticsMetric, { description: 'The measure.' })
  measure!: AnalyticsMetric;

  @Field(() => MetricUnit, { description: 'How to read its values.' })
  unit!: MetricUnit;

  @Field(() => Boolean, {
    description: 'A distinct count of workers (or a ratio over one): its groups need not add up to its total, so read `totals`.',
  })
  distinct!: boolean;

  @Field(() => [AnalyticsDimension], { description: 'The dimensions (and filters) it can be broken down by.' })
  dimensions!: AnalyticsDimension[];

  @Field(() => Boolean, { description: 'Counted per calendar year (budget, labour force and their ratios): periods must be whole years.' })
  wholeYearsOnly!: boolean;
}

@ObjectType({ description: 'The member of one dimension a row belongs to.', simpleResolvers: true })
export class AnalyticsMember {
  @Field(() => AnalyticsDimension, { description: 'The dimension.' })
  dimension!: AnalyticsDimension;

  @Field(() => String, {
    nullable: true,
    description: 'Its code (kecamatan 64.02.06, sponsor code, JKK, L, 25-34, …), as filters take it; null where the warehouse has none.',
  })
  key!: string | null;

  @Field(() => String, { nullable: true, description: 'Its name where it has one (region, sponsor); else the code.' })
  label!: string | null;
}

@ObjectType({ description: 'One measure in one row: exact `Decimal` strings in its unit.', simpleResolvers: true })
export class AnalyticsValue {
  @Field(() => AnalyticsMetric, { description: 'The measure.' })
  measure!: AnalyticsMetric;

  @Field(() => DecimalScalar, { nullable: true, description: 'In the period; null when it has none.' })
  value!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'In the compared period; null without `compareDateRange` or when it has none.',
  })
  prior!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'value − prior (percentage points for PERCENT); null when either is missing.',
  })
  change!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Relative change in percent, one decimal; null without a prior or when it is zero (see `isNew`).',
  })
  changePct!: string | null;

  @Field(() => Boolean, { description: 'True with a compare range when there is a value other than zero but no prior or a zero one.' })
  isNew!: boolean;
}

@ObjectType({ description: 'One period and group of an `analytics` answer (a total: no members).', simpleResolvers: true })
export class AnalyticsRow {
  @Field(() => AnalyticsPeriod, { description: 'The period.' })
  period!: AnalyticsPeriod;

  @Field(() => AnalyticsPeriod, { nullable: true, description: 'The period it is compared with; null without `compareDateRange`.' })
  comparePeriod!: AnalyticsPeriod | null;

  @Field(() => [AnalyticsMember], { description: 'One per dimension asked for, in that order; empty for a total.' })
  members!: AnalyticsMember[];

  @Field(() => [AnalyticsValue], { description: 'One per measure asked for, in that order.' })
  values!: AnalyticsValue[];
}

@ObjectType({
  description: 'Measures by dimensions over one or two date ranges, from one published warehouse snapshot.',
  simpleResolvers: true,
})
export class AnalyticsAnswer {
  @Field(() => [AnalyticsMeasure], { description: 'The measures, in the order asked.' })
  measures!: AnalyticsMeasure[];

  @Field(() => [AnalyticsDimension], { description: 'The dimensions, in the order asked.' })
  dimensions!: AnalyticsDimension[];

  @Field(() => TrendInterval, { nullable: true, description: 'How the ranges were cut; null: each range is one period.' })
  granularity!: TrendInterval | null;

  @Field(() => AnalyticsPeriod, { description: 'The range shown.' })
  dateRange!: AnalyticsPeriod;

  @Field(() => AnalyticsPeriod, { nullable: true, description: 'The range compared with.' })
  compareDateRange!: AnalyticsPeriod | null;

  @Field(() => [AnalyticsRow], {
    description: 'One per period and group that has data, by period, then largest first by the first measure; empty without dimensions.',
    complexity: ({ childComplexity }) => 1 + childComplexity * 50,
  })
  rows!: AnalyticsRow[];

  @Field(() => [AnalyticsRow], {
    description: 'One per period: the whole, counted on its own (a distinct count’s total is not the sum of its groups).',
    complexity: ({ childComplexity }) => 1 + childComplexity * 4,
  })
  totals!: AnalyticsRow[];

  @Field(() => [String], { nullable: true, description: REGIONS_DESCRIPTION })
  regions!: string[] | null;

  @Field(() => WarehouseSnapshot, { description: 'The snapshot the figures come from (`asOf`, or the latest).' })
  snapshot!: WarehouseSnapshot;

  @Field(() => [String], { description: SQL_DESCRIPTION })
  sql!: string[];
}
