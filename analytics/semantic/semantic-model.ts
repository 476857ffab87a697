import type { MetricName, MetricUnit } from '../../schema/metrics/metric-definitions.js';
import type { AnalyticsDimensionName } from '../../schema/metrics/semantic-names.js';

/**
 * The semantic model, as plain data: which marts answer which measures, how each measure aggregates, and
 * which dimensions each mart can honestly break it down by. Cube's model (measures × dimensions × a time
 * dimension) over lindung's marts; query-plan.ts checks a query against it, compile-sql.ts writes its SQL.
 * SQL fragments refer to the mart's row as `f`.
 */

/** How a source's rows fall in a period. */
export type SourceTime =
  /** A date per row (a contribution's month, a claim's paid date): the row counts in the period holding it. */
  | { kind: 'day'; column: string }
  /**
   * A span per row (a membership's start … coverage end, one row per calendar year it covers, year in `year`):
   * the row counts in every period it overlaps, so a distinct count per period is "covered on any day of it".
   */
  | { kind: 'span'; year: string; from: string; to: string }
  /** A calendar year per row (a fiscal year, a statistics year): only whole calendar years can be asked. */
  | { kind: 'year'; column: string }
  /** A stock counted on snapshot dates (one set of rows per snapshot): a period shows its last snapshot's rows. */
  | { kind: 'snapshot'; column: string };

export type SourceName = 'coverage' | 'contributions' | 'sponsor_paid' | 'claims' | 'budget' | 'workforce' | 'enrolments';

export interface SourceDeclaration {
  name: SourceName;
  /** The mart read: at the latest snapshot the (materialised) mart itself; `asOf` an earlier one, its SQL pinned to it. */
  model: string;
  time: SourceTime;
  dimensions: readonly AnalyticsDimensionName[];
  /** Why the dimensions left out cannot be answered, for the error message. */
  notAnswerable: string;
  /** Smaller marts that give the same figures for some plans, tried in order (latest snapshot only). */
  rollups?: readonly RollupDeclaration[];
  /**
   * Whose region a row belongs to when a query is kept to regions: the worker's (where they live), the paying
   * sponsor's (a budget), or, for contributions set against a budget, the paying sponsor's as fct_budget has it.
   */
  regionBy: 'worker' | 'sponsor' | 'budgeted sponsor';
}

/**
 * A pre-aggregated form of a source (Cube's pre-aggregation): used when the plan's dimensions and filters
 * are all among its `dimensions`, its measures among `measures` and (for `calendar`) every period one
 * whole calendar quarter or year. It must give exactly the source's figures; semantic.test.ts checks it.
 */
export interface RollupDeclaration {
  model: string;
  dimensions: readonly AnalyticsDimensionName[];
  /** The aggregate over the rollup's rows `f` giving each measure (the measure's own `where` still applies). */
  measures: Partial<Record<MeasureId, string>>;
  /** `calendar`: rows per calendar period in `grain` ('QUARTER'/'YEAR'), `start`, `end`. */
  time: SourceTime | { kind: 'calendar'; grain: string; start: string; end: string };
}

const WORKER_DIMENSIONS = ['REGENCY', 'KECAMATAN', 'SECTOR', 'OCCUPATION', 'SEX', 'AGE_BAND'] as const;
const SPONSOR_DIMENSIONS = ['SEGMENT', 'SPONSOR_KIND', 'SPONSOR'] as const;

