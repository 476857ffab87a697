/**
 * The names the semantic query (`analytics(measures:, dimensions:, filters:, timeDimension:, asOf:)`) takes, as
 * plain data: the GraphQL enums and the semantic model (analytics/semantic/semantic-model.ts) both read them, so a
 * dimension cannot exist in one and not the other. The measures are the named metrics (metric-definitions.ts).
 */
export const ANALYTICS_DIMENSIONS = [
  'REGENCY',
  'KECAMATAN',
  'SECTOR',
  'OCCUPATION',
  'SEX',
  'AGE_BAND',
  'SEGMENT',
  'PROGRAMME',
  'SPONSOR_KIND',
  'SPONSOR',
] as const;
export type AnalyticsDimensionName = (typeof ANALYTICS_DIMENSIONS)[number];

/** Each measure's own date (the month a contribution covers, a claim's paid date, a membership's span, a fiscal year). */
export const ANALYTICS_TIME_DIMENSIONS = ['PERIOD'] as const;
export type AnalyticsTimeDimensionName = (typeof ANALYTICS_TIME_DIMENSIONS)[number];

/** Filter operators, named as PostGraphile's connection filter names them. */
export const ANALYTICS_FILTER_OPERATORS = [
  'equalTo',
  'notEqualTo',
  'in',
  'notIn',
  'lessThan',
  'lessThanOrEqualTo',
  'greaterThan',
  'greaterThanOrEqualTo',
  'isNull',
] as const;
export type AnalyticsFilterOperator = (typeof ANALYTICS_FILTER_OPERATORS)[number];
