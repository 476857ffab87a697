import { registerEnumType } from 'type-graphql';
import { ANALYTICS_DIMENSIONS, type AnalyticsDimensionName } from '../metrics/semantic-names.js';
import { describedValues, literalEnum } from './literal-enum.js';

/** What the semantic `analytics` query can break its measures down by (analytics/semantic/semantic-model.ts). */
export const AnalyticsDimension = literalEnum(ANALYTICS_DIMENSIONS);
export type AnalyticsDimension = AnalyticsDimensionName;

registerEnumType(AnalyticsDimension, {
  name: 'AnalyticsDimension',
  description:
    'A breakdown of the `analytics` query. Not every measure has every dimension: asking for one the data cannot answer ' +
    '(benefits paid by nothing, workers protected by programme) is BAD_USER_INPUT naming the pair.',
  valuesConfig: describedValues<AnalyticsDimensionName>({
    REGENCY: 'The regency (kabupaten) the worker lives in: key its code (e.g. 64.02), label its name.',
    KECAMATAN: 'The kecamatan the worker lives in: key its code (e.g. 64.02.06), label its name.',
    SECTOR: 'The worker’s sector: FORMAL, INFORMAL.',
    OCCUPATION: 'The worker’s occupation (the Occupation values).',
    SEX: 'The worker’s sex: L, P; null where the warehouse withholds it (k-anonymity).',
    AGE_BAND: 'Ten-year age band in the snapshot’s year (<15, 15-24, …, 65+); null where withheld (k-anonymity). Ordered.',
    SEGMENT: 'The membership’s segment: PU (wage earners), BPU (informal).',
    PROGRAMME: 'The benefit programme: JKK, JKM, JHT, JP, JKP.',
    SPONSOR_KIND: 'Who pays: REGENCY_BUDGET, COMPANY_CSR, EMPLOYER, SELF.',
    SPONSOR: 'The sponsor: key its code, label its name.',
  }),
});