export const SOURCES: Readonly<Record<SourceName, SourceDeclaration>> = {
  coverage: {
    name: 'coverage',
    model: 'fct_coverage_years',
    time: { kind: 'span', year: 'year', from: 'start_date', to: 'covered_until' },
    dimensions: [...WORKER_DIMENSIONS, ...SPONSOR_DIMENSIONS],
    notAnswerable: 'a membership covers several programmes at once',
    regionBy: 'worker',
    rollups: [
      {
        model: 'fct_workers_protected_periods',
        dimensions: WORKER_DIMENSIONS,
        // each worker is in one group per period, so the distinct count is a sum of groups
        measures: { WORKERS_PROTECTED: 'sum(f.workers)' },
        time: { kind: 'calendar', grain: 'period_grain', start: 'period_start', end: 'period_end' },
      },
    ],
  },
  contributions: {
    name: 'contributions',
    model: 'fct_contributions_groups',
    time: { kind: 'day', column: 'period' },
    dimensions: [...WORKER_DIMENSIONS, ...SPONSOR_DIMENSIONS, 'PROGRAMME'],
    notAnswerable: '',
    regionBy: 'worker',
    rollups: [
      {
        model: 'fct_contributions_sponsor_months',
        dimensions: [...SPONSOR_DIMENSIONS, 'PROGRAMME', 'SECTOR'],
        measures: { CONTRIBUTIONS_PAID: 'sum(f.amount)' },
        time: { kind: 'day', column: 'period' },
      },
      {
        model: 'fct_contributions_worker_months',
        dimensions: [...WORKER_DIMENSIONS, 'SEGMENT', 'SPONSOR_KIND', 'PROGRAMME'],
        measures: { CONTRIBUTIONS_PAID: 'sum(f.amount)' },
        time: { kind: 'day', column: 'period' },
      },
    ],
  },
  // The same contributions set against budgets: a budget and what was paid from it belong to the paying
  // sponsor's region (a regency's realisation is its own budget's, wherever the workers it pays for live).
  sponsor_paid: {
    name: 'sponsor_paid',
    model: 'fct_contributions_groups',
    time: { kind: 'day', column: 'period' },
    dimensions: ['SPONSOR_KIND', 'SPONSOR'],
    notAnswerable: 'a budget belongs to a sponsor, not to workers or programmes',
    regionBy: 'budgeted sponsor',
    rollups: [
      {
        model: 'fct_contributions_sponsor_months',
        dimensions: ['SPONSOR_KIND', 'SPONSOR'],
        measures: { BUDGETED_CONTRIBUTIONS: 'sum(f.amount)' },
        time: { kind: 'day', column: 'period' },
      },
    ],
  },
  claims: {
    name: 'claims',
    model: 'fct_claims_paid_groups',
    time: { kind: 'day', column: 'paid_date' },
    dimensions: [...WORKER_DIMENSIONS, ...SPONSOR_DIMENSIONS, 'PROGRAMME'],
    notAnswerable: '',
    regionBy: 'worker',
  },
  budget: {
    name: 'budget',
    model: 'fct_budget',
    time: { kind: 'year', column: 'fiscal_year' },
    dimensions: ['SPONSOR_KIND', 'SPONSOR'],
    notAnswerable: 'a budget belongs to a sponsor, not to workers or programmes',
    regionBy: 'sponsor',
  },
  workforce: {
    name: 'workforce',
    model: 'fct_workforce',
    time: { kind: 'year', column: 'year' },
    dimensions: ['KECAMATAN', 'SECTOR'],
    notAnswerable: 'the labour-force statistics count workers by kecamatan and sector only',
    regionBy: 'worker',
  },
  enrolments: {
    name: 'enrolments',
    model: 'fct_enrolment_daily',
    time: { kind: 'snapshot', column: 'snapshot_date' },
    dimensions: ['REGENCY', 'KECAMATAN', 'SECTOR', 'SEGMENT', 'SPONSOR_KIND'],
    notAnswerable: 'active memberships are counted per snapshot by region, sector, segment and sponsor kind only',
    regionBy: 'worker',
  },
};

/** A measure aggregated from one source's rows. */
export interface BaseMeasure {
  kind: 'base';
  source: SourceName;
  /** An aggregate over the source's rows `f`. */
  sql: string;
  /**
   * The measure's own rows among the source's (a condition on `f`): its aggregate reads only them, and a group
   * is listed for it only where it has some.
   */
  where?: string;
  /** Where `where` keeps only some members of a listed dimension (JKK and JKM benefits): those, for its lines. */
  only?: Partial<Record<AnalyticsDimensionName, readonly string[]>>;
  /** A distinct count: its groups need not add up to its total, so every total is counted on its own. */
  distinct: boolean;
}

/** A measure computed from other measures at the same grain (a ratio): only the dimensions all of them have. */
export interface DerivedMeasure {
  kind: 'derived';
  inputs: readonly MeasureId[];
  /** `{NAME}` stands for the input measure's value in the same cell. */
  sql: string;
  distinct: boolean;
}

