import { ValidationError } from '../../schema/errors.js';
import type { MetricComparison, WarehouseQueries } from '../metrics/metric-queries.js';
import type { BriefScope } from './brief-files.js';
import { placeOf, warehouseRegencies } from './brief-regions.js';
import type { BriefPlace } from './common.strings.js';
import { group } from './figures.js';
import { type Answers, type BriefPeriod, comparison, QueryLog } from './named-query.js';
import { divideRoundHalfUp, whole } from './number-format.js';
import type { BriefFacts } from './sections/section.js';

/**
 * What a province's comparison brief (`--region 64`) says, before any language or layout: the same six
 * named queries asked of each regency the warehouse holds in the province, then of the province as a
 * whole (its distinct workers counted on their own, never a sum of the regencies'). Every figure on the
 * page is one of these answers or the arithmetic the appendix states (benefits per 1,000 members).
 */
export const PROVINCE_QUERIES = {
  workers: comparison('WORKERS_PROTECTED'),
  budget: comparison('BUDGET_ALLOCATED', 'SPONSOR_KIND'),
  realisation: comparison('BUDGET_REALISATION', 'SPONSOR_KIND'),
  cost: comparison('COST_PER_WORKER', 'SPONSOR_KIND'),
  coverage: comparison('COVERAGE'),
  benefits: comparison('BENEFITS_PAID'),
};
export type RegionAnswers = Answers<typeof PROVINCE_QUERIES>;

export interface RegionLine {
  place: BriefPlace;
  answers: RegionAnswers;
}

export interface ProvinceContent extends BriefFacts {
  kind: 'province';
  province: BriefPlace;
  /** In code order. */
  regencies: RegionLine[];
  /** The province's own answers. */
  whole: RegionLine;
}

/** A region's line of the side-by-side table, as exact decimal strings (null: no figure). */
export interface RegionFigures {
  workers: MetricComparison;
  /** The regency budget (APBD) sponsor kind's lines. */
  budget: MetricComparison;
  realisation: MetricComparison;
  cost: MetricComparison;
  coverage: MetricComparison;
  benefits: MetricComparison;
  /** Benefits paid per 1,000 workers protected, whole rupiah rounded half up; null without workers. */
  benefitsPer1000: string | null;
  benefitsPer1000Prior: string | null;
  /** The line's query ids, first to last. */
  queryIds: string[];
}

const per1000 = (benefits: string | null, workers: string | null): string | null =>
  benefits === null || workers === null ? null : (divideRoundHalfUp(whole(benefits) * 1000n, whole(workers))?.toString() ?? null);

export function regionFigures({ answers }: RegionLine): RegionFigures {
  const workers = answers.workers.total;
  const benefits = answers.benefits.total;
  return {
    workers,
    budget: group(answers.budget, 'REGENCY_BUDGET'),
    realisation: group(answers.realisation, 'REGENCY_BUDGET'),
    cost: group(answers.cost, 'REGENCY_BUDGET'),
    coverage: answers.coverage.total,
    benefits,
    benefitsPer1000: per1000(benefits.value, workers.value),
    benefitsPer1000Prior: per1000(benefits.prior, workers.prior),
    queryIds: Object.values(answers).map((a) => a.queryId),
  };
}

/** Reads every figure of a province's brief on one snapshot (give it a pinned warehouse, as writeBriefs does). */
export async function buildProvinceContent(warehouse: WarehouseQueries, period: BriefPeriod, scope: BriefScope): Promise<ProvinceContent> {
  const province = await placeOf(warehouse, scope.region!, 'PROVINCE');
  const places = await warehouseRegencies(warehouse, province.code);
  if (places.length === 0) throw new ValidationError('region', `the warehouse holds no regency of ${province.name} (${province.code})`);
  const log = new QueryLog(warehouse, period);
  const regencies: RegionLine[] = [];
  for (const place of places) {
    regencies.push({ place, answers: await log.run(PROVINCE_QUERIES, { national: false, codes: [place.code] }) });
  }
  const whole = { place: province, answers: await log.run(PROVINCE_QUERIES, { national: false, codes: [province.code] }) };
  const { year, compare } = period;
  return {
    kind: 'province',
    year,
    compare,
    snapshot: log.snapshot!,
    partialYear: log.snapshot!.snapshotDate < `${year}-12-31`,
    scope,
    place: province,
    queries: log.queries,
    province,
    regencies,
    whole,
  };
}
