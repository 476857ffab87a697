import { monthlyLines, monthsWithData } from '../chart-blocks.js';
import { label } from '../common.strings.js';
import { bySponsorKind, group } from '../figures.js';
import { comparison, type MonthlyTrend, monthly } from '../named-query.js';
import { monthName, whole } from '../number-format.js';
import { type BriefSection, type Page, paragraph, type SectionAnswers, uses } from './section.js';

/** 3. Workers protected: the article's sponsored vulnerable workers, every worker by who pays, and the month-end memberships of both years. */
const queries = {
  vulnerable: comparison('VULNERABLE_WORKERS_SPONSORED', 'SPONSOR_KIND'),
  bySponsorKind: comparison('WORKERS_PROTECTED', 'SPONSOR_KIND'),
  activeCompareYear: monthly('ACTIVE_ENROLMENTS', 'compare'),
  activeThisYear: monthly('ACTIVE_ENROLMENTS', 'year'),
};
export type WorkersAnswers = SectionAnswers<'workers', typeof queries>;

const id = {
  title: 'Pekerja yang dilindungi',
  lead: (value: string, year: number, change: string) =>
    `${value} pekerja rentan (sektor informal, bukan ASN) dilindungi dengan iuran dari APBD pada ${year}, ${change}.`,
  noneSponsored: (year: number) => `Tidak ada pekerja rentan yang iurannya dibiayai APBD pada ${year}.`,
  csr: (value: string, change: string) => `CSR perusahaan membiayai ${value} pekerja rentan lainnya (${change}).`,
  total: (value: string, year: number, change: string, where: string) =>
    `Secara keseluruhan ${value} pekerja di ${where} terlindungi sepanjang ${year}, termasuk pekerja formal yang didaftarkan pemberi kerja dan peserta mandiri (${change}).`,
  tableCaption: (y: number, c: number) => `Pekerja terlindungi per sumber iuran, ${y} dibanding ${c}`,
  distinctNote:
    'Setiap pekerja dihitung sekali per baris. Pekerja yang iurannya berganti sumber dalam setahun muncul di dua baris, sehingga jumlah baris dapat melebihi total.',
  trendTitle: (y: number, c: number) => `Kepesertaan aktif pada akhir bulan, ${c} dan ${y}`,
  trendNote:
    'Angka setahun menghitung setiap pekerja yang terlindungi setidaknya satu hari dalam tahun itu, sehingga lebih besar daripada kepesertaan aktif pada akhir bulan mana pun.',
  regencyPaid: (all: string, vulnerable: string, others: string, year: number) =>
    `Tabel menghitung semua pekerja yang iurannya dibayar APBD pada ${year}, yaitu ${all}: ${vulnerable} pekerja rentan (sektor informal, bukan ASN; angka utama ringkasan ini) ditambah ${others} tenaga non-ASN (honorer) dan pekerja lain di luar sektor informal.`,
  regencyPaidShort: (vulnerable: string, others: string) => `${vulnerable} pekerja rentan + ${others} non-ASN`,
  noSnapshots: (years: string) =>
    `Gudang data belum memiliki snapshot akhir bulan untuk ${years}, sehingga kepesertaan aktif per bulan tidak dapat ditampilkan. Angka tahunan di atas tetap lengkap: dihitung dari riwayat kepesertaan, bukan dari snapshot akhir bulan.`,
  chartEmpty: 'Belum ada snapshot akhir bulan untuk kedua tahun ini (lihat di bawah).',
  startsLater: (years: string, month: string) => `Untuk ${years}, rangkaian snapshot akhir bulan baru dimulai pada ${month}.`,
  fewMonths: (year: number, count: number) => `Untuk ${year}, hanya ${count} dari 12 snapshot akhir bulan tersedia.`,
};

const en: typeof id = {
  title: 'Workers protected',
  lead: (value, year, change) =>
    `${value} vulnerable workers (informal sector, not civil servants) were protected with contributions paid by the regency budget in ${year}, ${change}.`,
  noneSponsored: (year) => `No vulnerable workers had their contributions paid by the regency budget in ${year}.`,
  csr: (value, change) => `Company CSR paid for ${value} more vulnerable workers (${change}).`,
  total: (value, year, change, where) =>
    `In all, ${value} workers in ${where} were protected during ${year}, including formal workers enrolled by their employers and self-paid members (${change}).`,
  tableCaption: (y, c) => `Workers protected by who pays, ${y} against ${c}`,
  distinctNote:
    'Each worker is counted once per row. A worker whose contributions changed payer during the year appears in two rows, so the rows can add up to more than the total.',
  trendTitle: (y, c) => `Active memberships at each month end, ${c} and ${y}`,
  trendNote:
    'The yearly figure counts every worker protected on at least one day of the year, so it is larger than the active memberships at any one month end.',
  regencyPaid: (all, vulnerable, others, year) =>
    `The table counts every worker whose contributions the regency budget paid in ${year}, ${all} in all: the ${vulnerable} vulnerable workers (informal sector, not civil servants; this brief's headline figure) plus ${others} non-ASN (honorary) staff and other workers outside the informal sector.`,
  regencyPaidShort: (vulnerable, others) => `${vulnerable} vulnerable + ${others} non-ASN`,
  noSnapshots: (years) =>
    `The warehouse has no month-end snapshots for ${years} yet, so active memberships by month cannot be shown. The yearly figures above are complete: they come from the membership history, not from month-end snapshots.`,
  chartEmpty: 'No month-end snapshots for either year yet (see below).',
  startsLater: (years, month) => `For ${years}, the month-end snapshots start in ${month}.`,
  fewMonths: (year, count) => `For ${year}, only ${count} of 12 month-end snapshots are available.`,
};

