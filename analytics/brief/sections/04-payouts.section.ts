import { groupedBars } from '../chart-blocks.js';
import { label } from '../common.strings.js';
import { comparison } from '../named-query.js';
import { whole } from '../number-format.js';
import { type BriefSection, type Page, paragraph, type SectionAnswers, uses } from './section.js';

/** 4. Benefits paid by programme, and the part paid to non-ASN and sponsored vulnerable workers. */
const queries = {
  byProgramme: comparison('BENEFITS_PAID', 'PROGRAMME'),
  vulnerable: comparison('VULNERABLE_BENEFITS_PAID', 'PROGRAMME'),
};
export type PayoutsAnswers = SectionAnswers<'payouts', typeof queries>;

const id = {
  title: 'Manfaat yang dibayarkan per program',
  lead: (full: string, short: string, year: number, change: string, where: string) =>
    `BPJS Ketenagakerjaan membayarkan manfaat ${full} (${short}) kepada peserta di ${where} pada ${year}, ${change}.`,
  none: (year: number) => `Tidak ada manfaat yang dibayarkan pada ${year}.`,
  largest: (programme: string, value: string) => `Pembayaran terbesar berasal dari ${programme}: ${value}.`,
  vulnerable: (value: string, change: string) =>
    `Dari jumlah itu, ${value} adalah manfaat JKK dan JKM bagi pekerja non-ASN dan pekerja rentan yang iurannya dibiayai APBD atau CSR (${change}).`,
  noVulnerable: (year: number) => `Tidak ada manfaat JKK atau JKM yang dibayarkan kepada pekerja non-ASN dan pekerja rentan pada ${year}.`,
  tableCaption: (y: number, c: number) => `Manfaat dibayarkan per program, ${y} dibanding ${c}`,
  chartTitle: (y: number, c: number) => `Manfaat dibayarkan per program, ${c} dan ${y}`,
  vulnerableCaption: (y: number, c: number) => `JKK dan JKM bagi pekerja non-ASN dan pekerja rentan, ${y} dibanding ${c}`,
};

const en: typeof id = {
  title: 'Benefits paid by programme',
  lead: (full, short, year, change, where) =>
    `BPJS Ketenagakerjaan paid ${full} (${short}) in benefits to members in ${where} in ${year}, ${change}.`,
  none: (year) => `No benefits were paid in ${year}.`,
  largest: (programme, value) => `The largest payments were from ${programme}: ${value}.`,
  vulnerable: (value, change) =>
    `Of this, ${value} was JKK and JKM benefits to non-civil-servant public workers (non-ASN) and to vulnerable workers paid for by the regency or CSR (${change}).`,
  noVulnerable: (year) => `No JKK or JKM benefits were paid to non-ASN or vulnerable workers in ${year}.`,
  tableCaption: (y, c) => `Benefits paid by programme, ${y} against ${c}`,
  chartTitle: (y, c) => `Benefits paid by programme, ${c} and ${y}`,
  vulnerableCaption: (y, c) => `JKK and JKM to non-ASN and vulnerable workers, ${y} against ${c}`,
};

const WORDS = { id, en };

/** "BPJS Ketenagakerjaan membayarkan manfaat Rp …": the benefits sentence of the summary and this section. */
function benefitsSentence(page: Page<PayoutsAnswers>): string {
  const { fig } = page;
  const benefits = page.content.payouts.byProgramme.total;
  const w = WORDS[page.lang];
  if (benefits.value === null) return w.none(page.content.year);
  return w.lead(
    fig.value(benefits.value, 'RUPIAH'),
    fig.value(benefits.value, 'RUPIAH_SHORT'),
    page.content.year,
    fig.words(benefits, 'RUPIAH_SHORT'),
    page.common.place.short,
  );
}

/** The benefits sentence, and which programme paid most. */
function leadSentences(page: Page<PayoutsAnswers>): string[] {
  const { byProgramme } = page.content.payouts;
  const largest = byProgramme.groups[0];
  const w = WORDS[page.lang];
  if (byProgramme.total.value === null || !largest?.value || whole(largest.value) <= 0n) return [benefitsSentence(page)];
  return [benefitsSentence(page), w.largest(label(page.common.programme, largest.key), page.fig.value(largest.value, 'RUPIAH_SHORT'))];
}

export const payoutsSection: BriefSection<'payouts', typeof queries, PayoutsAnswers> = {
  id: 'payouts',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { fig, common } = page;
    const { year, compare, payouts } = page.content;
    const w = WORDS[page.lang];
    const benefits = payouts.byProgramme.total;
    const vulnerable = payouts.vulnerable.total;
    const rows = payouts.byProgramme.groups.map((g) => ({ label: label(common.programme, g.key), c: g }));
    return [
      uses(payouts.byProgramme),
      paragraph(...leadSentences(page)),
      {
        kind: 'table',
        caption: w.tableCaption(year, compare),
        columns: fig.yoyColumns(common.columns.programme),
        rows: rows.map((r) => [r.label, ...fig.cells(r.c, 'RUPIAH')]),
        footer: [common.total, ...fig.cells(benefits, 'RUPIAH')],
      },
      groupedBars(
        fig,
        { id: 'chart-payouts', title: w.chartTitle(year, compare), description: w.tableCaption(year, compare) },
        rows,
        'RUPIAH_SHORT',
      ),
      uses(payouts.vulnerable),
      {
        kind: 'paragraph',
        text:
          vulnerable.value === null
            ? w.noVulnerable(year)
            : w.vulnerable(fig.value(vulnerable.value, 'RUPIAH'), fig.words(vulnerable, 'RUPIAH_SHORT')),
      },
      {
        kind: 'table',
        caption: w.vulnerableCaption(year, compare),
        columns: fig.yoyColumns(common.columns.programme),
        rows: payouts.vulnerable.groups.map((g) => [label(common.programme, g.key), ...fig.cells(g, 'RUPIAH')]),
        footer: [common.total, ...fig.cells(vulnerable, 'RUPIAH')],
      },
    ];
  },
  summary: (page) => [benefitsSentence(page)],
};
