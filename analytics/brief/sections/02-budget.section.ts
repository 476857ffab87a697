import type { Block, TableBlock } from '../brief-document.type.js';
import { groupedBars } from '../chart-blocks.js';
import { label } from '../common.strings.js';
import { bySponsorKind, group, MINIMUM_MONTHLY_CONTRIBUTION, MINIMUM_YEARLY_CONTRIBUTION } from '../figures.js';
import { comparison } from '../named-query.js';
import { formatCount, formatPercent, formatRupiah, whole } from '../number-format.js';
import { type BriefSection, type Page, paragraph, type SectionAnswers, uses } from './section.js';

/** 2. Budget: the allocation in force, what the sponsors paid for the year's months, and the share of the allocation that was (realisation). */
const queries = {
  allocated: comparison('BUDGET_ALLOCATED', 'SPONSOR_KIND'),
  paid: comparison('CONTRIBUTIONS_PAID', 'SPONSOR_KIND'),
  realisation: comparison('BUDGET_REALISATION', 'SPONSOR_KIND'),
};
export type BudgetAnswers = SectionAnswers<'budget', typeof queries>;

const id = {
  title: 'Anggaran dan realisasinya',
  lead: (value: string, full: string, year: number, change: string, government: string) =>
    `${government} mengalokasikan ${value} (${full}) dari APBD ${year} untuk membayar iuran pekerja rentan, ${change}.`,
  none: (year: number) => `Tidak ada anggaran APBD untuk iuran pekerja rentan yang tercatat pada ${year}.`,
  csr: (value: string, change: string) => `Perusahaan menambah ${value} melalui CSR (${change}).`,
  total: (value: string, year: number) => `Seluruh anggaran yang berlaku pada ${year}: ${value}.`,
  tableCaption: (y: number, c: number) => `Anggaran yang berlaku per sumber, ${y} dibanding ${c}`,
  chartTitle: (y: number, c: number) => `Anggaran per sumber, ${c} dan ${y}`,
  realisation: (allocated: string, paid: string, pct: string, year: number, unspent: string) =>
    `Dari ${allocated} anggaran APBD, ${paid} (${pct}) telah dibayarkan sebagai iuran untuk bulan-bulan ${year}; ${unspent} tidak terpakai.`,
  overspent: (allocated: string, paid: string, pct: string, year: number) =>
    `Iuran yang dibayarkan untuk bulan-bulan ${year}, ${paid}, melebihi anggaran APBD ${allocated} (${pct}).`,
  fundable: (unspent: string, workers: string, perYear: string, perMonth: string) =>
    `Dengan iuran minimum ${perMonth} per pekerja per bulan (${perYear} setahun), sisa ${unspent} cukup untuk melindungi sekitar ${workers} pekerja rentan lagi selama setahun penuh.`,
  realisationCaption: (y: number) => `Realisasi anggaran per sumber, ${y} (iuran dibayar dibanding alokasi)`,
  noRealisation: (year: number) => `Tidak ada anggaran yang dapat dibandingkan dengan iuran yang dibayarkan pada ${year}.`,
  columns: { allocated: 'Alokasi', paid: 'Iuran dibayar', unspent: 'Sisa', realisation: (y: number) => `Realisasi ${y}` },
};

const en: typeof id = {
  title: 'Budget and what was spent',
  lead: (value, full, year, change) =>
    `The regency allocated ${value} (${full}) from its ${year} budget (APBD) to pay vulnerable workers\u2019 contributions, ${change}.`,
  none: (year) => `No regency budget for vulnerable workers\u2019 contributions is recorded for ${year}.`,
  csr: (value, change) => `Companies added ${value} through CSR (${change}).`,
  total: (value, year) => `All budgets in force in ${year}: ${value}.`,
  tableCaption: (y, c) => `Budget in force by source, ${y} against ${c}`,
  chartTitle: (y, c) => `Budget by source, ${c} and ${y}`,
  realisation: (allocated, paid, pct, year, unspent) =>
    `Of the ${allocated} regency budget, ${paid} (${pct}) was paid as contributions for the months of ${year}; ${unspent} went unspent.`,
  overspent: (allocated, paid, pct, year) =>
    `Contributions paid for the months of ${year}, ${paid}, exceeded the regency budget of ${allocated} (${pct}).`,
  fundable: (unspent, workers, perYear, perMonth) =>
    `At the minimum contribution of ${perMonth} per worker a month (${perYear} a year), the unspent ${unspent} would protect about ${workers} more vulnerable workers for a full year.`,
  realisationCaption: (y) => `Budget realisation by source, ${y} (contributions paid against the allocation)`,
  noRealisation: (year) => `No budget can be set against the contributions paid in ${year}.`,
  columns: { allocated: 'Allocated', paid: 'Contributions paid', unspent: 'Unspent', realisation: (y) => `Realisation ${y}` },
};

const WORDS = { id, en };

/** The regency's own lines: the figures the headline and the key figures lead with. */
export const regency = ({ content: { budget } }: Page<BudgetAnswers>) => ({
  budget: group(budget.allocated, 'REGENCY_BUDGET'),
  paid: group(budget.paid, 'REGENCY_BUDGET'),
  realisation: group(budget.realisation, 'REGENCY_BUDGET'),
});

