import { appendix } from './appendix.compose.js';
import { appendixFileName, briefFileName } from './brief-files.js';
import type { BriefContent } from './brief.content.js';
import type { BriefDocument } from './brief-document.type.js';
import { BRIEF_SECTIONS } from './brief.sections.js';
import { commonFor } from './common.strings.js';
import { Figures } from './figures.js';
import { headline, keyFigures } from './headline.compose.js';
import type { NamedQueries } from './named-query.js';
import type { BriefScope } from './brief-files.js';
import type { CommonStrings } from './common.strings.js';
import { formatDate, type Lang } from './number-format.js';
import { scopeLine } from './sections/sponsor.section.js';
import type { BriefSection, Page } from './sections/section.js';

/**
 * A brief in one language: the cover, the headline and key figures, each numbered section's
 * blocks (sections/, in the order brief.sections.ts lists them) and the methods appendix.
 */
export function composeBrief(content: BriefContent, lang: Lang): BriefDocument {
  const common = commonFor(lang, content.place);
  const page: Page<BriefContent> = { content, lang, fig: new Figures(content, lang), common };
  const sections: ReadonlyArray<BriefSection<string, NamedQueries, BriefContent>> = BRIEF_SECTIONS;
  const { year, compare, scope } = content;
  return {
    ...documentFrame({ year, compare, scope, snapshotDate: content.snapshot.snapshotDate }, lang, common),
    scope: scopeLine(page),
    kicker: common.kicker,
    title: common.title(year, compare),
    subtitle: common.subtitle,
    preparedFor: common.preparedFor,
    headline: headline(page),
    keyFigures: keyFigures(page),
    sections: sections
      .filter((s) => s.when?.(scope) ?? true)
      .map((s, i) => ({ number: i + 1, id: s.id, title: s.title[lang], blocks: s.blocks(page) })),
    appendix: appendix(page),
  };
}

/**
 * What every brief document (a regency's, a province's) has in the same form: its language and years, its
 * files' names, the date its data is as of and the words the renderers print around the content.
 */
export function documentFrame(
  brief: { year: number; compare: number; scope: BriefScope; snapshotDate: string },
  lang: Lang,
  common: CommonStrings,
): Pick<BriefDocument, 'lang' | 'year' | 'compare' | 'files' | 'dataAsOf' | 'words'> {
  const { year, compare, scope } = brief;
  return {
    lang,
    year,
    compare,
    files: {
      brief: { html: briefFileName(year, compare, lang, 'html', scope), md: briefFileName(year, compare, lang, 'md', scope) },
      appendix: { html: appendixFileName(year, compare, lang, 'html', scope), md: appendixFileName(year, compare, lang, 'md', scope) },
    },
    dataAsOf: common.dataAsOf(formatDate(brief.snapshotDate, lang)),
    words: {
      contents: common.contents,
      query: common.query,
      queries: common.queries,
      seeAppendix: common.seeAppendix,
      noData: common.noData,
    },
  };
}
