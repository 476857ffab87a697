import type { WarehouseSnapshot } from '../../metrics/metric-queries.js';
import type { BriefScope } from '../brief-files.js';
import type { Block } from '../brief-document.type.js';
import type { BriefPlace, CommonStrings } from '../common.strings.js';
import type { Figures } from '../figures.js';
import type { Answers, BriefQuery, Comparison, MonthlyTrend, NamedQueries } from '../named-query.js';
import type { Lang } from '../number-format.js';

/**
 * One numbered section of the brief, in the spirit of an Evidence page: its named queries, then the
 * words (both languages) and blocks that read their answers. Adding a figure to a section touches
 * only its module: the queries it declares run in page order and their answers appear under the
 * section's id in the brief's content (`content.budget.allocated`).
 */

/** What every page knows, whatever its sections asked. */
export interface BriefFacts {
  year: number;
  compare: number;
  /** The one published snapshot every query read. */
  snapshot: WarehouseSnapshot;
  /** The year is still running on the snapshot date: its figures are to that date. */
  partialYear: boolean;
  /** The whole warehouse's brief, a region's, or one sponsor's (brief-files.ts). */
  scope: BriefScope;
  /** The regency a region's brief is about (its name from the region list); null for the whole warehouse's. */
  place: BriefPlace | null;
  queries: BriefQuery[];
}

/** A section's answers under its id: what another section imports to read them. */
export type SectionAnswers<Id extends string, Q extends NamedQueries> = { [K in Id]: Answers<Q> };

/** A page in one language: the content a section reads (`R`), and how it formats figures. */
export interface Page<R> {
  content: BriefFacts & R;
  lang: Lang;
  fig: Figures;
  common: CommonStrings;
}

export interface BriefSection<Id extends string, Q extends NamedQueries, R> {
  id: Id;
  title: Record<Lang, string>;
  /** Run in page order; the answers are `content[id]`. */
  queries: Q;
  /** A section only some briefs have (a sponsor's): without it the section's queries do not run and it is not on the page. */
  when?(scope: BriefScope): boolean;
  blocks(page: Page<R>): Block[];
  /** Its sentences in section 1 (Summary), in page order. */
  summary?(page: Page<R>): string[];
}

export type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Everything a list of sections reads: what a page must hold to compose them all. */
export type ReadsOf<S> = UnionToIntersection<S extends { blocks(page: Page<infer R>): Block[] } ? R : never>;

/** "Kueri Q1, Q2" before the blocks that read them. */
export const uses = (...answers: Array<Comparison | MonthlyTrend>): Block => ({ kind: 'query', ids: answers.map((a) => a.queryId) });

export const paragraph = (...sentences: string[]): Block => ({ kind: 'paragraph', text: sentences.filter(Boolean).join(' ') });
