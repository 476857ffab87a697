import type { MetricGrouping, MetricName } from '../../schema/metrics/metric-definitions.js';
import {
  trend,
  yearOverYear,
  type TrendAnswer,
  type WarehouseQueries,
  type WarehouseSnapshot,
  type YearOverYearAnswer,
} from '../metrics/metric-queries.js';

/**
 * What a brief says, before any language or layout: for each section the named metric queries it
 * reads and their answers (exact decimal strings). Every figure on a rendered page is one of these
 * answers, or arithmetic on them that the methods appendix states, and each query keeps the SQL that
 * produced it, so the API (which answers from the same metric functions) and the brief cannot
 * disagree. Built once; the Indonesian and English briefs render the same object.
 */

/** One query of the methods appendix. `id` ("Q3") is how the page refers to it. */
export interface BriefQuery {
  id: string;
  kind: 'year-over-year' | 'trend';
  metric: MetricName;
  groupBy: MetricGrouping | null;
  /** Trend queries: the inclusive date range, monthly. */
  from?: string;
  to?: string;
  sql: string[];
}

export interface Comparison extends YearOverYearAnswer {
  queryId: string;
}

export interface MonthlyTrend extends TrendAnswer {
  queryId: string;
}

export interface BriefContent {
  year: number;
  compare: number;
  /** The one published snapshot every query read. */
  snapshot: WarehouseSnapshot;
  /** The year is still running on the snapshot date: its figures are to that date. */
  partialYear: boolean;
  queries: BriefQuery[];
  budget: {
    allocated: Comparison;
    paid: Comparison;
    realisation: Comparison;
  };
  workers: {
    vulnerable: Comparison;
    bySponsorKind: Comparison;
    activeThisYear: MonthlyTrend;
    activeCompareYear: MonthlyTrend;
  };
  payouts: {
    byProgramme: Comparison;
    vulnerable: Comparison;
  };
  claims: {
    byProgramme: Comparison;
    monthlyThisYear: MonthlyTrend;
    monthlyCompareYear: MonthlyTrend;
  };
  coverage: {
    rate: Comparison;
    covered: Comparison;
    labourForce: Comparison;
  };
  kecamatan: {
    rate: Comparison;
    covered: Comparison;
    labourForce: Comparison;
  };
  occupation: {
    covered: Comparison;
  };
  cost: {
    perWorker: Comparison;
  };
}

export interface BriefPeriod {
  year: number;
  compare: number;
}

class QueryLog {
  readonly queries: BriefQuery[] = [];

  constructor(
    private readonly warehouse: WarehouseQueries,
    private readonly period: BriefPeriod,
  ) {}

  async compare(metric: MetricName, groupBy: MetricGrouping | null = null): Promise<Comparison> {
    const answer = await yearOverYear(this.warehouse, { metric, year: this.period.year, compareTo: this.period.compare, groupBy });
    const queryId = this.add({ kind: 'year-over-year', metric, groupBy, sql: answer.sql });
    return { ...answer, queryId };
  }

  async monthly(metric: MetricName, year: number): Promise<MonthlyTrend> {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const answer = await trend(this.warehouse, { metric, from, to, interval: 'MONTH' });
    const queryId = this.add({ kind: 'trend', metric, groupBy: null, from, to, sql: [answer.sql] });
    return { ...answer, queryId };
  }

  private add(query: Omit<BriefQuery, 'id'>): string {
    const id = `Q${this.queries.length + 1}`;
    this.queries.push({ id, ...query });
    return id;
  }
}

/**
 * Reads every figure of the brief. Queries run one after another (the machine the nightly job
 * shares is small). Give it a warehouse pinned to one catalogue (`WarehouseReader.pinned`), as
 * `writeBriefs` does, so that no page mixes two snapshots.
 */
export async function buildBriefContent(warehouse: WarehouseQueries, period: BriefPeriod): Promise<BriefContent> {
  const q = new QueryLog(warehouse, period);
  const { year, compare } = period;

  // 1-2. Budget: the allocation in force, what the sponsors actually paid for the year's months, and
  // the share of the allocation that was (realisation).
  const budget = {
    allocated: await q.compare('BUDGET_ALLOCATED', 'SPONSOR_KIND'),
    paid: await q.compare('CONTRIBUTIONS_PAID', 'SPONSOR_KIND'),
    realisation: await q.compare('BUDGET_REALISATION', 'SPONSOR_KIND'),
  };

  // 3. Workers protected: the article's sponsored vulnerable workers, every worker by who pays, and
  // the month-end memberships of both years.
  const workers = {
    vulnerable: await q.compare('VULNERABLE_WORKERS_SPONSORED', 'SPONSOR_KIND'),
    bySponsorKind: await q.compare('WORKERS_PROTECTED', 'SPONSOR_KIND'),
    activeCompareYear: await q.monthly('ACTIVE_ENROLMENTS', compare),
    activeThisYear: await q.monthly('ACTIVE_ENROLMENTS', year),
  };

  // 4. Benefits paid by programme, and the part paid to non-ASN and sponsored vulnerable workers.
  const payouts = {
    byProgramme: await q.compare('BENEFITS_PAID', 'PROGRAMME'),
    vulnerable: await q.compare('VULNERABLE_BENEFITS_PAID', 'PROGRAMME'),
  };

  // 5. Claims paid by programme and by month.
  const claims = {
    byProgramme: await q.compare('CLAIMS_PAID', 'PROGRAMME'),
    monthlyCompareYear: await q.monthly('CLAIMS_PAID', compare),
    monthlyThisYear: await q.monthly('CLAIMS_PAID', year),
  };

  // 6. Coverage by sector: the rate with its numerator and denominator beside it.
  const coverage = {
    rate: await q.compare('COVERAGE', 'SECTOR'),
    covered: await q.compare('WORKERS_PROTECTED', 'SECTOR'),
    labourForce: await q.compare('LABOUR_FORCE', 'SECTOR'),
  };

  // 7. Coverage by kecamatan, the same three figures.
  const kecamatan = {
    rate: await q.compare('COVERAGE', 'KECAMATAN'),
    covered: await q.compare('WORKERS_PROTECTED', 'KECAMATAN'),
    labourForce: await q.compare('LABOUR_FORCE', 'KECAMATAN'),
  };

  // 8. Workers protected by occupation (the workforce statistics have no occupation: no rate).
  const occupation = { covered: await q.compare('WORKERS_PROTECTED', 'OCCUPATION') };

  // 9. Cost per protected worker; its numerator and denominator are budget.paid and workers.bySponsorKind.
  const cost = { perWorker: await q.compare('COST_PER_WORKER', 'SPONSOR_KIND') };

  const snapshot = budget.allocated.snapshot;
  return {
    year,
    compare,
    snapshot,
    partialYear: snapshot.snapshotDate < `${year}-12-31`,
    queries: q.queries,
    budget,
    workers,
    payouts,
    claims,
    coverage,
    kecamatan,
    occupation,
    cost,
  };
}

/** The last calendar year that is complete on the snapshot date: the default brief year. */
export function lastCompleteYear(snapshotDate: string): number {
  const year = Number(snapshotDate.slice(0, 4));
  return snapshotDate.slice(5, 10) === '12-31' ? year : year - 1;
}
