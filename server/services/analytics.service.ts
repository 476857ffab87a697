import {
  type MetricComparison as Comparison,
  type SemanticAnswer,
  semanticMeasures,
  type SemanticQuery,
  type SemanticRow,
  semanticQuery,
  trend,
  type TrendAnswer,
  type TrendQuery,
  type WarehouseQueries,
  type WarehouseSnapshot as Snapshot,
  yearOverYear,
  type YearOverYearAnswer,
  type YearOverYearQuery,
} from '../../analytics/index.js';
import { METRICS } from '../../schema/metrics/metric-definitions.js';
import { ValidationError, WarehouseNotReadyError } from '../../schema/errors.js';
import { narrowTo, type RegionScope } from '../../schema/region-scope.js';
import type {
  AnalyticsAnswer,
  AnalyticsMeasure,
  AnalyticsRow,
  MetricComparison,
  MetricDefinition,
  Trend,
  WarehouseSnapshot,
  YearOverYear,
} from '../../schema/types/analytics.type.js';
import type { ServiceDeps } from './service-deps.js';

const ZERO = /^-?0+(\.0+)?$/;

/**
 * Dashboard figures from the warehouse, through the metric layer the briefs use
 * (analytics/metrics), so the API and the briefs print the same numbers from the same SQL.
 */
export class AnalyticsService {
  constructor(private readonly deps: ServiceDeps) {}

  metrics(): MetricDefinition[] {
    return [...METRICS.values()].map((m) => ({
      name: m.name,
      unit: m.unit,
      groupings: m.groupings,
      hasYearOverYear: m.yearly,
      hasTrend: m.trend !== null,
      description: m.description,
    }));
  }

  async yearOverYear(query: Omit<YearOverYearQuery, 'regions'> & RegionArg): Promise<YearOverYear> {
    const regions = this.regions(query.region);
    const answer: YearOverYearAnswer = await this.onWarehouse((w) => yearOverYear(w, { ...query, regions }));
    return { ...answer, total: comparison(answer.total), groups: answer.groups.map(comparison), snapshot: snapshot(answer.snapshot) };
  }

  async trend(query: Omit<TrendQuery, 'regions'> & RegionArg): Promise<Trend> {
    const regions = this.regions(query.region);
    const answer: TrendAnswer = await this.onWarehouse((w) => trend(w, { ...query, regions }));
    return { ...answer, snapshot: snapshot(answer.snapshot), sql: [answer.sql] };
  }

  /** The semantic query's measures, with the dimensions each can answer: a dashboard's menus. */
  analyticsMeasures(): AnalyticsMeasure[] {
    return semanticMeasures();
  }

  /**
   * Any measures by the dimensions the data can answer, one or two date ranges, as of any published snapshot
   * (analytics/semantic); answers of the published catalogue are shared by every request until the next publish.
   */
  async analytics(query: Omit<SemanticQuery, 'regions'> & RegionArg): Promise<AnalyticsAnswer> {
    const reader = this.deps.warehouse;
    const regions = this.regions(query.region);
    const answer: SemanticAnswer = await semanticQuery(
      reader ?? { pinned: (work) => this.onWarehouse(work) },
      { ...query, regions },
      this.deps.semantic,
    );
    const hasCompare = answer.compareDateRange !== null;
    const row = (r: SemanticRow): AnalyticsRow => ({
      period: r.period,
      comparePeriod: r.comparePeriod,
      members: r.members,
      values: r.values.map((v) => ({ ...v, isNew: hasCompare && isNew(v.value, v.prior) })),
    });
    return {
      ...answer,
      dateRange: { start: answer.dateRange.from, end: answer.dateRange.to },
      compareDateRange: answer.compareDateRange && { start: answer.compareDateRange.from, end: answer.compareDateRange.to },
      rows: answer.rows.map(row),
      totals: answer.totals.map(row),
      snapshot: snapshot(answer.snapshot),
    };
  }

  /**
   * The regions an answer covers: the region asked about narrowed to the caller's scope (a kecamatan officer's
   * `yearOverYear` is their kecamatan's, whatever region they name above it), else the whole scope.
   */
  private regions(region: string | null | undefined): RegionScope {
    const scope = callerScope(this.deps.user);
    if (region === undefined || region === null) return scope;
    if (!/^\d{2}(\.\d{2}(\.\d{2})?)?$/.test(region)) {
      throw new ValidationError(
        'region',
        `must be a province, regency or kecamatan code (64, 64.02, 64.02.06); got ${JSON.stringify(region)}`,
      );
    }
    return narrowTo(scope, region);
  }

  /**
   * One catalogue per answer. The reader opens it at the first statement, after the input is
   * checked, so bad input is reported as such before the first load too (then WAREHOUSE_NOT_READY).
   */
  private onWarehouse<T>(work: (warehouse: WarehouseQueries) => Promise<T>): Promise<T> {
    const reader = this.deps.warehouse;
    if (!reader)
      return work({
        query: async () => {
          throw new WarehouseNotReadyError();
        },
      });
    return reader.pinned(work);
  }
}

interface RegionArg {
  region?: string | null;
}

/**
 * The caller's regions: every signed-in principal carries the token's scopes (a token without them is refused at
 * sign-in). The warehouse has no row-level security, so this is its one line of defence: a context built without a
 * user covers no region, never the whole country.
 */
function callerScope(user: ServiceDeps['user']): RegionScope {
  return user?.scope ?? { national: false, codes: [] };
}

/** "New" needs something to show: a zero after nothing (a programme with no payment yet) is not new. */
function comparison(c: Comparison): MetricComparison {
  return { ...c, isNew: isNew(c.value, c.prior) };
}

const isNew = (value: string | null, prior: string | null) => value !== null && !ZERO.test(value) && (prior === null || ZERO.test(prior));

function snapshot(s: Snapshot): WarehouseSnapshot {
  return { snapshotDate: s.snapshotDate, etlRunId: s.runId, publishedAt: new Date(s.publishedAt) };
}
