import { registerEnumType } from 'type-graphql';
import { ANALYTICS_TIME_DIMENSIONS, type AnalyticsTimeDimensionName } from '../metrics/semantic-names.js';
import { describedValues, literalEnum } from './literal-enum.js';

/** The date a measure is counted by in the semantic `analytics` query. */
export const AnalyticsTimeDimension = literalEnum(ANALYTICS_TIME_DIMENSIONS);
export type AnalyticsTimeDimension = AnalyticsTimeDimensionName;

registerEnumType(AnalyticsTimeDimension, {
  name: 'AnalyticsTimeDimension',
  description: 'The date the `analytics` query places each measure by.',
  valuesConfig: describedValues<AnalyticsTimeDimensionName>({
    PERIOD:
      'Each measure’s own date: the month a contribution covers, the day a claim was paid, any day a membership covered ' +
      '(workers protected), the fiscal year (budget) or the statistics year (labour force), as the named metrics count them.',
  }),
});
