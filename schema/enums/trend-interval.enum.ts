import { registerEnumType } from 'type-graphql';
import { TREND_INTERVALS, type TrendInterval as Interval } from '../metrics/metric-definitions.js';
import { describedValues, literalEnum } from './literal-enum.js';

/** The length of one point of a trend. */
export const TrendInterval = literalEnum(TREND_INTERVALS);
export type TrendInterval = Interval;

registerEnumType(TrendInterval, {
  name: 'TrendInterval',
  description: 'The length of one point of a trend: calendar months, quarters or years.',
  valuesConfig: describedValues<Interval>({
    MONTH: 'One point per calendar month.',
    QUARTER: 'One point per calendar quarter (January–March, …).',
    YEAR: 'One point per calendar year.',
  }),
});
