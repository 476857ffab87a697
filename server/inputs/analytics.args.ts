import { ArgsType, Field, Int } from 'type-graphql';
import { AnalyticsGrouping } from '../../schema/enums/analytics-grouping.enum.js';
import { AnalyticsMetric } from '../../schema/enums/analytics-metric.enum.js';
import { TrendInterval } from '../../schema/enums/trend-interval.enum.js';
import { DateScalar } from '../../schema/scalars/date.scalar.js';

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
}
