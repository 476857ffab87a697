import type { MetricGrouping, MetricName } from '../../schema/metrics/metric-definitions.js';
import type { RegionScope } from '../../schema/region-scope.js';
import {
  trend,
  yearOverYear,
  type TrendAnswer,
  type WarehouseQueries,
  type WarehouseSnapshot,
  type YearOverYearAnswer,
} from '../metrics/metric-queries.js';

/**
 * The named queries a section declares (Evidence-style: beside the prose that reads them) and the
 * log that runs them. A query is a metric, its grouping and which of the brief's two years it reads;
 * the log numbers them Q1, Q2, … in page order and keeps each statement for the methods appendix.
 */

/** A year-over-year comparison of one metric, the brief's year against its comparison year. */
export interface ComparisonQuery {
  kind: 'year-over-year';
  metric: MetricName;
  groupBy: MetricGrouping | null;
}

/** One metric's months, for the brief's year or for its comparison year. */
export interface MonthlyQuery {
  kind: 'trend';
  metric: MetricName;
  of: 'year' | 'compare';
}

export type NamedQuery = ComparisonQuery | MonthlyQuery;
export type NamedQueries = Record<string, NamedQuery>;

export const comparison = (metric: MetricName, groupBy: MetricGrouping | null = null): ComparisonQuery => ({
  kind: 'year-over-year',
  metric,
  groupBy,
});
export const monthly = (metric: MetricName, of: MonthlyQuery['of']): MonthlyQuery => ({ kind: 'trend', metric, of });

/** One query of the methods appendix. `id` ("Q3") is how the page refers to it. */
export interface BriefQuery {
  id: string;
  kind: NamedQuery['kind'];
  metric: MetricName;
  groupBy: MetricGrouping | null;
  /** The region codes the query answered for; null: the whole warehouse. */
  regions: string[] | null;
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

/** What a section's queries answer, under the same names. */
export type Answers<Q extends NamedQueries> = { [K in keyof Q]: Q[K] extends MonthlyQuery ? MonthlyTrend : Comparison };

export interface BriefPeriod {
  year: number;
  compare: number;
}

export class QueryLog {
  readonly queries: BriefQuery[] = [];
  /** The snapshot the first query read: with a pinned warehouse, the one every query read. */
  snapshot: WarehouseSnapshot | null = null;

  constructor(
    private readonly warehouse: WarehouseQueries,
    private readonly period: BriefPeriod,
    /** The regions every query answers for (a region's brief); null: the whole warehouse. */
    private readonly regions: RegionScope | null = null,
  ) {}

  /**
   * Runs one section's queries one after another (the machine the nightly job shares is small); `regions`
   * for these queries only (a province's brief asks the same queries of each regency in turn).
   */
  async run<Q extends NamedQueries>(queries: Q, regions: RegionScope | null = this.regions): Promise<Answers<Q>> {
    const answers: Record<string, Comparison | MonthlyTrend> = {};
    for (const [name, query] of Object.entries(queries)) {
      answers[name] = query.kind === 'trend' ? await this.monthly(query, regions) : await this.compare(query, regions);
    }
    return answers as Answers<Q>;
  }

  private async compare({ metric, groupBy }: ComparisonQuery, regions: RegionScope | null): Promise<Comparison> {
    const answer = await yearOverYear(this.warehouse, { metric, year: this.period.year, compareTo: this.period.compare, groupBy, regions });
    const queryId = this.add({ kind: 'year-over-year', metric, groupBy, regions: answer.regions, sql: answer.sql }, answer.snapshot);
    return { ...answer, queryId };
  }

  private async monthly({ metric, of }: MonthlyQuery, regions: RegionScope | null): Promise<MonthlyTrend> {
    const year = this.period[of];
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const answer = await trend(this.warehouse, { metric, from, to, interval: 'MONTH', regions });
    const queryId = this.add(
      { kind: 'trend', metric, groupBy: null, regions: answer.regions, from, to, sql: [answer.sql] },
      answer.snapshot,
    );
    return { ...answer, queryId };
  }

  private add(query: Omit<BriefQuery, 'id'>, snapshot: WarehouseSnapshot): string {
    const id = `Q${this.queries.length + 1}`;
    this.queries.push({ id, ...query });
    this.snapshot ??= snapshot;
    return id;
  }
}
