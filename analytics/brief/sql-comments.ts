import type { Lang } from './number-format.js';

/**
 * The SQL appendix speaks the brief's language, comments included. The metrics' SQL files
 * (analytics/metrics/) carry their comments in English, the project's language; an Indonesian
 * appendix prints each comment block in Indonesian instead. Only comments change: the statement a
 * reader reruns is the one that ran. A block is keyed by its English text (its lines joined by one
 * space), so editing a comment in a metric file without its translation here leaves that block in
 * English, and test/analytics/brief-appendix.test.ts fails on it.
 */
const ID: Record<string, string> = {
  'benefits_paid (RUPIAH): benefits paid in the year (by paid date) over JKK, JKM, JHT, JP and JKP. groups: TOTAL, PROGRAMME. source: yoy_payouts_by_programme.':
    'benefits_paid (RUPIAH): manfaat yang dibayarkan dalam tahun itu (menurut tanggal bayar) untuk JKK, JKM, JHT, JP dan JKP. rincian: TOTAL, PROGRAMME. sumber: yoy_payouts_by_programme.',
  'budget_allocated (RUPIAH): the budget in force per fiscal year (a REVISED allocation replaces the ORIGINAL). groups: TOTAL, SPONSOR_KIND, SPONSOR. source: yoy_budget_by_sponsor.':
    'budget_allocated (RUPIAH): anggaran yang berlaku per tahun anggaran (alokasi REVISED, anggaran perubahan, menggantikan ORIGINAL, anggaran murni). rincian: TOTAL, SPONSOR_KIND, SPONSOR. sumber: yoy_budget_by_sponsor.',
  "budget_realisation (PERCENT): contributions a budgeted sponsor paid for the year's months, as a share of its allocation in force (one decimal). TOTAL is over every budgeted sponsor. groups: TOTAL, SPONSOR_KIND, SPONSOR. source: yoy_budget_realisation.":
    'budget_realisation (PERCENT): iuran yang dibayarkan sponsor beranggaran untuk bulan-bulan tahun itu, sebagai persentase alokasi yang berlaku (satu desimal). TOTAL mencakup semua sponsor beranggaran. rincian: TOTAL, SPONSOR_KIND, SPONSOR. sumber: yoy_budget_realisation.',
  'claims_paid (COUNT): benefit claims paid in the year (by paid date). groups: TOTAL, PROGRAMME. source: yoy_payouts_by_programme.':
    'claims_paid (COUNT): klaim manfaat yang dibayarkan dalam tahun itu (menurut tanggal bayar). rincian: TOTAL, PROGRAMME. sumber: yoy_payouts_by_programme.',
  'contributions_paid (RUPIAH): contributions paid for the months of the year (by the month they cover). groups: TOTAL, SPONSOR_KIND, PROGRAMME, SECTOR. source: fct_contributions_monthly.':
    'contributions_paid (RUPIAH): iuran yang dibayarkan untuk bulan-bulan tahun itu (menurut bulan yang ditanggung). rincian: TOTAL, SPONSOR_KIND, PROGRAMME, SECTOR. sumber: fct_contributions_monthly.',
  "cost_per_worker (RUPIAH): contributions paid for the year's months per distinct worker protected that year, whole rupiah rounded half up. groups: TOTAL, SPONSOR_KIND. sources: yoy_cost_per_worker; TOTAL from fct_contributions_monthly and fct_enrolment_years, as that mart does.":
    'cost_per_worker (RUPIAH): iuran yang dibayarkan untuk bulan-bulan tahun itu per pekerja terlindungi (tanpa duplikasi) pada tahun itu, dalam rupiah bulat, setengah dibulatkan ke atas. rincian: TOTAL, SPONSOR_KIND. sumber: yoy_cost_per_worker; TOTAL dari fct_contributions_monthly dan fct_enrolment_years, seperti mart itu menghitungnya.',
  'coverage (PERCENT): distinct workers covered during the year as a share of the labour force (one decimal). groups: TOTAL, SECTOR, KECAMATAN (the workforce has no occupation, so there is no coverage by occupation). source: yoy_coverage.':
    'coverage (PERCENT): pekerja terlindungi (tanpa duplikasi) sepanjang tahun sebagai persentase angkatan kerja (satu desimal). rincian: TOTAL, SECTOR, KECAMATAN (data angkatan kerja tidak memuat jenis pekerjaan, sehingga tidak ada cakupan per pekerjaan). sumber: yoy_coverage.',
  'labour_force (COUNT): workers in the labour force (the coverage denominator). groups: TOTAL, SECTOR, KECAMATAN. source: yoy_coverage.':
    'labour_force (COUNT): pekerja dalam angkatan kerja (penyebut cakupan). rincian: TOTAL, SECTOR, KECAMATAN. sumber: yoy_coverage.',
  "vulnerable_benefits_paid (RUPIAH): JKK and JKM benefits paid in the year to non-ASN workers and to informal workers sponsored by the regency or a company's CSR (the article's Rp 5.794.000 for 2022). groups: TOTAL, PROGRAMME. source: fct_claims_paid, dim_programme.":
    'vulnerable_benefits_paid (RUPIAH): manfaat JKK dan JKM yang dibayarkan dalam tahun itu kepada pekerja non-ASN dan pekerja informal yang iurannya dibiayai APBD atau CSR perusahaan (Rp 5.794.000 untuk 2022 dalam berita). rincian: TOTAL, PROGRAMME. sumber: fct_claims_paid, dim_programme.',
  "vulnerable_workers_sponsored (COUNT): distinct informal, non-ASN workers whose membership, paid by the regency's budget or a company's CSR, covered any day of the year (the article's 51,000 for 2023 are the REGENCY_BUDGET group). groups: TOTAL, SPONSOR_KIND. source: fct_enrolment_years.":
    'vulnerable_workers_sponsored (COUNT): pekerja informal bukan ASN (tanpa duplikasi) yang kepesertaannya, dibiayai APBD atau CSR perusahaan, mencakup setidaknya satu hari dalam tahun itu (51.000 pekerja 2023 dalam berita adalah kelompok REGENCY_BUDGET). rincian: TOTAL, SPONSOR_KIND. sumber: fct_enrolment_years.',
  'workers_protected (COUNT): distinct workers with a membership covering any day of the year, whatever its sponsor. Distinct counts: groups need not add up to the total (a worker may have two sponsors). groups: TOTAL, SPONSOR_KIND, SECTOR, KECAMATAN, OCCUPATION. sources: yoy_coverage, yoy_workers_protected.':
    'workers_protected (COUNT): pekerja (tanpa duplikasi) yang kepesertaannya mencakup setidaknya satu hari dalam tahun itu, siapa pun sponsornya. Hitungan tanpa duplikasi: jumlah rincian tidak harus sama dengan total (seorang pekerja bisa memiliki dua sponsor). rincian: TOTAL, SPONSOR_KIND, SECTOR, KECAMATAN, OCCUPATION. sumber: yoy_coverage, yoy_workers_protected.',
  "sector and the non-ASN flag split a sponsor kind's workers without overlap, so their sum is distinct":
    'sektor dan penanda non-ASN membagi pekerja satu jenis sponsor tanpa tumpang tindih, sehingga jumlahnya tetap tanpa duplikasi',
  'active_enrolments (COUNT, a stock): ACTIVE memberships on each snapshot date; a period shows its last. source: fct_enrolment_daily.':
    'active_enrolments (COUNT, stok): kepesertaan berstatus ACTIVE pada setiap tanggal snapshot; satu periode menampilkan nilai terakhirnya. sumber: fct_enrolment_daily.',
  'benefits_paid (RUPIAH, a flow): benefits paid per paid date; a period shows the sum. source: fct_claims_paid.':
    'benefits_paid (RUPIAH, arus): manfaat yang dibayarkan per tanggal bayar; satu periode menampilkan jumlahnya. sumber: fct_claims_paid.',
  'claims_paid (COUNT, a flow): claims paid per paid date; a period shows the sum. source: fct_claims_paid.':
    'claims_paid (COUNT, arus): klaim yang dibayarkan per tanggal bayar; satu periode menampilkan jumlahnya. sumber: fct_claims_paid.',
  'contributions_paid (RUPIAH, a flow): contributions by the month they cover; a period shows the sum. source: fct_contributions_monthly.':
    'contributions_paid (RUPIAH, arus): iuran menurut bulan yang ditanggung; satu periode menampilkan jumlahnya. sumber: fct_contributions_monthly.',
};

