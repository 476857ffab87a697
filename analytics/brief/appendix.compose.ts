import type { MetricGrouping, MetricName } from '../../schema/metrics/metric-definitions.js';
import type { Appendix } from './brief-document.type.js';
import { type Methods, methodsOf } from './brief.methods.js';
import type { BudgetAnswers } from './sections/02-budget.section.js';
import type { PayoutsAnswers } from './sections/04-payouts.section.js';
import type { ClaimsAnswers } from './sections/05-claims.section.js';
import type { CoverageAnswers } from './sections/06-coverage.section.js';
import type { WorkersAnswers } from './sections/03-workers.section.js';
import type { Page } from './sections/section.js';
import { measureSql } from '../semantic/measure-catalogue.js';
import { localiseSql } from './sql-comments.js';

/**
 * Appendix A, methods: the figures the sections derive (with the queries they derive from), every
 * query with its metric, grouping and years, the statement templates, each metric's SQL and every
 * statement as it ran (brief.methods.ts decides which of these print).
 */

type Reads = BudgetAnswers & WorkersAnswers & PayoutsAnswers & ClaimsAnswers & CoverageAnswers;
type DerivedFrom = {
  allocated: string;
  paid: string;
  benefits: string;
  claims: string;
  coverage: string;
  workers: string;
  vulnerable: string;
};

const id = {
  title: 'Lampiran A. Metode: SQL di balik setiap angka',
  pointer:
    'Lampiran A (angka turunan, daftar kueri dan SQL setiap angka, dengan komentar dalam bahasa Indonesia) ada di berkas terpisah di folder yang sama, agar ringkasan ini tetap singkat. Setiap nomor kueri (Q1, Q2, …) di halaman ini menaut ke kuerinya di sana:',
  backToBrief: 'Kembali ke ringkasan:',
  trend: 'tren',
  intro:
    'Setiap angka dalam ringkasan ini berasal dari metrik bernama di bawah. Kueri yang sama menjawab kolom analitik di API GraphQL, sehingga ringkasan dan API tidak dapat berbeda.',
  rerun: 'Setiap pernyataan dapat dijalankan ulang dengan npm run sql -- -c "<SQL>".',
  derivedTitle: 'Angka turunan',
  derived: (q: DerivedFrom) => [
    `Sisa anggaran = alokasi (${q.allocated}) dikurangi iuran dibayar (${q.paid}), per sumber iuran.`,
    'Pekerja yang dapat dibiayai dari sisa = sisa dibagi Rp\u00a0201.600 (iuran minimum JKK dan JKM setahun), dibulatkan ke bawah.',
    `Rata-rata per klaim = manfaat dibayarkan (${q.benefits}) dibagi klaim dibayarkan (${q.claims}), dibulatkan ke rupiah terdekat.`,
    `Kesenjangan formal–informal = cakupan formal dikurangi cakupan informal (${q.coverage}).`,
    `Pekerja dibayar APBD di luar pekerja rentan (tenaga non-ASN dan lainnya) = pekerja terlindungi yang iurannya dibayar APBD (${q.workers}) dikurangi pekerja rentan yang dibiayai APBD (${q.vulnerable}).`,
  ],
  indexTitle: 'A.1 Daftar kueri',
  indexColumns: ['Kueri', 'Metrik', 'Rincian', 'Periode', 'Pola'],
  templatesTitle: 'A.2 Pola pernyataan',
  templatesText:
    'Setiap kueri menjalankan salah satu pola ini: satu pernyataan lapisan semantik (analytics/semantic), yang juga menjawab kueri analytics di API. Perbandingan tahunan dijalankan dua kali, untuk jumlah lalu untuk rincian kueri; <measure> diganti nama metrik, <aggregate> agregatnya (A.3), <year> dan <compare> tahun ringkasan dan tahun pembanding. Tren bulanan: <year> adalah tahun trennya.',
  metricsTitle: 'A.3 Definisi metrik',
  source: 'sumber',
  metricsText:
    'Agregat setiap metrik di atas mart gudang data (analytics/semantic/semantic-model.ts), per periode dan rincian, seperti yang disisipkan ke pola.',
  statementsTitle: 'A.4 Pernyataan lengkap',
  statementsText: 'Setiap pernyataan persis seperti yang dijalankan; hanya komentar SQL-nya yang diterjemahkan ke bahasa Indonesia.',
  grouping: {
    SPONSOR_KIND: 'per jenis sponsor',
    SPONSOR: 'per sponsor',
    PROGRAMME: 'per program',
    SECTOR: 'per sektor',
    KECAMATAN: 'per kecamatan',
    OCCUPATION: 'per pekerjaan',
  } satisfies Record<MetricGrouping, string>,
  yearOverYear: (y: number, c: number) => `${y} dibanding ${c}`,
  monthly: (y: number) => `per bulan, ${y}`,
  metric: {
    BUDGET_ALLOCATED: 'Anggaran yang berlaku per tahun anggaran (anggaran perubahan menggantikan anggaran murni).',
    CONTRIBUTIONS_PAID: 'Iuran yang dibayarkan, dihitung pada tahun (atau bulan) yang ditanggungnya.',
    BUDGET_REALISATION: 'Iuran yang dibayarkan sponsor beranggaran untuk tahun itu, sebagai persentase anggaran yang berlaku.',
    BENEFITS_PAID: 'Manfaat yang dibayarkan (JKK, JKM, JHT, JP, JKP), menurut tanggal pembayaran.',
    CLAIMS_PAID: 'Klaim manfaat yang dibayarkan, menurut tanggal pembayaran.',
    VULNERABLE_BENEFITS_PAID: 'Manfaat JKK dan JKM bagi pekerja non-ASN dan pekerja informal yang iurannya dibiayai APBD atau CSR.',
    WORKERS_PROTECTED: 'Pekerja (tanpa duplikasi) yang kepesertaannya mencakup setidaknya satu hari dalam tahun itu.',
    VULNERABLE_WORKERS_SPONSORED: 'Pekerja informal bukan ASN (tanpa duplikasi) yang iurannya dibiayai APBD atau CSR selama tahun itu.',
    COVERAGE: 'Pekerja terlindungi sepanjang tahun sebagai persentase angkatan kerja.',
    LABOUR_FORCE: 'Angkatan kerja (penyebut cakupan).',
    COST_PER_WORKER: 'Iuran yang dibayarkan untuk tahun itu dibagi pekerja terlindungi pada tahun itu, dibulatkan.',
    ACTIVE_ENROLMENTS: 'Kepesertaan berstatus aktif pada tanggal snapshot; per bulan: snapshot terakhir bulan itu.',
  } satisfies Record<MetricName, string>,
};

