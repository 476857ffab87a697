import { registerEnumType } from 'type-graphql';
import { METRIC_UNITS, type MetricUnit as Unit } from '../metrics/metric-definitions.js';
import { describedValues, literalEnum } from './literal-enum.js';

/** How to read a metric's numbers. */
export const MetricUnit = literalEnum(METRIC_UNITS);
export type MetricUnit = Unit;

registerEnumType(MetricUnit, {
  name: 'MetricUnit',
  description: 'How to read a metric’s values; every value is an exact `Decimal` string whatever its unit.',
  valuesConfig: describedValues<Unit>({
    RUPIAH: 'Whole rupiah, e.g. "54307662320" (Rp 54.307.662.320); `change` is in rupiah.',
    COUNT: 'A whole number of workers, claims or memberships; `change` is a count.',
    PERCENT: 'A percentage with one decimal, e.g. "48.2"; `change` is in percentage points and `changePct` is relative.',
  }),
});