const unspent = (allocated: string | null, paid: string | null) =>
  allocated === null ? null : (whole(allocated) - whole(paid ?? '0')).toString();

/** "Pemkab Kukar mengalokasikan Rp 18 miliar …": the brief's first sentence. */
export function budgetLead(page: Page<BudgetAnswers>): string {
  const { fig } = page;
  const w = WORDS[page.lang];
  const { budget } = regency(page);
  if (budget.value === null) return w.none(page.content.year);
  return w.lead(
    fig.value(budget.value, 'RUPIAH_SHORT'),
    fig.value(budget.value, 'RUPIAH'),
    page.content.year,
    fig.words(budget, 'RUPIAH_SHORT'),
    page.common.place.government,
  );
}

/** What the regency paid of its budget, and how many more workers the rest would have protected. */
function realisationSentences(page: Page<BudgetAnswers>): string[] {
  const { fig, lang } = page;
  const { year } = page.content;
  const w = WORDS[lang];
  const { budget, paid, realisation } = regency(page);
  const rest = unspent(budget.value, paid.value);
  if (budget.value === null || realisation.value === null || rest === null) return [w.noRealisation(year)];
  const allocated = fig.value(budget.value, 'RUPIAH_SHORT');
  const paidText = fig.value(paid.value ?? '0', 'RUPIAH_SHORT');
  const pct = formatPercent(realisation.value, lang);
  if (whole(rest) < 0n) return [w.overspent(allocated, paidText, pct, year)];
  const restText = fig.value(rest, 'RUPIAH_SHORT');
  const fundable = whole(rest) / MINIMUM_YEARLY_CONTRIBUTION;
  return [
    w.realisation(allocated, paidText, pct, year, restText),
    ...(fundable > 0n
      ? [
          w.fundable(
            restText,
            formatCount(fundable, lang),
            formatRupiah(MINIMUM_YEARLY_CONTRIBUTION, lang),
            formatRupiah(MINIMUM_MONTHLY_CONTRIBUTION, lang),
          ),
        ]
      : []),
  ];
}

function allocationBlocks(page: Page<BudgetAnswers>): Block[] {
  const { fig, common } = page;
  const { year, compare, budget } = page.content;
  const w = WORDS[page.lang];
  const csr = group(budget.allocated, 'COMPANY_CSR');
  const total = budget.allocated.total;
  const rows = bySponsorKind(budget.allocated.groups).map((g) => ({ label: label(common.sponsorKind, g.key), c: g }));
  return [
    uses(budget.allocated),
    paragraph(
      budgetLead(page),
      csr.value !== null ? w.csr(fig.value(csr.value, 'RUPIAH_SHORT'), fig.words(csr, 'RUPIAH_SHORT')) : '',
      total.value !== null ? w.total(fig.value(total.value, 'RUPIAH'), year) : '',
    ),
    {
      kind: 'table',
      caption: w.tableCaption(year, compare),
      columns: fig.yoyColumns(common.columns.sponsorKind),
      rows: rows.map((r) => [r.label, ...fig.cells(r.c, 'RUPIAH')]),
      footer: [common.total, ...fig.cells(total, 'RUPIAH')],
    },
    groupedBars(
      fig,
      { id: 'chart-budget', title: w.chartTitle(year, compare), description: w.tableCaption(year, compare) },
      rows,
      'RUPIAH_SHORT',
    ),
  ];
}

function realisationTable(page: Page<BudgetAnswers>): TableBlock {
  const { fig, common } = page;
  const { year, compare, budget } = page.content;
  const w = WORDS[page.lang];
  const numeric = (l: string) => ({ label: l, numeric: true });
  return {
    kind: 'table',
    caption: w.realisationCaption(year),
    columns: [
      { label: common.columns.sponsorKind, numeric: false },
      ...[w.columns.allocated, w.columns.paid, w.columns.unspent].map(numeric),
      ...[w.columns.realisation(year), w.columns.realisation(compare), common.changePoints].map(numeric),
    ],
    rows: bySponsorKind(budget.realisation.groups).map((r) => {
      const allocated = group(budget.allocated, r.key).value;
      const paid = group(budget.paid, r.key).value;
      return [
        label(common.sponsorKind, r.key),
        fig.value(allocated, 'RUPIAH_SHORT'),
        fig.value(paid, 'RUPIAH_SHORT'),
        fig.value(unspent(allocated, paid), 'RUPIAH_SHORT'),
        fig.value(r.value, 'PERCENT'),
        fig.value(r.prior, 'PERCENT'),
        fig.points(r),
      ];
    }),
  };
}

export const budgetSection: BriefSection<'budget', typeof queries, BudgetAnswers> = {
  id: 'budget',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { budget } = page.content;
    return [
      ...allocationBlocks(page),
      uses(budget.allocated, budget.paid, budget.realisation),
      paragraph(...realisationSentences(page)),
      realisationTable(page),
    ];
  },
  summary: (page) => [budgetLead(page), realisationSentences(page)[0]!],
};
