import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The named metrics that the GraphQL analytics fields and the briefs both answer from, so the two
 * can never disagree. Each metric is one SQL file over the marts: `yearly/<name>.sql` gives
 * `year, group_by, group_key, group_label, value` for every grouping the metric has ('TOTAL' for the
 * whole); `trends/<name>.sql` gives `day, value` for metrics that move within a year.
 */
export const METRIC_NAMES = [
  'BUDGET_ALLOCATED', 'CONTRIBUTIONS_PAID', 'BUDGET_REALISATION', 'BENEFITS_PAID', 'CLAIMS_PAID',
  'VULNERABLE_BENEFITS_PAID', 'WORKERS_PROTECTED', 'VULNERABLE_WORKERS_SPONSORED', 'COVERAGE',
  'LABOUR_FORCE', 'COST_PER_WORKER', 'ACTIVE_ENROLMENTS',
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
  /** Present when `yearly/<file>.sql` exists. */
  yearly: boolean;
  /** Present when `trends/<file>.sql` exists. */
  trend: TrendFold | null;
  description: string;
}

const DIR = path.dirname(fileURLToPath(import.meta.url));

const DEFINITIONS: Array<Omit<MetricDefinition, 'yearly'>> = [
  { name: 'BUDGET_ALLOCATED', unit: 'RUPIAH', groupings: ['SPONSOR_KIND', 'SPONSOR'], trend: null,
    description: 'Budget in force per fiscal year (a revised allocation replaces the original).' },
  { name: 'CONTRIBUTIONS_PAID', unit: 'RUPIAH', groupings: ['SPONSOR_KIND', 'PROGRAMME', 'SECTOR'], trend: 'SUM',
    description: 'Contributions paid, counted in the year (or month) they cover.' },
  { name: 'BUDGET_REALISATION', unit: 'PERCENT', groupings: ['SPONSOR_KIND', 'SPONSOR'], trend: null,
    description: 'Contributions a budgeted sponsor paid for the year, as a share of its budget in force.' },
  { name: 'BENEFITS_PAID', unit: 'RUPIAH', groupings: ['PROGRAMME'], trend: 'SUM',
    description: 'Benefits paid (JKK, JKM, JHT, JP, JKP), by paid date.' },
  { name: 'CLAIMS_PAID', unit: 'COUNT', groupings: ['PROGRAMME'], trend: 'SUM',
    description: 'Benefit claims paid, by paid date.' },
  { name: 'VULNERABLE_BENEFITS_PAID', unit: 'RUPIAH', groupings: ['PROGRAMME'], trend: null,
    description: 'JKK and JKM benefits paid to non-ASN workers and to informal workers sponsored by the regency or CSR.' },
  { name: 'WORKERS_PROTECTED', unit: 'COUNT', groupings: ['SPONSOR_KIND', 'SECTOR', 'KECAMATAN', 'OCCUPATION'], trend: null,
    description: 'Distinct workers with a membership covering any day of the year.' },
  { name: 'VULNERABLE_WORKERS_SPONSORED', unit: 'COUNT', groupings: ['SPONSOR_KIND'], trend: null,
    description: 'Distinct informal, non-ASN workers covered during the year by the regency budget or a company CSR.' },
  { name: 'COVERAGE', unit: 'PERCENT', groupings: ['SECTOR', 'KECAMATAN'], trend: null,
    description: 'Workers covered during the year as a share of the labour force.' },
  { name: 'LABOUR_FORCE', unit: 'COUNT', groupings: ['SECTOR', 'KECAMATAN'], trend: null,
    description: 'Workers in the labour force (the coverage denominator).' },
  { name: 'COST_PER_WORKER', unit: 'RUPIAH', groupings: ['SPONSOR_KIND'], trend: null,
    description: 'Contributions paid for the year per distinct worker protected that year, rounded half up.' },
  { name: 'ACTIVE_ENROLMENTS', unit: 'COUNT', groupings: [], trend: 'LAST',
    description: 'ACTIVE memberships on a snapshot date (a trend only).' },
];

export const metricFile = (kind: 'yearly' | 'trends', name: MetricName) =>
  path.join(DIR, kind, `${name.toLowerCase()}.sql`);

export const METRICS: ReadonlyMap<MetricName, MetricDefinition> = new Map(
  DEFINITIONS.map((d) => [d.name, { ...d, yearly: fs.existsSync(metricFile('yearly', d.name)) }]),
);

export function metricDefinition(name: MetricName): MetricDefinition {
  const definition = METRICS.get(name);
  if (!definition) throw new Error(`unknown metric ${name}`);
  return definition;
}

const cache = new Map<string, string>();
/** The metric's SQL without its header comment or trailing semicolon, ready to sit in a CTE. */
export function metricSql(kind: 'yearly' | 'trends', name: MetricName): string {
  const file = metricFile(kind, name);
  let sql = cache.get(file);
  if (sql === undefined) {
    sql = fs.readFileSync(file, 'utf8').trim().replace(/;\s*$/, '');
    cache.set(file, sql);
  }
  return sql;
}