const en: typeof id = {
  title: 'Appendix A. Methods: the SQL behind every figure',
  pointer:
    'Appendix A (derived figures, the list of queries and the SQL behind every figure) is a separate file in the same folder, so that this brief stays short. Each query number (Q1, Q2, …) on this page links to its query there:',
  backToBrief: 'Back to the brief:',
  trend: 'trend',
  intro:
    'Every figure in this brief comes from one of the named metrics below. The same queries answer the analytics fields of the GraphQL API, so the brief and the API cannot disagree.',
  rerun: 'Any statement runs again with npm run sql -- -c "<SQL>".',
  derivedTitle: 'Derived figures',
  derived: (q) => [
    `Unspent budget = allocation (${q.allocated}) minus contributions paid (${q.paid}), per payer.`,
    'Workers the unspent budget could protect = unspent divided by Rp\u00a0201,600 (the minimum JKK and JKM contributions for a year), rounded down.',
    `Average per claim = benefits paid (${q.benefits}) divided by claims paid (${q.claims}), to the nearest rupiah.`,
    `Formal–informal gap = formal coverage minus informal coverage (${q.coverage}).`,
    `Regency-paid workers other than vulnerable workers (non-ASN staff and others) = workers protected paid for by the regency budget (${q.workers}) minus vulnerable workers sponsored by the regency (${q.vulnerable}).`,
  ],
  indexTitle: 'A.1 Queries',
  indexColumns: ['Query', 'Metric', 'Breakdown', 'Period', 'Template'],
  templatesTitle: 'A.2 Statement templates',
  templatesText:
    "Every query runs one of these templates: one statement of the semantic layer (analytics/semantic), which also answers the API's analytics query. A year-over-year comparison runs twice, for the total and then for the query's breakdown; <measure> is replaced by the metric's name, <aggregate> by its aggregate (A.3), <year> and <compare> by the brief's year and the comparison year. Monthly trends: <year> is the trend's year.",
  metricsTitle: 'A.3 Metric definitions',
  source: 'source',
  metricsText:
    "Each metric's aggregate over the warehouse marts (analytics/semantic/semantic-model.ts), per period and breakdown, as it is put into the templates.",
  statementsTitle: 'A.4 Full statements',
  statementsText: 'Each statement exactly as it ran.',
  grouping: {
    SPONSOR_KIND: 'by sponsor kind',
    SPONSOR: 'by sponsor',
    PROGRAMME: 'by programme',
    SECTOR: 'by sector',
    KECAMATAN: 'by kecamatan',
    OCCUPATION: 'by occupation',
  },
  yearOverYear: (y, c) => `${y} against ${c}`,
  monthly: (y) => `monthly, ${y}`,
  metric: {
    BUDGET_ALLOCATED: 'Budget in force per fiscal year (a revised allocation replaces the original).',
    CONTRIBUTIONS_PAID: 'Contributions paid, counted in the year (or month) they cover.',
    BUDGET_REALISATION: 'Contributions a budgeted sponsor paid for the year, as a share of its budget in force.',
    BENEFITS_PAID: 'Benefits paid (JKK, JKM, JHT, JP, JKP), by paid date.',
    CLAIMS_PAID: 'Benefit claims paid, by paid date.',
    VULNERABLE_BENEFITS_PAID: 'JKK and JKM benefits paid to non-ASN workers and to informal workers sponsored by the regency or CSR.',
    WORKERS_PROTECTED: 'Distinct workers with a membership covering any day of the year.',
    VULNERABLE_WORKERS_SPONSORED: 'Distinct informal, non-ASN workers covered during the year by the regency budget or a company CSR.',
    COVERAGE: 'Workers covered during the year as a share of the labour force.',
    LABOUR_FORCE: 'Workers in the labour force (the coverage denominator).',
    COST_PER_WORKER: 'Contributions paid for the year per distinct worker protected that year, rounded half up.',
    ACTIVE_ENROLMENTS: 'ACTIVE memberships on a snapshot date; monthly: the month\u2019s last snapshot.',
  },
};

