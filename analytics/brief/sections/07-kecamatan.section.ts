import type { Block } from '../brief-document.type.js';
import { bars } from '../chart-blocks.js';
import { group } from '../figures.js';
import { comparison } from '../named-query.js';
import { scaled } from '../number-format.js';
import { coverageColumns } from './06-coverage.section.js';
import { type BriefSection, type Page, paragraph, type SectionAnswers, uses } from './section.js';

/** 7. Coverage by kecamatan, lowest first (where more members would count most): the same three figures as section 6. */
const queries = {
  rate: comparison('COVERAGE', 'KECAMATAN'),
  covered: comparison('WORKERS_PROTECTED', 'KECAMATAN'),
  labourForce: comparison('LABOUR_FORCE', 'KECAMATAN'),
};
export type KecamatanAnswers = SectionAnswers<'kecamatan', typeof queries>;

const id = {
  title: 'Cakupan per kecamatan',
  lowest: (items: string) => `Cakupan terendah ada di ${items}.`,
  highest: (name: string, rate: string) => `Tertinggi di ${name} (${rate}).`,
  target: 'Kecamatan dengan cakupan terendah adalah kandidat pertama untuk perluasan kepesertaan yang dibiayai APBD atau CSR.',
  none: (year: number) => `Tidak ada data cakupan per kecamatan untuk ${year}.`,
  tableCaption: (y: number) => `Cakupan per kecamatan, ${y}, dari yang terendah`,
  chartTitle: (y: number) => `Cakupan per kecamatan, ${y} (%)`,
  kecamatan: 'Kecamatan',
};

const en: typeof id = {
  title: 'Coverage by kecamatan',
  lowest: (items) => `Coverage is lowest in ${items}.`,
  highest: (name, rate) => `It is highest in ${name} (${rate}).`,
  target: 'The kecamatan with the lowest coverage are the first candidates for extending regency- or CSR-paid membership.',
  none: (year) => `No coverage by kecamatan for ${year}.`,
  tableCaption: (y) => `Coverage by kecamatan, ${y}, lowest first`,
  chartTitle: (y) => `Coverage by kecamatan, ${y} (%)`,
  kecamatan: 'Kecamatan',
};

const WORDS = { id, en };

/** Every kecamatan with a rate, lowest first, then by name. */
function kecamatanRows(page: Page<KecamatanAnswers>) {
  const { kecamatan } = page.content;
  const rate = (r: { rate: { value: string | null } }) => scaled(r.rate.value!, 1);
  return kecamatan.labourForce.groups
    .map((lf) => ({
      key: lf.key,
      name: lf.label ?? group(kecamatan.covered, lf.key).label ?? lf.key,
      rate: group(kecamatan.rate, lf.key),
    }))
    .filter((r) => r.rate.value !== null)
    .sort((a, b) => (rate(a) < rate(b) ? -1 : rate(a) > rate(b) ? 1 : a.name.localeCompare(b.name)));
}
type KecamatanRow = ReturnType<typeof kecamatanRows>[number];

function lead(page: Page<KecamatanAnswers>, rows: KecamatanRow[]): Block {
  const w = WORDS[page.lang];
  if (rows.length === 0) return paragraph(w.none(page.content.year));
  const text = (r: KecamatanRow) => `${r.name} (${page.fig.value(r.rate.value, 'PERCENT')})`;
  const lowest = rows.slice(0, Math.min(3, Math.max(1, rows.length - 1)));
  const highest = rows[rows.length - 1];
  return paragraph(
    w.lowest(page.common.list(lowest.map(text))),
    highest && rows.length > lowest.length ? w.highest(highest.name, page.fig.value(highest.rate.value, 'PERCENT')) : '',
    w.target,
  );
}

export const kecamatanSection: BriefSection<'kecamatan', typeof queries, KecamatanAnswers> = {
  id: 'kecamatan',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { fig } = page;
    const { year, kecamatan } = page.content;
    const w = WORDS[page.lang];
    const rows = kecamatanRows(page);
    const chart = { id: 'chart-kecamatan', title: w.chartTitle(year), description: w.tableCaption(year) };
    return [
      uses(kecamatan.rate, kecamatan.covered, kecamatan.labourForce),
      lead(page, rows),
      {
        kind: 'table',
        caption: w.tableCaption(year),
        columns: coverageColumns(page, w.kecamatan),
        rows: rows.map((r) => [
          r.name,
          fig.value(group(kecamatan.covered, r.key).value, 'COUNT'),
          fig.value(group(kecamatan.labourForce, r.key).value, 'COUNT'),
          fig.value(r.rate.value, 'PERCENT'),
          fig.value(r.rate.prior, 'PERCENT'),
          fig.points(r.rate),
        ]),
      },
      ...(rows.length > 0
        ? [
            bars(
              fig,
              chart,
              rows.map((r) => ({ label: r.name, value: r.rate.value })),
              'PERCENT',
              100,
            ),
          ]
        : []),
    ];
  },
};
