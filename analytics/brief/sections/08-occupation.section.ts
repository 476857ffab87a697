import { label } from '../common.strings.js';
import { comparison } from '../named-query.js';
import { type BriefSection, paragraph, type SectionAnswers, uses } from './section.js';

/** 8. Workers protected by occupation: counts only, the workforce statistics have no occupation to divide by. */
const queries = {
  covered: comparison('WORKERS_PROTECTED', 'OCCUPATION'),
};
export type OccupationAnswers = SectionAnswers<'occupation', typeof queries>;

/** The occupations the article names as pekerja rentan. */
const NAMED_VULNERABLE = new Set(['PETANI', 'NELAYAN', 'PEDAGANG', 'MARBOT', 'TENAGA_KESEHATAN', 'TENAGA_PENDIDIK']);

const id = {
  title: 'Pekerja terlindungi per jenis pekerjaan',
  occupationName: {
    PETANI: 'Petani',
    NELAYAN: 'Nelayan',
    PEDAGANG: 'Pedagang',
    MARBOT: 'Marbot',
    TENAGA_KESEHATAN: 'Tenaga kesehatan',
    TENAGA_PENDIDIK: 'Tenaga pendidik',
    BURUH: 'Buruh',
    KARYAWAN: 'Karyawan',
    PEGAWAI_NON_ASN: 'Pegawai non-ASN',
    LAINNYA: 'Lainnya',
  } as Record<string, string>,
  namedVulnerableNote: (government: string) => `* Pekerjaan yang disebut sebagai pekerja rentan dalam program ${government}.`,
  lead: (year: number, items: string) => `Pekerjaan dengan pekerja terlindungi terbanyak pada ${year}: ${items}.`,
  none: (year: number) => `Tidak ada data pekerjaan untuk ${year}.`,
  noRate:
    'Statistik angkatan kerja tidak memuat jenis pekerjaan, sehingga tingkat cakupan per pekerjaan tidak dapat dihitung; tabel ini hanya menunjukkan jumlah pekerja terlindungi.',
  tableCaption: (y: number, c: number) => `Pekerja terlindungi per pekerjaan, ${y} dibanding ${c}`,
  occupation: 'Pekerjaan',
};

const en: typeof id = {
  title: 'Workers protected by occupation',
  occupationName: {
    PETANI: 'Farmer',
    NELAYAN: 'Fisher',
    PEDAGANG: 'Trader',
    MARBOT: 'Mosque caretaker',
    TENAGA_KESEHATAN: 'Health worker',
    TENAGA_PENDIDIK: 'Educator',
    BURUH: 'Labourer',
    KARYAWAN: 'Employee',
    PEGAWAI_NON_ASN: 'Non-civil-servant public worker',
    LAINNYA: 'Other',
  },
  namedVulnerableNote: () => '* Occupations the regency\u2019s programme names as vulnerable workers (pekerja rentan).',
  lead: (year, items) => `The occupations with the most protected workers in ${year}: ${items}.`,
  none: (year) => `No occupation data for ${year}.`,
  noRate:
    'The labour-force statistics have no occupation, so coverage by occupation cannot be computed; the table shows numbers of protected workers only.',
  tableCaption: (y, c) => `Workers protected by occupation, ${y} against ${c}`,
  occupation: 'Occupation',
};

const WORDS = { id, en };

export const occupationSection: BriefSection<'occupation', typeof queries, OccupationAnswers> = {
  id: 'occupation',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { fig, common } = page;
    const { year, compare, occupation } = page.content;
    const w = WORDS[page.lang];
    const name = (key: string) => label(w.occupationName, key);
    const occupations = occupation.covered.groups.filter((g) => g.value !== null);
    const top = occupations.slice(0, 3).map((g) => `${name(g.key).toLowerCase()} (${fig.value(g.value, 'COUNT')})`);
    return [
      uses(occupation.covered),
      paragraph(occupations.length === 0 ? w.none(year) : w.lead(year, common.list(top)), w.noRate),
      {
        kind: 'table',
        caption: w.tableCaption(year, compare),
        columns: fig.yoyColumns(w.occupation),
        rows: occupation.covered.groups.map((g) => [`${name(g.key)}${NAMED_VULNERABLE.has(g.key) ? '*' : ''}`, ...fig.cells(g, 'COUNT')]),
        note: w.namedVulnerableNote(page.common.place.government),
      },
    ];
  },
};
