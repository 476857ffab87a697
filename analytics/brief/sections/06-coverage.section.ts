import type { MetricComparison } from '../../metrics/metric-queries.js';
import type { Column } from '../brief-document.type.js';
import { groupedBars } from '../chart-blocks.js';
import { label } from '../common.strings.js';
import { group, subtractTenths } from '../figures.js';
import { comparison } from '../named-query.js';
import { formatPoints } from '../number-format.js';
import { type BriefSection, type Page, type SectionAnswers, uses } from './section.js';

/** 6. Coverage by sector: the rate with its numerator and denominator beside it. */
const queries = {
  rate: comparison('COVERAGE', 'SECTOR'),
  covered: comparison('WORKERS_PROTECTED', 'SECTOR'),
  labourForce: comparison('LABOUR_FORCE', 'SECTOR'),
};
export type CoverageAnswers = SectionAnswers<'coverage', typeof queries>;

const id = {
  title: 'Cakupan sektor formal dan informal',
  sector: { FORMAL: 'Formal (penerima upah)', INFORMAL: 'Informal (bukan penerima upah)' } as Record<string, string>,
  /** A sector's name inside a sentence. */
  sectorShort: { FORMAL: 'Sektor formal', INFORMAL: 'Sektor informal' } as Record<string, string>,
  sentence: (sector: string, rate: string, covered: string, lf: string, change: string) =>
    `${sector}: ${rate} terlindungi, yaitu ${covered} dari ${lf} angkatan kerja (${change}).`,
  noSector: (sector: string, year: number) => `${sector}: tidak ada data angkatan kerja untuk ${year}.`,
  gap: (points: string) => `Kesenjangan cakupan antara sektor formal dan informal: ${points}.`,
  tableCaption: (y: number, c: number) => `Cakupan per sektor, ${y} dibanding ${c} (pekerja terlindungi dibagi angkatan kerja)`,
  chartTitle: (y: number, c: number) => `Cakupan per sektor, ${c} dan ${y} (%)`,
  columns: { sector: 'Sektor', coverage: (y: number) => `Cakupan ${y}` },
};

const en: typeof id = {
  title: 'Coverage of formal and informal workers',
  sector: { FORMAL: 'Formal (wage earners)', INFORMAL: 'Informal (non-wage earners)' },
  sectorShort: { FORMAL: 'Formal sector', INFORMAL: 'Informal sector' },
  sentence: (sector, rate, covered, lf, change) => `${sector}: ${rate} protected, ${covered} of a labour force of ${lf} (${change}).`,
  noSector: (sector, year) => `${sector}: no labour-force figure for ${year}.`,
  gap: (points) => `Gap between formal and informal coverage: ${points}.`,
  tableCaption: (y, c) => `Coverage by sector, ${y} against ${c} (workers protected over the labour force)`,
  chartTitle: (y, c) => `Coverage by sector, ${c} and ${y} (%)`,
  columns: { sector: 'Sector', coverage: (y) => `Coverage ${y}` },
};

const WORDS = { id, en };
const SECTORS = ['FORMAL', 'INFORMAL'];

/** "Sektor informal: 48,0% terlindungi, yaitu … dari … angkatan kerja (…)". */
function sectorSentence(page: Page<CoverageAnswers>, key: string): string {
  const { fig } = page;
  const { coverage } = page.content;
  const w = WORDS[page.lang];
  const rate = group(coverage.rate, key);
  const name = label(w.sectorShort, key);
  if (rate.value === null) return w.noSector(name, page.content.year);
  const covered = fig.value(group(coverage.covered, key).value, 'COUNT');
  const labourForce = fig.value(group(coverage.labourForce, key).value, 'COUNT');
  return w.sentence(name, fig.value(rate.value, 'PERCENT'), covered, labourForce, fig.words(rate, 'PERCENT'));
}

function gapSentences(page: Page<CoverageAnswers>): string[] {
  const formal = group(page.content.coverage.rate, 'FORMAL').value;
  const informal = group(page.content.coverage.rate, 'INFORMAL').value;
  if (formal === null || informal === null) return [];
  return [WORDS[page.lang].gap(formatPoints(subtractTenths(formal, informal), page.lang, false))];
}

/** The columns of a coverage table, first the member's (sector here, kecamatan in section 7). */
export function coverageColumns(page: Page<unknown>, first: string): Column[] {
  const { year, compare } = page.content;
  const w = WORDS[page.lang];
  const numeric = (l: string) => ({ label: l, numeric: true });
  return [
    { label: first, numeric: false },
    ...[page.common.columns.workersProtected, page.common.columns.labourForce].map(numeric),
    ...[w.columns.coverage(year), w.columns.coverage(compare), page.common.changePoints].map(numeric),
  ];
}

/** Covered, labour force, rate, prior rate, change in points: the row of one member (`null`: the total). */
function coverageRow(page: Page<CoverageAnswers>, c: MetricComparison, key: string | null): string[] {
  const { fig } = page;
  const { coverage } = page.content;
  const covered = key === null ? coverage.covered.total : group(coverage.covered, key);
  const labour = key === null ? coverage.labourForce.total : group(coverage.labourForce, key);
  return [
    fig.value(covered.value, 'COUNT'),
    fig.value(labour.value, 'COUNT'),
    fig.value(c.value, 'PERCENT'),
    fig.value(c.prior, 'PERCENT'),
    fig.points(c),
  ];
}

export const coverageSection: BriefSection<'coverage', typeof queries, CoverageAnswers> = {
  id: 'coverage',
  title: { id: id.title, en: en.title },
  queries,
  blocks: (page) => {
    const { fig, common } = page;
    const { year, compare, coverage } = page.content;
    const w = WORDS[page.lang];
    return [
      uses(coverage.rate, coverage.covered, coverage.labourForce),
      { kind: 'bullets', items: [...SECTORS.map((key) => sectorSentence(page, key)), ...gapSentences(page)] },
      {
        kind: 'table',
        caption: w.tableCaption(year, compare),
        columns: coverageColumns(page, w.columns.sector),
        rows: SECTORS.map((key) => [label(w.sector, key), ...coverageRow(page, group(coverage.rate, key), key)]),
        footer: [common.total, ...coverageRow(page, coverage.rate.total, null)],
      },
      groupedBars(
        fig,
        { id: 'chart-coverage', title: w.chartTitle(year, compare), description: w.tableCaption(year, compare) },
        SECTORS.map((key) => ({ label: label(w.sector, key), c: group(coverage.rate, key) })),
        'PERCENT',
        100,
      ),
    ];
  },
  summary: (page) => SECTORS.map((key) => sectorSentence(page, key)),
};