const WORDS = { id, en };

/** The regency-sponsored vulnerable workers: the article's 51,000. */
export const regencyVulnerable = (page: Page<WorkersAnswers>) => group(page.content.workers.vulnerable, 'REGENCY_BUDGET');

export function workersLead(page: Page<WorkersAnswers>): string {
  const w = WORDS[page.lang];
  const vulnerable = regencyVulnerable(page);
  if (vulnerable.value === null) return w.noneSponsored(page.content.year);
  return w.lead(page.fig.value(vulnerable.value, 'COUNT'), page.content.year, page.fig.words(vulnerable, 'COUNT'));
}

/**
 * The headline's vulnerable workers and the table's regency-paid workers differ by the non-ASN staff
 * the regency also pays for: the two figures explained wherever both are printed, or null when
 * they do not differ. `others` is the regency row of WORKERS_PROTECTED minus that of VULNERABLE_WORKERS_SPONSORED.
 */
export function regencyPaidWorkers(page: Page<WorkersAnswers>): { sentence: string; short: string } | null {
  const all = group(page.content.workers.bySponsorKind, 'REGENCY_BUDGET').value;
  const vulnerable = regencyVulnerable(page).value;
  if (all === null || vulnerable === null || whole(all) <= whole(vulnerable)) return null;
  const w = WORDS[page.lang];
  const count = (v: string | bigint) => page.fig.value(String(v), 'COUNT');
  const others = count(whole(all) - whole(vulnerable));
  return {
    sentence: w.regencyPaid(count(all), count(vulnerable), others, page.content.year),
    short: w.regencyPaidShort(count(vulnerable), others),
  };
}

/** A plain statement of the month ends the warehouse lacks (the series starts later, or not at all), or ''. */
function missingMonthEnds(page: Page<WorkersAnswers>, years: Array<[number, MonthlyTrend]>): string {
  const w = WORDS[page.lang];
  const list = page.common.list;
  const empty = years.filter(([, t]) => monthsWithData(t).length === 0).map(([y]) => String(y));
  // years whose series starts in the same month read as one sentence ("Untuk 2022 dan 2023, … Desember")
  const startsIn = new Map<number, string[]>();
  const few: string[] = [];
  for (const [year, t] of years) {
    const months = monthsWithData(t);
    if (months.length === 0 || months.length === 12) continue;
    if (months[0]! > 1) startsIn.set(months[0]!, [...(startsIn.get(months[0]!) ?? []), String(year)]);
    else few.push(w.fewMonths(year, months.length));
  }
  const later = [...startsIn].map(([month, ys]) => w.startsLater(list(ys), monthName(month, page.lang)));
  return [empty.length ? w.noSnapshots(list(empty)) : '', ...later, ...few].filter(Boolean).join(' ');
}

export const workersSection: BriefSection<'workers', typeof queries, WorkersAnswers> = {
  id: 'workers',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { fig, common } = page;
    const { year, compare, workers } = page.content;
    const w = WORDS[page.lang];
    const csr = group(workers.vulnerable, 'COMPANY_CSR');
    const total = workers.bySponsorKind.total;
    const missing = missingMonthEnds(page, [
      [compare, workers.activeCompareYear],
      [year, workers.activeThisYear],
    ]);
    return [
      uses(workers.vulnerable, workers.bySponsorKind),
      paragraph(
        workersLead(page),
        csr.value !== null ? w.csr(fig.value(csr.value, 'COUNT'), fig.words(csr, 'COUNT')) : '',
        total.value !== null ? w.total(fig.value(total.value, 'COUNT'), year, fig.words(total, 'COUNT'), page.common.place.short) : '',
      ),
      {
        kind: 'table',
        caption: w.tableCaption(year, compare),
        columns: fig.yoyColumns(common.columns.sponsorKind),
        rows: bySponsorKind(workers.bySponsorKind.groups).map((g) => [label(common.sponsorKind, g.key), ...fig.cells(g, 'COUNT')]),
        footer: [common.total, ...fig.cells(total, 'COUNT')],
        note: [regencyPaidWorkers(page)?.sentence, w.distinctNote].filter(Boolean).join(' '),
      },
      uses(workers.activeCompareYear, workers.activeThisYear),
      monthlyLines(
        fig,
        { id: 'chart-active', title: w.trendTitle(year, compare), description: w.trendNote },
        workers.activeCompareYear,
        workers.activeThisYear,
        w.chartEmpty,
      ),
      paragraph(missing, w.trendNote),
    ];
  },
  summary: (page) => [workersLead(page)],
};
