import type { Lang } from './number-format.js';

/**
 * The words more than one part of a brief uses, in Indonesian and English: the cover, the labels of
 * codes, table headings, and a change put into words. Each section keeps its own sentences beside
 * its queries (sections/); sentences are functions of figures already formatted, so the same figure
 * reads the same in the prose, the tables and the charts.
 */

export type Direction = 'up' | 'down' | 'same' | 'new' | 'none';

/** A change as words: "naik Rp 3 miliar (+20,0%) dari Rp 15 miliar pada 2022". */
export interface ChangeWords {
  direction: Direction;
  /** The change without its sign ("Rp 3 miliar", "7,0 poin"). */
  amount: string;
  /** The signed percentage ("+20,0%"); empty for percentages, whose change is in points. */
  pct: string;
  prior: string;
  /** Set when the change is from a tiny base: the sentence then gives both figures, no percentage. */
  value?: string;
  compare: number;
}

const list = (and: string) => (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

const id = {
  kicker: 'Ringkasan kebijakan',
  title: (year: number, compare: number) => `Perlindungan pekerja rentan di Kutai Kartanegara: ${year} dibanding ${compare}`,
  subtitle: 'Anggaran, kepesertaan, manfaat dan cakupan jaminan sosial ketenagakerjaan (BPJS Ketenagakerjaan)',
  preparedFor: 'Disiapkan untuk Bupati Kutai Kartanegara',
  dataAsOf: (date: string) => `Data per ${date}`,
  contents: 'Isi',
  /** How the sentences name the place and its government ("di Kukar", "Pemkab Kukar mengalokasikan …"). */
  place: { short: 'Kukar', government: 'Pemkab Kukar' },
  sponsorKind: {
    REGENCY_BUDGET: 'APBD Pemkab Kukar',
    COMPANY_CSR: 'CSR perusahaan',
    EMPLOYER: 'Pemberi kerja',
    SELF: 'Mandiri (bayar sendiri)',
  } as Record<string, string>,
  programme: {
    JKK: 'JKK – Jaminan Kecelakaan Kerja',
    JKM: 'JKM – Jaminan Kematian',
    JHT: 'JHT – Jaminan Hari Tua',
    JP: 'JP – Jaminan Pensiun',
    JKP: 'JKP – Jaminan Kehilangan Pekerjaan',
  } as Record<string, string>,
  total: 'Jumlah',
  change: 'Perubahan',
  changePct: 'Perubahan (%)',
  changePoints: 'Perubahan (poin)',
  noData: 'tidak ada data',
  query: 'Kueri',
  queries: 'Kueri',
  seeAppendix: 'SQL di Lampiran A',
  month: 'Bulan',
  columns: {
    sponsorKind: 'Sumber iuran',
    programme: 'Program',
    workersProtected: 'Pekerja terlindungi',
    labourForce: 'Angkatan kerja',
  },
  changeWords: ({ direction, amount, pct, prior, value, compare }: ChangeWords): string => {
    const p = pct ? ` (${pct})` : '';
    switch (direction) {
      case 'up':
        return value ? `naik dari ${prior} pada ${compare} menjadi ${value}` : `naik ${amount}${p} dari ${prior} pada ${compare}`;
      case 'down':
        return `turun ${amount}${p} dari ${prior} pada ${compare}`;
      case 'same':
        return `sama dengan ${compare}`;
      case 'new':
        return `baru, belum ada pada ${compare}`;
      case 'none':
        return `tidak ada data`;
    }
  },
  list: list('dan'),
};

export type CommonStrings = typeof id;

const en: CommonStrings = {
  kicker: 'Policy brief',
  title: (year, compare) => `Protecting vulnerable workers in Kutai Kartanegara: ${year} against ${compare}`,
  subtitle: 'Budget, membership, benefits and coverage of workers\u2019 social security (BPJS Ketenagakerjaan)',
  preparedFor: 'Prepared for the Bupati of Kutai Kartanegara',
  dataAsOf: (date) => `Data as of ${date}`,
  contents: 'Contents',
  place: { short: 'Kukar', government: 'The regency' },
  sponsorKind: {
    REGENCY_BUDGET: 'Regency budget (APBD)',
    COMPANY_CSR: 'Company CSR',
    EMPLOYER: 'Employers',
    SELF: 'Self-paid members',
  },
  programme: {
    JKK: 'JKK – work accident',
    JKM: 'JKM – death benefit',
    JHT: 'JHT – old-age savings',
    JP: 'JP – pension',
    JKP: 'JKP – job loss',
  },
  total: 'Total',
  change: 'Change',
  changePct: 'Change (%)',
  changePoints: 'Change (points)',
  noData: 'no data',
  query: 'Query',
  queries: 'Queries',
  seeAppendix: 'SQL in Appendix A',
  month: 'Month',
  columns: {
    sponsorKind: 'Paid by',
    programme: 'Programme',
    workersProtected: 'Workers protected',
    labourForce: 'Labour force',
  },
  changeWords: ({ direction, amount, pct, prior, value, compare }) => {
    const p = pct ? ` (${pct})` : '';
    switch (direction) {
      case 'up':
        return value ? `up from ${prior} in ${compare} to ${value}` : `up ${amount}${p} from ${prior} in ${compare}`;
      case 'down':
        return `down ${amount}${p} from ${prior} in ${compare}`;
      case 'same':
        return `unchanged from ${compare}`;
      case 'new':
        return `new, none in ${compare}`;
      case 'none':
        return 'no data';
    }
  },
  list: list('and'),
};

export const COMMON: Record<Lang, CommonStrings> = { id, en };

/** A regency or city a brief is about, as the region list names it ("Kabupaten Paser", "Kota Samarinda"). */
export interface BriefPlace {
  code: string;
  name: string;
}

/**
 * The common words of a regency's brief (`--region 64.02`): the place's own name on the cover and in the
 * sentences, its head of government (Bupati of a regency, Wali Kota of a city) and its government's budget.
 * Without a place the words are the whole-warehouse brief's, which has always been Kutai Kartanegara's.
 */
export function commonFor(lang: Lang, place?: BriefPlace | null): CommonStrings {
  const words = COMMON[lang];
  if (!place) return words;
  const city = /^Kota\s/i.test(place.name);
  const bare = place.name.replace(/^(Kabupaten|Kab\.|Kota)\s+/i, '');
  const government = `${city ? 'Pemkot' : 'Pemkab'} ${bare}`;
  return lang === 'id'
    ? {
        ...words,
        title: (year, compare) => `Perlindungan pekerja rentan di ${place.name}: ${year} dibanding ${compare}`,
        preparedFor: `Disiapkan untuk ${city ? 'Wali Kota' : 'Bupati'} ${bare}`,
        place: { short: bare, government },
        sponsorKind: { ...words.sponsorKind, REGENCY_BUDGET: `APBD ${government}` },
      }
    : {
        ...words,
        title: (year, compare) => `Protecting vulnerable workers in ${place.name}: ${year} against ${compare}`,
        preparedFor: `Prepared for the ${city ? 'Mayor' : 'Bupati'} of ${bare}`,
        place: { short: bare, government: city ? 'The city' : 'The regency' },
        sponsorKind: { ...words.sponsorKind, REGENCY_BUDGET: city ? 'City budget (APBD)' : 'Regency budget (APBD)' },
      };
}

/** A code's label, or the code itself when the data holds one the brief has no words for. */
export const label = (labels: Record<string, string>, code: string | null | undefined): string =>
  code === null || code === undefined ? '' : (labels[code] ?? code);