/** Internal measures are inputs of a named one and never answered on their own. */
export type InternalMeasure = 'BUDGETED_CONTRIBUTIONS';
export type MeasureId = MetricName | InternalMeasure;
export type MeasureDeclaration = (BaseMeasure | DerivedMeasure) & { unit: MetricUnit };

const REGENCY_OR_CSR = "f.sponsor_kind in ('REGENCY_BUDGET', 'COMPANY_CSR')";

/** Each named metric's measure: the same rows and rule as its yearly SQL in analytics/metrics/yearly. */
export const MEASURES: Readonly<Record<MeasureId, MeasureDeclaration>> = {
  WORKERS_PROTECTED: { kind: 'base', source: 'coverage', unit: 'COUNT', distinct: true, sql: 'count(distinct f.worker_key)' },
  VULNERABLE_WORKERS_SPONSORED: {
    kind: 'base',
    source: 'coverage',
    unit: 'COUNT',
    distinct: true,
    sql: 'count(distinct f.worker_key)',
    where: `${REGENCY_OR_CSR} and f.sector = 'INFORMAL' and not f.non_asn`,
  },
  CONTRIBUTIONS_PAID: { kind: 'base', source: 'contributions', unit: 'RUPIAH', distinct: false, sql: 'sum(f.amount)' },
  BUDGETED_CONTRIBUTIONS: {
    kind: 'base',
    source: 'sponsor_paid',
    unit: 'RUPIAH',
    distinct: false,
    sql: 'sum(f.amount)',
    where: 'f.budgeted_sponsor',
  },
  BENEFITS_PAID: { kind: 'base', source: 'claims', unit: 'RUPIAH', distinct: false, sql: 'sum(f.paid_amount)' },
  CLAIMS_PAID: { kind: 'base', source: 'claims', unit: 'COUNT', distinct: false, sql: 'sum(f.claims)' },
  VULNERABLE_BENEFITS_PAID: {
    kind: 'base',
    source: 'claims',
    unit: 'RUPIAH',
    distinct: false,
    sql: 'sum(f.paid_amount)',
    only: { PROGRAMME: ['JKK', 'JKM'] },
    where: `f.programme in ('JKK', 'JKM') and (f.non_asn or (f.sector = 'INFORMAL' and ${REGENCY_OR_CSR}))`,
  },
  BUDGET_ALLOCATED: { kind: 'base', source: 'budget', unit: 'RUPIAH', distinct: false, sql: 'sum(f.amount)' },
  LABOUR_FORCE: { kind: 'base', source: 'workforce', unit: 'COUNT', distinct: false, sql: 'sum(f.labour_force)' },
  ACTIVE_ENROLMENTS: { kind: 'base', source: 'enrolments', unit: 'COUNT', distinct: false, sql: 'sum(f.active_enrolments)' },
  COVERAGE: {
    kind: 'derived',
    unit: 'PERCENT',
    distinct: true,
    inputs: ['WORKERS_PROTECTED', 'LABOUR_FORCE'],
    sql: 'case when {LABOUR_FORCE} > 0 then cast(100 * coalesce({WORKERS_PROTECTED}, 0) / {LABOUR_FORCE} as decimal(18, 1)) end',
  },
  BUDGET_REALISATION: {
    kind: 'derived',
    unit: 'PERCENT',
    distinct: false,
    inputs: ['BUDGETED_CONTRIBUTIONS', 'BUDGET_ALLOCATED'],
    sql: 'case when {BUDGET_ALLOCATED} > 0 then cast(100 * coalesce({BUDGETED_CONTRIBUTIONS}, 0) / {BUDGET_ALLOCATED} as decimal(18, 1)) end',
  },
  COST_PER_WORKER: {
    kind: 'derived',
    unit: 'RUPIAH',
    distinct: true,
    inputs: ['CONTRIBUTIONS_PAID', 'WORKERS_PROTECTED'],
    // whole rupiah rounded half up with integer arithmetic, as yoy_cost_per_worker
    sql: 'case when {WORKERS_PROTECTED} > 0 then (2 * coalesce({CONTRIBUTIONS_PAID}, 0) + {WORKERS_PROTECTED}) // (2 * {WORKERS_PROTECTED}) end',
  },
};

