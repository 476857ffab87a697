import { label } from '../common.strings.js';
import { bySponsorKind, group, MINIMUM_MONTHLY_CONTRIBUTION, MINIMUM_YEARLY_CONTRIBUTION } from '../figures.js';
import { comparison } from '../named-query.js';
import { formatRupiah, whole } from '../number-format.js';
import type { BudgetAnswers } from './02-budget.section.js';
import { regencyPaidWorkers, type WorkersAnswers } from './03-workers.section.js';
import { type BriefSection, type Page, paragraph, type SectionAnswers, uses } from './section.js';

/** 9. Cost per protected worker; the two figures it divides are section 2's contributions paid and section 3's workers by who pays. */
const queries = {
  perWorker: comparison('COST_PER_WORKER', 'SPONSOR_KIND'),
};
export type CostAnswers = SectionAnswers<'cost', typeof queries>;
type Reads = CostAnswers & BudgetAnswers & WorkersAnswers;

const id = {
  title: 'Biaya per pekerja terlindungi',
  lead: (cost: string, year: number, paid: string, workers: string, change: string, split?: string) =>
    `Iuran per pekerja yang dibiayai APBD rata-rata ${cost} pada ${year} (${paid} dibagi ${workers} pekerja${split ? `: ${split}` : ''}), ${change}.`,
  none: (year: number) => `Tidak ada iuran APBD yang dapat dibagi per pekerja pada ${year}.`,
  minimum: (perYear: string, perMonth: string, below: boolean) =>
    `Iuran minimum setahun penuh untuk seorang pekerja rentan adalah ${perYear} (${perMonth} per bulan: JKK Rp\u00a010.000 dan JKM Rp\u00a06.800)` +
    (below ? '; rata-rata lebih rendah bila pekerja hanya terlindungi sebagian tahun atau ada bulan yang iurannya tidak dibayar.' : '.'),
  notComparable:
    'Biaya per pekerja formal (pemberi kerja) mencakup kelima program dan mengikuti upah, sehingga tidak sebanding langsung dengan iuran pekerja rentan.',
  tableCaption: (y: number, c: number) => `Biaya per pekerja terlindungi per sumber iuran, ${y} dibanding ${c}`,
  columns: { contributionsPaid: 'Iuran dibayar', costPerWorker: (y: number) => `Biaya per pekerja ${y}` },
};

const en: typeof id = {
  title: 'Cost per protected worker',
  lead: (cost, year, paid, workers, change, split) =>
    `Contributions per regency-paid worker averaged ${cost} in ${year} (${paid} over ${workers} workers${split ? `: ${split}` : ''}), ${change}.`,
  none: (year) => `No regency contributions to divide per worker in ${year}.`,
  minimum: (perYear, perMonth, below) =>
    `The minimum for a vulnerable worker for a full year is ${perYear} (${perMonth} a month: JKK Rp\u00a010,000 and JKM Rp\u00a06,800)` +
    (below ? '; the average is lower where workers were protected for only part of the year or some months went unpaid.' : '.'),
  notComparable:
    'The cost per formal worker (employers) covers all five programmes and follows wages, so it is not directly comparable with vulnerable workers\u2019 contributions.',
  tableCaption: (y, c) => `Cost per protected worker by who pays, ${y} against ${c}`,
  columns: { contributionsPaid: 'Contributions paid', costPerWorker: (y) => `Cost per worker ${y}` },
};

const WORDS = { id, en };

/** The regency's cost per worker with the two figures it divides. */
export const regencyCost = ({ content }: Page<Reads>) => ({
  cost: group(content.cost.perWorker, 'REGENCY_BUDGET'),
  paid: group(content.budget.paid, 'REGENCY_BUDGET'),
  workers: group(content.workers.bySponsorKind, 'REGENCY_BUDGET'),
});

function costLead(page: Page<Reads>): string {
  const { fig } = page;
  const w = WORDS[page.lang];
  const { cost, paid, workers } = regencyCost(page);
  if (cost.value === null) return w.none(page.content.year);
  return w.lead(
    fig.value(cost.value, 'RUPIAH'),
    page.content.year,
    fig.value(paid.value, 'RUPIAH'),
    fig.value(workers.value, 'COUNT'),
    fig.words(cost, 'RUPIAH'),
    regencyPaidWorkers(page)?.short,
  );
}

function costTable(page: Page<Reads>) {
  const { fig, common } = page;
  const { year, compare, cost, budget, workers } = page.content;
  const w = WORDS[page.lang];
  const total = cost.perWorker.total;
  return {
    kind: 'table' as const,
    caption: w.tableCaption(year, compare),
    columns: [
      { label: common.columns.sponsorKind, numeric: false },
      ...[w.columns.contributionsPaid, common.columns.workersProtected].map((l) => ({ label: l, numeric: true })),
      ...[w.columns.costPerWorker(year), w.columns.costPerWorker(compare), common.changePct].map((l) => ({ label: l, numeric: true })),
    ],
    rows: bySponsorKind(cost.perWorker.groups).map((g) => [
      label(common.sponsorKind, g.key),
      fig.value(group(budget.paid, g.key).value, 'RUPIAH'),
      fig.value(group(workers.bySponsorKind, g.key).value, 'COUNT'),
      fig.value(g.value, 'RUPIAH'),
      fig.value(g.prior, 'RUPIAH'),
      fig.pct(g, 'RUPIAH'),
    ]),
    footer: [
      common.total,
      fig.value(budget.paid.total.value, 'RUPIAH'),
      fig.value(workers.bySponsorKind.total.value, 'COUNT'),
      fig.value(total.value, 'RUPIAH'),
      fig.value(total.prior, 'RUPIAH'),
      fig.pct(total, 'RUPIAH'),
    ],
    note: w.notComparable,
  };
}

export const costSection: BriefSection<'cost', typeof queries, Reads> = {
  id: 'cost',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { cost, budget, workers } = page.content;
    const regency = regencyCost(page).cost;
    const perYear = formatRupiah(MINIMUM_YEARLY_CONTRIBUTION, page.lang);
    const perMonth = formatRupiah(MINIMUM_MONTHLY_CONTRIBUTION, page.lang);
    const below = regency.value !== null && whole(regency.value) < MINIMUM_YEARLY_CONTRIBUTION;
    return [
      uses(cost.perWorker, budget.paid, workers.bySponsorKind),
      paragraph(costLead(page), WORDS[page.lang].minimum(perYear, perMonth, below)),
      costTable(page),
    ];
  },
  summary: (page) => [costLead(page)],
};
