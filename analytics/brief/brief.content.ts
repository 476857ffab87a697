import type { WarehouseQueries } from '../metrics/metric-queries.js';
import type { BriefScope } from './brief-files.js';
import { placeOf } from './brief-regions.js';
import { BRIEF_SECTIONS } from './brief.sections.js';
import { type BriefPeriod, type NamedQueries, QueryLog } from './named-query.js';
import type { BriefFacts, SectionAnswers, UnionToIntersection } from './sections/section.js';

export type { BriefPeriod, BriefQuery, Comparison, MonthlyTrend } from './named-query.js';

/**
 * What a brief says, before any language or layout: every section's named queries and their
 * answers (exact decimal strings), under the section's id. Every figure on a rendered page is one of
 * these answers, or arithmetic on them that the methods appendix states, and each query keeps the SQL
 * that produced it, so the API (which answers from the same metric functions) and the brief cannot
 * disagree. Built once; the Indonesian and English briefs render the same object.
 */

type AnswersOf<S> = S extends { id: infer Id extends string; queries: infer Q extends NamedQueries }
  ? [keyof Q] extends [never]
    ? Record<never, never>
    : SectionAnswers<Id, Q>
  : never;

/** The facts of the page and each section's answers: `content.budget.allocated`, `content.cost.perWorker`, … */
export type BriefContent = BriefFacts & UnionToIntersection<AnswersOf<(typeof BRIEF_SECTIONS)[number]>>;

/**
 * Reads every figure of the brief, section by section in page order. Give it a warehouse pinned to
 * one catalogue (`WarehouseReader.pinned`), as `writeBriefs` does, so that no page mixes two snapshots.
 */
export async function buildBriefContent(warehouse: WarehouseQueries, period: BriefPeriod, scope: BriefScope = {}): Promise<BriefContent> {
  // A regency's brief: every query answers for that regency, and the cover names it as the region list does.
  const place = scope.region ? await placeOf(warehouse, scope.region, 'REGENCY') : null;
  const log = new QueryLog(warehouse, period, place ? { national: false, codes: [place.code] } : null);
  const answers: Record<string, unknown> = {};
  const sections: ReadonlyArray<{ id: string; queries: NamedQueries; when?(scope: BriefScope): boolean }> = BRIEF_SECTIONS;
  for (const section of sections) {
    if (Object.keys(section.queries).length > 0 && (section.when?.(scope) ?? true)) answers[section.id] = await log.run(section.queries);
  }
  if (!log.snapshot) throw new Error('a brief reads at least one query');
  const { year, compare } = period;
  const facts: BriefFacts = {
    year,
    compare,
    snapshot: log.snapshot,
    partialYear: log.snapshot.snapshotDate < `${year}-12-31`,
    scope,
    place,
    queries: log.queries,
  };
  return { ...facts, ...answers } as BriefContent;
}

/** The last calendar year that is complete on the snapshot date: the default brief year. */
export function lastCompleteYear(snapshotDate: string): number {
  const year = Number(snapshotDate.slice(0, 4));
  return snapshotDate.slice(5, 10) === '12-31' ? year : year - 1;
}
