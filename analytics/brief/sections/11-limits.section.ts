import { yearState } from './10-freshness.section.js';
import type { BriefSection } from './section.js';
import { formatCount, TINY_BASE_PCT } from '../number-format.js';

const TINY = formatCount(BigInt(TINY_BASE_PCT), 'id');
const TINY_EN = formatCount(BigInt(TINY_BASE_PCT), 'en');

/** 11. Notes and limits: how workers are counted, the denominators, the dates used, what "new" means. */

const id = {
  title: 'Catatan dan keterbatasan',
  limits: [
    'Pekerja "terlindungi" dalam suatu tahun adalah pekerja yang kepesertaannya mencakup setidaknya satu hari dalam tahun itu, apa pun statusnya sekarang.',
    'Pekerja dihitung tanpa duplikasi. Pekerja yang berganti sumber iuran dalam setahun dihitung pada kedua sumber, sehingga jumlah per sumber iuran dapat melebihi total.',
    'Cakupan membagi pekerja terlindungi dengan angkatan kerja menurut statistik ketenagakerjaan per kecamatan dan sektor. Kecamatan pekerja adalah alamat yang tercatat, yang bisa berbeda dari tempat bekerja.',
    'Iuran dihitung menurut bulan yang dibayar (bukan tanggal pembayaran); manfaat dan klaim menurut tanggal pembayaran.',
    'Realisasi hanya menghitung iuran yang dibayarkan; biaya lain program (sosialisasi, administrasi) tidak termasuk.',
    '"Baru" berarti tidak ada angka pembanding (atau angkanya nol) pada tahun pembanding, sehingga persentase perubahan tidak dapat dihitung.',
    `Kenaikan lebih dari ${TINY}% (lebih dari sebelas kali angka tahun pembanding) ditulis dengan kedua angkanya ("dari Rp\u00a05,8\u00a0juta menjadi Rp\u00a04,5\u00a0miliar"), bukan sebagai persentase: dari dasar sekecil itu persentase tidak bermakna.`,
    'Angka singkat ("Rp 18 miliar") dibulatkan ke satu desimal; angka lengkap ada di tabel dan dapat dihitung ulang dengan SQL di Lampiran A.',
  ],
};

const en: typeof id = {
  title: 'Notes and limits',
  limits: [
    'A worker is "protected" in a year when their membership covers at least one day of that year, whatever its status now.',
    'Workers are counted without duplicates. A worker whose payer changed during the year counts under both payers, so the counts by payer can add up to more than the total.',
    'Coverage divides protected workers by the labour force in the employment statistics by kecamatan and sector. A worker\u2019s kecamatan is their recorded address, which may differ from where they work.',
    'Contributions are counted by the month they pay for (not the payment date); benefits and claims by payment date.',
    'Realisation counts contributions paid only; other programme costs (outreach, administration) are not included.',
    '"New" means the comparison year has no figure (or zero), so a percentage change cannot be computed.',
    `A rise of more than ${TINY_EN}% (over eleven times the comparison year's figure) is written as its two figures ("from Rp\u00a05.8\u00a0million to Rp\u00a04.5\u00a0billion"), not as a percentage: from so small a base a percentage means little.`,
    'Short figures ("Rp 18 billion") are rounded to one decimal; the full figures are in the tables and can be recomputed with the SQL in Appendix A.',
  ],
};

const WORDS = { id, en };

export const limitsSection: BriefSection<'limits', Record<never, never>, unknown> = {
  id: 'limits',
  title: { id: id.title, en: en.title },
  queries: {},
  // a year still running is the first limit of its figures
  blocks: (page) => [{ kind: 'bullets', items: [...(page.content.partialYear ? [yearState(page)] : []), ...WORDS[page.lang].limits] }],
};
