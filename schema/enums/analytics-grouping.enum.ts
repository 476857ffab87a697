import { registerEnumType } from 'type-graphql';
import { METRIC_GROUPINGS, type MetricGrouping } from '../metrics/metric-definitions.js';
import { describedValues, literalEnum } from './literal-enum.js';

/** What a metric can be broken down by; each metric allows some of these (see `metrics`). */
export const AnalyticsGrouping = literalEnum(METRIC_GROUPINGS);
export type AnalyticsGrouping = MetricGrouping;

registerEnumType(AnalyticsGrouping, {
  name: 'AnalyticsGrouping',
  description: 'What a metric can be broken down by. Each metric allows only some of these: `metrics { name groupings }` lists them.',
  valuesConfig: describedValues<MetricGrouping>({
    SPONSOR_KIND: 'By who pays: REGENCY_BUDGET, COMPANY_CSR, EMPLOYER, SELF (the SponsorKind values).',
    SPONSOR: 'By sponsor: key is the sponsor code, label its name.',
    PROGRAMME: 'By benefit programme: JKK, JKM, JHT, JP, JKP.',
    SECTOR: 'By the worker’s sector: FORMAL, INFORMAL.',
    KECAMATAN: 'By the kecamatan the worker lives in: key is its code (e.g. 64.02.06), label its name.',
    OCCUPATION: 'By the worker’s occupation (the Occupation values).',
  }),
});
