import type { NamedQueries } from '../named-query.js';
import type { BriefSection } from './section.js';

/** 1. Summary: one sentence per theme, each written by the section it sums up (their `summary`), in page order. */

export function summarySection<R>(
  body: ReadonlyArray<BriefSection<string, NamedQueries, R>>,
): BriefSection<'summary', Record<never, never>, R> {
  return {
    id: 'summary',
    title: { id: 'Ringkasan', en: 'Summary' },
    queries: {},
    blocks: (page) => [{ kind: 'bullets', items: body.flatMap((section) => section.summary?.(page) ?? []) }],
  };
}
