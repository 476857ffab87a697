import { Field, Int, ObjectType } from 'type-graphql';
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

  @Field(() => WarehouseSnapshot, { description: 'The snapshot the figures come from.' })
  snapshot!: WarehouseSnapshot;

  @Field(() => [String], { description: SQL_DESCRIPTION })
  sql!: string[];
}