const TRANSLATIONS: Record<Lang, Record<string, string> | null> = { id: ID, en: null };

const COMMENT = /^(\s*)-- ?(.*)$/;
const WIDTH = 100;

/** Words into `-- ` lines of at most about WIDTH characters. */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + 3 + line.length + 1 + word.length > WIDTH) {
      lines.push(`${indent}-- ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}-- ${line}`);
  return lines;
}

interface CommentBlock {
  start: number;
  end: number;
  indent: string;
  text: string;
}

/** Runs of consecutive comment lines, each with its text joined by single spaces. */
function commentBlocks(lines: string[]): CommentBlock[] {
  const blocks: CommentBlock[] = [];
  lines.forEach((line, i) => {
    const m = COMMENT.exec(line);
    if (!m) return;
    const last = blocks[blocks.length - 1];
    if (last && last.end === i) {
      last.end = i + 1;
      last.text = `${last.text} ${m[2]}`;
    } else blocks.push({ start: i, end: i + 1, indent: m[1] ?? '', text: m[2] ?? '' });
  });
  return blocks;
}

/** The statement with its comments in `lang`; English is the files' own. */
export function localiseSql(sql: string, lang: Lang): string {
  const dictionary = TRANSLATIONS[lang];
  if (!dictionary) return sql;
  const lines = sql.split('\n');
  const out: string[] = [];
  let next = 0;
  for (const block of commentBlocks(lines)) {
    out.push(...lines.slice(next, block.start));
    const translated = dictionary[block.text];
    out.push(...(translated === undefined ? lines.slice(block.start, block.end) : wrap(translated, block.indent)));
    next = block.end;
  }
  out.push(...lines.slice(next));
  return out.join('\n');
}

/** The comment blocks of `sql` that have no translation into `lang` (none for English). */
export function untranslatedComments(sql: string, lang: Lang): string[] {
  const dictionary = TRANSLATIONS[lang];
  if (!dictionary) return [];
  return commentBlocks(sql.split('\n'))
    .map((b) => b.text)
    .filter((text) => dictionary[text] === undefined);
}