const WORDS = { id, en };

/** The appendix's words in one language: what another brief's appendix (a province's) shares with this one. */
export const appendixWords = (lang: keyof typeof WORDS) => WORDS[lang];

function index(methods: Methods, w: typeof id): Appendix['index'] {
  return {
    kind: 'table',
    caption: w.indexTitle,
    columns: w.indexColumns.map((l) => ({ label: l, numeric: false })),
    rows: methods.queries.map((m) => [m.id, m.metric, m.groupBy ?? '–', m.period, m.template ?? '–']),
    ids: methods.queries.map((m) => m.id),
  };
}

function statements(page: Page<Reads>, methods: Methods, w: typeof id): Appendix['statements'] {
  const { year, compare, queries } = page.content;
  const period = (from: string | undefined) => (from === undefined ? w.yearOverYear(year, compare) : w.monthly(Number(from.slice(0, 4))));
  return {
    title: w.statementsTitle,
    text: w.statementsText,
    print: methods.templates.length === 0,
    items: queries.map((query) => ({
      id: query.id,
      title: `${query.metric}${query.groupBy ? ` ${w.grouping[query.groupBy]}` : ''}, ${period(query.kind === 'trend' ? query.from! : undefined)}`,
      description: w.metric[query.metric],
      sql: query.sql.map((sql) => localiseSql(sql, page.lang)),
    })),
  };
}

export function appendix(page: Page<Reads>): Appendix {
  const { content } = page;
  const w = WORDS[page.lang];
  const methods = methodsOf(content);
  return {
    title: w.title,
    pointer: w.pointer,
    backToBrief: w.backToBrief,
    intro: w.intro,
    rerun: w.rerun,
    derivedTitle: w.derivedTitle,
    derived: w.derived({
      allocated: content.budget.allocated.queryId,
      paid: content.budget.paid.queryId,
      benefits: content.payouts.byProgramme.queryId,
      claims: content.claims.byProgramme.queryId,
      coverage: content.coverage.rate.queryId,
      workers: content.workers.bySponsorKind.queryId,
      vulnerable: content.workers.vulnerable.queryId,
    }),
    index: index(methods, w),
    templates: {
      title: w.templatesTitle,
      text: w.templatesText,
      items: methods.templates.map((t) => ({ id: t.id, sql: localiseSql(t.sql, page.lang) })),
    },
    metrics: {
      title: w.metricsTitle,
      text: w.metricsText,
      items: methods.metrics.map((m) => ({
        title: m.metric,
        description: w.metric[m.metric],
        sql: localiseSql(measureSql(m.metric, { description: w.metric[m.metric], source: w.source }), page.lang),
      })),
    },
    statements: statements(page, methods, w),
  };
}
