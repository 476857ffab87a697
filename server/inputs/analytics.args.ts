import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { AnalyticsDimension } from '../../schema/enums/analytics-dimension.enum.js';
import { AnalyticsGrouping } from '../../schema/enums/analytics-grouping.enum.js';
import { AnalyticsMetric } from '../../schema/enums/analytics-metric.enum.js';
import { AnalyticsTimeDimension } from '../../schema/enums/analytics-time-dimension.enum.js';
import { TrendInterval } from '../../schema/enums/trend-interval.enum.js';
import { DateScalar } from '../../schema/scalars/date.scalar.js';

/** The `region` argument every analytics field takes, one text for all three. */
const REGION_DESCRIPTION =
  'A province, regency or kecamatan code (`64`, `64.02`, `64.02.06`): the figures of that region, within your scope; ' +
  'without it, your whole scope. FORBIDDEN when the region and your scope do not meet.';

@ArgsType()
export class YearOverYearArgs {
  @Field(() => AnalyticsMetric, { description: 'The metric (one with `hasYearOverYear`).' })
  metric!: AnalyticsMetric;

  @Field(() => Int, { description: 'The year to show, e.g. 2023.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'The year to compare with; default the year before. Must differ from `year`.' })
  compareTo?: number | null;

  @Field(() => AnalyticsGrouping, {
    nullable: true,
    description: 'A breakdown, one of the metric’s `groupings`; without it only the total.',
  })
  groupBy?: AnalyticsGrouping | null;

  @Field(() => String, { nullable: true, description: REGION_DESCRIPTION })
  region?: string | null;
}

@ArgsType()
export class TrendArgs {
  @Field(() => AnalyticsMetric, { description: 'The metric (one with `hasTrend`).' })
  metric!: AnalyticsMetric;

  @Field(() => DateScalar, { description: 'First day to cover (inclusive).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day to cover (inclusive); not before `from`, at most 50 years after it.' })
  to!: string;

  @Field(() => TrendInterval, { defaultValue: TrendInterval.MONTH, description: 'The length of one point.' })
  interval!: TrendInterval;

  @Field(() => String, { nullable: true, description: REGION_DESCRIPTION })
  region?: string | null;
}

@InputType({ description: 'Inclusive calendar dates: only days from `from` to `to` count.' })
export class AnalyticsDateRangeInput {
  @Field(() => DateScalar, { description: 'First day (inclusive).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day (inclusive); not before `from`, at most 50 years after it.' })
  to!: string;
}

@InputType({ description: 'The periods of an `analytics` query: one or two date ranges, whole or cut into calendar periods.' })
export class AnalyticsTimeDimensionInput {
  @Field(() => AnalyticsTimeDimension, { defaultValue: AnalyticsTimeDimension.PERIOD, description: 'The date each measure is placed by.' })
  dimension!: AnalyticsTimeDimension;

  @Field(() => TrendInterval, {
    nullable: true,
    description:
      'Cut each range into calendar months, quarters or years (the first and last cut to the range); null: each range is one period. ' +
      'Measures counted per calendar year (budget, labour force, coverage, realisation) need whole years.',
  })
  granularity?: TrendInterval | null;

  @Field(() => AnalyticsDateRangeInput, { description: 'The range shown.' })
  dateRange!: AnalyticsDateRangeInput;

  @Field(() => AnalyticsDateRangeInput, {
    nullable: true,
    description:
      'A range to compare with (Q1 2022 for Q1 2023), holding as many periods as `dateRange`: period i is compared with period i. ' +
      'Each value then has its `prior`, `change` and `changePct`.',
  })
  compareDateRange?: AnalyticsDateRangeInput | null;
}

@InputType({
  description:
    'A condition on one dimension’s key (codes as `AnalyticsMember.key` shows them), with the operators of PostGraphile’s ' +
    'connection filter; several operators in one filter, and several filters, all apply. Give at least one operator.',
})
export class AnalyticsFilterInput {
  @Field(() => AnalyticsDimension, { description: 'The dimension; every measure asked for must have it.' })
  dimension!: AnalyticsDimension;

  @Field(() => String, { nullable: true, description: 'Key equal to this.' })
  equalTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Key different from this (rows without a key are left out, as in SQL).' })
  notEqualTo?: string | null;

  @Field(() => [String], { nullable: true, description: 'Key one of these (1 to 200).' })
  in?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Key none of these (1 to 200; rows without a key are left out).' })
  notIn?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Key before this: age bands in their order, codes in code order (ordered dimensions only).',
  })
  lessThan?: string | null;

  @Field(() => String, { nullable: true, description: 'Key before or equal to this (ordered dimensions only).' })
  lessThanOrEqualTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Key after this (ordered dimensions only).' })
  greaterThan?: string | null;

  @Field(() => String, { nullable: true, description: 'Key after or equal to this (ordered dimensions only).' })
  greaterThanOrEqualTo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only rows without a key (a withheld sex or age band); false: only rows with one.',
  })
  isNull?: boolean | null;
}

@ArgsType()
export class AnalyticsArgs {
  @Field(() => [AnalyticsMetric], { description: 'The measures: named metrics (not ACTIVE_ENROLMENTS, a trend only), each once.' })
  measures!: AnalyticsMetric[];

  @Field(() => [AnalyticsDimension], {
    defaultValue: [],
    description: 'Break the measures down by these, together (kecamatan × sex); each must be one every measure has.',
  })
  dimensions!: AnalyticsDimension[];

  @Field(() => [AnalyticsFilterInput], { defaultValue: [], description: 'Conditions on dimensions, all applied.' })
  filters!: AnalyticsFilterInput[];

  @Field(() => AnalyticsTimeDimensionInput, { description: 'The periods.' })
  timeDimension!: AnalyticsTimeDimensionInput;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Answer as the warehouse stood on this published snapshot date (`snapshots` in `npm run sql`); default the latest.',
  })
  asOf?: string | null;

  @Field(() => String, { nullable: true, description: REGION_DESCRIPTION })
  region?: string | null;
}
