/**
 * The named metrics that the GraphQL analytics fields and the briefs both answer from, so the two
 * can never disagree. Plain data, part of the domain: the enums, the API and the briefs read it, and
 * nothing here touches the disk. Each metric is a measure of the semantic layer
 * (analytics/semantic/semantic-model.ts); `yearOverYear` and `trend` (analytics/metrics/metric-queries.ts)
 * are thin forms of its query, and this list is their contract: which groupings and forms each metric offers.
 */
export const METRIC_NAMES = [
  'BUDGET_ALLOCATED',
  'CONTRIBUTIONS_PAID',
  'BUDGET_REALISATION',
  'BENEFITS_PAID',
  'CLAIMS_PAID',
  'VULNERABLE_BENEFITS_PAID',
  'WORKERS_PROTECTED',
  'VULNERABLE_WORKERS_SPONSORED',
  'COVERAGE',
  'LABOUR_FORCE',
  'COST_PER_WORKER',
  'ACTIVE_ENROLMENTS',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const METRIC_GROUPINGS = ['SPONSOR_KIND', 'SPONSOR', 'PROGRAMME', 'SECTOR', 'KECAMATAN', 'OCCUPATION'] as const;
export type MetricGrouping = (typeof METRIC_GROUPINGS)[number];

/** RUPIAH and COUNT values are whole numbers; PERCENT has one decimal and changes in points. */
export const METRIC_UNITS = ['RUPIAH', 'COUNT', 'PERCENT'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** How a trend folds the days of a period: a flow adds them up, a stock shows the period's last day. */
export type TrendFold = 'SUM' | 'LAST';

export interface MetricDefinition {
  name: MetricName;
  unit: MetricUnit;
  groupings: readonly MetricGrouping[];
  /** True when `yearOverYear` answers it (every measure but the stock ACTIVE_ENROLMENTS). */
  yearly: boolean;
  /** How its trend folds days, when `trend` answers it (the semantic layer sums a flow, shows a stock's last snapshot). */
  trend: TrendFold | null;
  description: string;
}

const DEFINITIONS: MetricDefinition[] = [
  {
    name: 'BUDGET_ALLOCATED',
    unit: 'RUPIAH',
    groupings: ['SPONSOR_KIND', 'SPONSOR'],
    yearly: true,
    trend: null,
    description: 'Budget in force per fiscal year (a revised allocation replaces the original).',
  },
  {
    name: 'CONTRIBUTIONS_PAID',
    unit: 'RUPIAH',
    groupings: ['SPONSOR_KIND', 'PROGRAMME', 'SECTOR'],
    yearly: true,
    trend: 'SUM',
    description: 'Contributions paid, counted in the year (or month) they cover.',
  },
  {
    name: 'BUDGET_REALISATION',
    unit: 'PERCENT',
    groupings: ['SPONSOR_KIND', 'SPONSOR'],
    yearly: true,
    trend: null,
    description: 'Contributions a budgeted sponsor paid for the year, as a share of its budget in force.',
  },
  {
    name: 'BENEFITS_PAID',
    unit: 'RUPIAH',
    groupings: ['PROGRAMME'],
    yearly: true,
    trend: 'SUM',
    description: 'Benefits paid (JKK, JKM, JHT, JP, JKP), by paid date.',
  },
  {
    name: 'CLAIMS_PAID',
    unit: 'COUNT',
    groupings: ['PROGRAMME'],
    yearly: true,
    trend: 'SUM',
    description: 'Benefit claims paid, by paid date.',
  },
  {
    name: 'VULNERABLE_BENEFITS_PAID',
    unit: 'RUPIAH',
    groupings: ['PROGRAMME'],
    yearly: true,
    trend: null,
    description: 'JKK and JKM benefits paid to non-ASN workers and to informal workers sponsored by the regency or CSR.',
  },
  {
    name: 'WORKERS_PROTECTED',
    unit: 'COUNT',
    groupings: ['SPONSOR_KIND', 'SECTOR', 'KECAMATAN', 'OCCUPATION'],
    yearly: true,
    trend: null,
    description: 'Distinct workers with a membership covering any day of the year.',
  },
  {
    name: 'VULNERABLE_WORKERS_SPONSORED',
    unit: 'COUNT',
    groupings: ['SPONSOR_KIND'],
    yearly: true,
    trend: null,
    description: 'Distinct informal, non-ASN workers covered during the year by the regency budget or a company CSR.',
  },
  {
    name: 'COVERAGE',
    unit: 'PERCENT',
    groupings: ['SECTOR', 'KECAMATAN'],
    yearly: true,
    trend: null,
    description: 'Workers covered during the year as a share of the labour force.',
  },
  {
    name: 'LABOUR_FORCE',
    unit: 'COUNT',
    groupings: ['SECTOR', 'KECAMATAN'],
    yearly: true,
    trend: null,
    description: 'Workers in the labour force (the coverage denominator).',
  },
  {
    name: 'COST_PER_WORKER',
    unit: 'RUPIAH',
    groupings: ['SPONSOR_KIND'],
    yearly: true,
    trend: null,
    description: 'Contributions paid for the year per distinct worker protected that year, rounded half up.',
  },
  {
    name: 'ACTIVE_ENROLMENTS',
    unit: 'COUNT',
    groupings: [],
    yearly: false,
    trend: 'LAST',
    description: 'ACTIVE memberships on a snapshot date (a trend only).',
  },
];

export const METRICS: ReadonlyMap<MetricName, MetricDefinition> = new Map(DEFINITIONS.map((d) => [d.name, d]));

export function metricDefinition(name: MetricName): MetricDefinition {
  const definition = METRICS.get(name);
  if (!definition) throw new Error(`unknown metric ${name}`);
  return definition;
}

/** The length of one point of a trend. */
export const TREND_INTERVALS = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];
