import { monthlyLines } from '../chart-blocks.js';
import { label } from '../common.strings.js';
import { group } from '../figures.js';
import { comparison, monthly } from '../named-query.js';
import { divideRoundHalfUp, whole } from '../number-format.js';
import type { PayoutsAnswers } from './04-payouts.section.js';
import { type BriefSection, type SectionAnswers, uses } from './section.js';

/** 5. Claims paid by programme and by month; the average per claim divides section 4's benefits by these claims. */
const queries = {
  byProgramme: comparison('CLAIMS_PAID', 'PROGRAMME'),
  monthlyCompareYear: monthly('CLAIMS_PAID', 'compare'),
  monthlyThisYear: monthly('CLAIMS_PAID', 'year'),
};
export type ClaimsAnswers = SectionAnswers<'claims', typeof queries>;

const id = {
  title: 'Klaim yang dibayarkan',
  lead: (count: string, year: number, change: string, average: string) =>
    `${count} klaim dibayarkan pada ${year} (${change}), rata-rata ${average} per klaim.`,
  none: (year: number) => `Tidak ada klaim yang dibayarkan pada ${year}.`,
  tableCaption: (y: number, c: number) => `Klaim dibayarkan per program, ${y} dibanding ${c}`,
  trendTitle: (y: number, c: number) => `Klaim dibayarkan per bulan, ${c} dan ${y}`,
  averagePerClaim: (y: number) => `Rata-rata per klaim ${y}`,
};

const en: typeof id = {
  title: 'Claims paid',
  lead: (count, year, change, average) => `${count} claims were paid in ${year} (${change}), ${average} per claim on average.`,
  none: (year) => `No claims were paid in ${year}.`,
  tableCaption: (y, c) => `Claims paid by programme, ${y} against ${c}`,
  trendTitle: (y, c) => `Claims paid per month, ${c} and ${y}`,
  averagePerClaim: (y) => `Average per claim ${y}`,
};

const WORDS = { id, en };

/** Benefits over claims, to the nearest rupiah (the methods appendix states it). */
const average = (benefit: string | null, count: string | null) => {
  if (benefit === null || count === null) return null;
  return divideRoundHalfUp(whole(benefit), whole(count))?.toString() ?? null;
};

export const claimsSection: BriefSection<'claims', typeof queries, ClaimsAnswers & PayoutsAnswers> = {
  id: 'claims',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { fig, common } = page;
    const { year, compare, claims, payouts } = page.content;
    const w = WORDS[page.lang];
    const total = claims.byProgramme.total;
    const averageAll = average(payouts.byProgramme.total.value, total.value);
    return [
      uses(claims.byProgramme, payouts.byProgramme),
      {
        kind: 'paragraph',
        text:
          total.value === null || whole(total.value) === 0n
            ? w.none(year)
            : w.lead(fig.value(total.value, 'COUNT'), year, fig.words(total, 'COUNT'), fig.value(averageAll, 'RUPIAH')),
      },
      {
        kind: 'table',
        caption: w.tableCaption(year, compare),
        columns: [...fig.yoyColumns(common.columns.programme), { label: w.averagePerClaim(year), numeric: true }],
        rows: claims.byProgramme.groups.map((g) => [
          label(common.programme, g.key),
          ...fig.cells(g, 'COUNT'),
          fig.value(average(group(payouts.byProgramme, g.key).value, g.value), 'RUPIAH'),
        ]),
        footer: [common.total, ...fig.cells(total, 'COUNT'), fig.value(averageAll, 'RUPIAH')],
      },
      uses(claims.monthlyCompareYear, claims.monthlyThisYear),
      monthlyLines(
        fig,
        { id: 'chart-claims', title: w.trendTitle(year, compare), description: w.tableCaption(year, compare) },
        claims.monthlyCompareYear,
        claims.monthlyThisYear,
      ),
    ];
  },
};