/**
 * Measures the `analytics` query does not take, and why: ACTIVE_ENROLMENTS exists on snapshot dates only, so
 * only `trend` (a form of this layer that asks for stocks) answers it.
 */
export const NOT_MEASURES: Partial<Record<MetricName, string>> = {
  ACTIVE_ENROLMENTS: 'is a stock counted on snapshot dates only; use trend',
};

export interface DimensionDeclaration {
  /** Column of every source that has the dimension. */
  key: string;
  /** Column holding the member's name (the key itself where the code is the name). */
  label: string;
  /**
   * Every value is a member in every period that has rows (0 where it has none), not only the values with rows:
   * the five programmes, as every payout table prints them (yoy_payouts_by_programme lists each in every year).
   */
  listed?: boolean;
  /** The accepted filter values, in order where `ordered`; else `pattern` checks codes. */
  values?: readonly string[];
  pattern?: { regex: RegExp; rule: string };
  /** lessThan … greaterThanOrEqualTo make sense (age bands in their order, codes in code order). */
  ordered: boolean;
  /**
   * Members a breakdown has at most, for the plan's size check (query-plan.ts), including the null member
   * where the warehouse withholds a value; or a statement counting them in the catalogue.
   */
  estimate: number | { sql: string };
}

const CODE = { regex: /^[A-Za-z0-9._-]{1,40}$/, rule: 'a code of letters, digits, ".", "_" or "-" (at most 40)' };

export const DIMENSIONS: Readonly<Record<AnalyticsDimensionName, DimensionDeclaration>> = {
  REGENCY: {
    key: 'regency_code',
    label: 'regency_name',
    pattern: { regex: /^[0-9]{2}\.[0-9]{2}$/, rule: 'a regency code such as 64.02' },
    ordered: true,
    estimate: { sql: "select count(*) + 1 from dim_region where region_level = 'REGENCY'" },
  },
  KECAMATAN: {
    key: 'kecamatan_code',
    label: 'kecamatan_name',
    pattern: { regex: /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/, rule: 'a kecamatan code such as 64.02.06' },
    ordered: true,
    estimate: { sql: "select count(*) + 1 from dim_region where region_level = 'DISTRICT'" },
  },
  SECTOR: { key: 'sector', label: 'sector', values: ['FORMAL', 'INFORMAL'], ordered: false, estimate: 2 },
  OCCUPATION: {
    key: 'occupation',
    label: 'occupation',
    values: [
      'PETANI',
      'NELAYAN',
      'PEDAGANG',
      'MARBOT',
      'TENAGA_KESEHATAN',
      'TENAGA_PENDIDIK',
      'BURUH',
      'KARYAWAN',
      'PEGAWAI_NON_ASN',
      'LAINNYA',
    ],
    ordered: false,
    estimate: 11,
  },
  SEX: { key: 'sex', label: 'sex', values: ['L', 'P'], ordered: false, estimate: 3 },
  // etl/worker-table.ts bands ages this way
  AGE_BAND: {
    key: 'age_band',
    label: 'age_band',
    values: ['<15', '15-24', '25-34', '35-44', '45-54', '55-64', '65+'],
    ordered: true,
    estimate: 8,
  },
  SEGMENT: { key: 'segment', label: 'segment', values: ['PU', 'BPU'], ordered: false, estimate: 2 },
  PROGRAMME: {
    key: 'programme',
    label: 'programme',
    values: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'],
    listed: true,
    ordered: false,
    estimate: 5,
  },
  SPONSOR_KIND: {
    key: 'sponsor_kind',
    label: 'sponsor_kind',
    values: ['REGENCY_BUDGET', 'COMPANY_CSR', 'EMPLOYER', 'SELF'],
    ordered: false,
    estimate: 4,
  },
  SPONSOR: {
    key: 'sponsor_code',
    label: 'sponsor_name',
    pattern: CODE,
    ordered: true,
    estimate: { sql: "select count(*) from latest_snapshot('stg_sponsor')" },
  },
};
