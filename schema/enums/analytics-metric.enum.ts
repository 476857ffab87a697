import { registerEnumType } from 'type-graphql';
import { METRIC_NAMES, METRICS, type MetricName } from '../metrics/metric-definitions.js';
import { describedValues, literalEnum } from './literal-enum.js';

/** The warehouse's named metrics (analytics/metrics): the same figures the briefs print. */
export const AnalyticsMetric = literalEnum(METRIC_NAMES);
export type AnalyticsMetric = MetricName;

registerEnumType(AnalyticsMetric, {
  name: 'AnalyticsMetric',
  description:
    'A named figure of the analytics warehouse, the same one the year-over-year briefs print. `metrics` lists each with its ' +
    'unit, the groupings it can be broken down by and whether it has a trend.',
  valuesConfig: describedValues(
    Object.fromEntries([...METRICS.values()].map((m) => [m.name, `${m.description} Unit: ${m.unit}.`])) as Record<MetricName, string>,
  ),
});
