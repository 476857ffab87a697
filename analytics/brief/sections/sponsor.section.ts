import type { MetricComparison } from '../../metrics/metric-queries.js';
import type { BriefScope } from '../brief-files.js';
import { group } from '../figures.js';
import { comparison } from '../named-query.js';
import { NO_VALUE } from '../number-format.js';
import { type BriefSection, type Page, paragraph, type SectionAnswers, uses } from './section.js';

/**
 * The sponsor of a sponsor's brief (`--sponsor CSR-EMP-00001`): its budget in force and its
 * realisation, the two metrics that answer per sponsor. Only a sponsor's brief has this section
 * (its number follows the summary), and only then do its queries run; the other sections stay the
 * whole regency's until the metrics take a sponsor filter, and this section says so.
 */
const queries = {
  allocated: comparison('BUDGET_ALLOCATED', 'SPONSOR'),
  realisation: comparison('BUDGET_REALISATION', 'SPONSOR'),
};
export type SponsorAnswers = SectionAnswers<'sponsor', typeof queries>;

const id = {
  title: 'Sponsor',
  scope: (name: string, code: string) => `Sponsor: ${name} (${code})`,
  budget: (name: string, value: string, full: string, year: number, change: string) =>
    `Anggaran ${name} yang berlaku pada ${year}: ${value} (${full}), ${change}.`,
  noBudget: (name: string, year: number) => `${name} tidak memiliki anggaran yang berlaku pada ${year}.`,
  realisation: (pct: string, year: number, change: string) =>
    `Iuran yang dibayarkannya untuk bulan-bulan ${year} sama dengan ${pct} dari anggaran itu (${change}).`,
  noRealisation: (year: number) => `Realisasinya pada ${year} tidak dapat dihitung.`,
  rows: { figure: 'Angka', budget: 'Anggaran yang berlaku', realisation: 'Realisasi (% anggaran)' },
  rest: (where: string) =>
    `Bagian lain ringkasan ini mencakup seluruh ${where}: metrik pekerja, manfaat dan cakupan belum dapat dirinci per sponsor.`,
};

const en: typeof id = {
  title: 'Sponsor',
  scope: (name, code) => `Sponsor: ${name} (${code})`,
  budget: (name, value, full, year, change) => `${name}'s budget in force in ${year}: ${value} (${full}), ${change}.`,
  noBudget: (name, year) => `${name} has no budget in force in ${year}.`,
  realisation: (pct, year, change) => `The contributions it paid for the months of ${year} came to ${pct} of that budget (${change}).`,
  noRealisation: (year) => `Its realisation in ${year} cannot be computed.`,
  rows: { figure: 'Figure', budget: 'Budget in force', realisation: 'Realisation (% of budget)' },
  rest: (where) =>
    `The other sections of this brief cover the whole of ${where}: the workers, benefits and coverage metrics cannot yet be broken down by sponsor.`,
};

const WORDS = { id, en };

const sponsorOf = (page: Page<SponsorAnswers>) => {
  const code = page.content.scope.sponsor!;
  const allocated = group(page.content.sponsor.allocated, code);
  return { code, name: allocated.label ?? code, allocated, realisation: group(page.content.sponsor.realisation, code) };
};

/** The line under a sponsor's brief's title; empty for the whole regency's brief. */
export function scopeLine(page: Page<Partial<SponsorAnswers>>): string {
  if (!page.content.scope.sponsor || !page.content.sponsor) return '';
  const { code, name } = sponsorOf(page as Page<SponsorAnswers>);
  return WORDS[page.lang].scope(name, code);
}

/** Whether the answers know the sponsor at all (a budget in either year): a sponsor's brief needs that. */
export function knowsSponsor(answers: SponsorAnswers['sponsor'], code: string): boolean {
  const g: MetricComparison = group(answers.allocated, code);
  return g.value !== null || g.prior !== null;
}

export const sponsorSection: BriefSection<'sponsor', typeof queries, SponsorAnswers> = {
  id: 'sponsor',
  title: { id: id.title, en: en.title },
  queries,
  when: (scope: BriefScope) => scope.sponsor !== undefined,
  blocks: (page) => {
    const { fig } = page;
    const { year, compare, sponsor } = page.content;
    const w = WORDS[page.lang];
    const { name, allocated, realisation } = sponsorOf(page);
    return [
      uses(sponsor.allocated, sponsor.realisation),
      paragraph(
        allocated.value === null
          ? w.noBudget(name, year)
          : w.budget(
              name,
              fig.value(allocated.value, 'RUPIAH_SHORT'),
              fig.value(allocated.value, 'RUPIAH'),
              year,
              fig.words(allocated, 'RUPIAH_SHORT'),
            ),
        realisation.value === null
          ? w.noRealisation(year)
          : w.realisation(fig.value(realisation.value, 'PERCENT'), year, fig.words(realisation, 'PERCENT')),
      ),
      {
        kind: 'table',
        caption: `${name}, ${year} / ${compare}`,
        columns: fig.yoyColumns(w.rows.figure),
        rows: [
          [w.rows.budget, ...fig.cells(allocated, 'RUPIAH')],
          [
            w.rows.realisation,
            fig.value(realisation.value, 'PERCENT'),
            fig.value(realisation.prior, 'PERCENT'),
            fig.points(realisation),
            NO_VALUE,
          ],
        ],
      },
      paragraph(w.rest(page.common.place.short)),
    ];
  },
};
