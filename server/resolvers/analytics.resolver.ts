import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AnalyticsAnswer, AnalyticsMeasure, MetricDefinition, Trend, YearOverYear } from '../../schema/types/analytics.type.js';
import type { RequestContext } from '../context.js';
import { AnalyticsArgs, TrendArgs, YearOverYearArgs } from '../inputs/analytics.args.js';
import { periodComplexity } from './complexity.js';

/** Dashboard figures from the warehouse: aggregates with no personal data, so any role may read them. */
@Resolver()
export class AnalyticsResolver {
  @Authorized()
  @Query(() => [MetricDefinition], {
    description: 'The warehouse metrics `yearOverYear` and `trend` answer, with their units and groupings.',
  })
  metrics(@Ctx() ctx: RequestContext): MetricDefinition[] {
    return ctx.services.analytics.metrics();
  }

  @Authorized()
  @Query(() => YearOverYear, {
    description:
      'A metric in one year against another (default the year before), as a total and optionally by group, from the latest ' +
      'warehouse snapshot: the figures of the year-over-year briefs. WAREHOUSE_NOT_READY until the first ETL run has published.',
  })
  yearOverYear(@Ctx() ctx: RequestContext, @Args(() => YearOverYearArgs) args: YearOverYearArgs): Promise<YearOverYear> {
    return ctx.services.analytics.yearOverYear(args);
  }

  @Authorized()
  @Query(() => Trend, {
    description:
      'A metric per month, quarter or year between two dates, from the latest warehouse snapshot. WAREHOUSE_NOT_READY until the ' +
      'first ETL run has published.',
    complexity: periodComplexity,
  })
  trend(@Ctx() ctx: RequestContext, @Args(() => TrendArgs) args: TrendArgs): Promise<Trend> {
    return ctx.services.analytics.trend(args);
  }

  @Authorized()
  @Query(() => [AnalyticsMeasure], {
    description: 'The measures the `analytics` query answers, each with its unit and the dimensions it can be broken down by.',
  })
  analyticsMeasures(@Ctx() ctx: RequestContext): AnalyticsMeasure[] {
    return ctx.services.analytics.analyticsMeasures();
  }

  @Authorized()
  @Query(() => AnalyticsAnswer, {
    description:
      'Measures (the named metrics) by any dimensions each can answer, filtered, over a date range cut into periods and ' +
      'optionally compared with another, from the latest warehouse snapshot or `asOf` an earlier one: Cube’s query model ' +
      'with compareDateRange. Distinct counts stay distinct: `totals` are counted on their own. BAD_USER_INPUT names a ' +
      'measure × dimension pair the data cannot answer; QUERY_TOO_LARGE refuses a plan over ANALYTICS_MAX_CELLS before it runs.',
  })
  analytics(@Ctx() ctx: RequestContext, @Args(() => AnalyticsArgs) args: AnalyticsArgs): Promise<AnalyticsAnswer> {
    return ctx.services.analytics.analytics(args);
  }
}
