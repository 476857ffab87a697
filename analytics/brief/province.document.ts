import { measureSql } from '../semantic/measure-catalogue.js';
import type { MetricComparison } from '../metrics/metric-queries.js';
import { appendixWords } from './appendix.compose.js';
import { documentFrame } from './brief.document.js';
import type { Appendix, Block, BriefDocument, KeyFigure, TableBlock } from './brief-document.type.js';
import { bars } from './chart-blocks.js';
import { COMMON } from './common.strings.js';
import { Figures } from './figures.js';
import { type Lang, NO_VALUE } from './number-format.js';
import { type ProvinceContent, type RegionFigures, regionFigures } from './province.content.js';
import { localiseSql } from './sql-comments.js';

/**
 * A province's comparison brief in one language: its regencies side by side (workers protected, the
 * regency budget and its realisation, cost per worker, coverage of the labour force, benefits per 1,000
 * members), then the changes since the comparison year, two charts and the limits. Laid out by the same
 * renderers as a regency's brief; each line names its queries, whose SQL is in the appendix file.
 */

const id = {
  kicker: 'Ringkasan kebijakan provinsi',
  title: (name: string, y: number, c: number) => `Perbandingan kabupaten/kota di ${name}: ${y} dibanding ${c}`,
  subtitle: 'Pekerja terlindungi, APBD dan realisasinya, biaya per pekerja, cakupan dan manfaat, per kabupaten/kota',
  preparedFor: (name: string) => `Disiapkan untuk Gubernur ${name}`,
  headline: (n: number, name: string, workers: string, year: number) =>
    `${n} kabupaten/kota di ${name} melindungi ${workers} pekerja sepanjang ${year}`,
  lead: (high: string, highPct: string, low: string, lowPct: string) =>
    `Cakupan angkatan kerja tertinggi di ${high} (${highPct}) dan terendah di ${low} (${lowPct}).`,
  noLead: 'Belum ada angka cakupan untuk dibandingkan.',
  region: 'Kabupaten/kota',
  province: (name: string) => `${name} (provinsi)`,
  queries: 'Kueri',
  columns: {
    workers: 'Pekerja terlindungi',
    budget: 'Anggaran APBD',
    realisation: 'Realisasi APBD',
    cost: 'Biaya per pekerja APBD',
    coverage: 'Cakupan',
    per1000: 'Manfaat per 1.000 peserta',
    change: 'Perubahan (%)',
  },
  sections: {
    summary: 'Ringkasan',
    sideBySide: 'Kabupaten/kota berdampingan',
    changes: (c: number) => `Perubahan sejak ${c}`,
    charts: 'Cakupan dan biaya per pekerja',
    limits: 'Catatan dan batasan',
  },
  summary: {
    workers: (name: string, value: string, year: number, change: string) =>
      `${name}: ${value} pekerja terlindungi sepanjang ${year}, ${change}.`,
    budget: (value: string, pct: string, year: number) => `Anggaran APBD seluruh kabupaten/kota ${year}: ${value}; realisasinya ${pct}.`,
    cost: (low: string, lowValue: string, high: string, highValue: string) =>
      `Biaya per pekerja yang dibiayai APBD terendah di ${low} (${lowValue}) dan tertinggi di ${high} (${highValue}).`,
  },
  sideBySideCaption: (y: number) => `Kabupaten/kota berdampingan, ${y}`,
  sideBySideNote:
    'Baris provinsi dihitung sendiri dari seluruh barisnya: pekerja dihitung sekali (tanpa duplikasi), jadi bukan penjumlahan baris kabupaten/kota. Kolom Kueri menunjuk SQL di Lampiran A.',
  changesCaption: (y: number, c: number) => `Pekerja terlindungi dan anggaran APBD, ${y} dibanding ${c}`,
  coverageChart: (y: number) => `Cakupan angkatan kerja per kabupaten/kota, ${y}`,
  coverageChartText: 'Pekerja terlindungi sepanjang tahun sebagai persentase angkatan kerja.',
  costChart: (y: number) => `Biaya per pekerja yang dibiayai APBD, ${y}`,
  costChartText: 'Iuran yang dibayarkan APBD dibagi pekerja yang iurannya dibayar APBD.',
  limits: [
    'Pekerja, iuran, klaim dan angkatan kerja dihitung di kabupaten/kota tempat pekerja berdomisili; anggaran dan realisasinya di wilayah pemerintah atau perusahaan yang membayar.',
    'Biaya per pekerja APBD = iuran yang dibayarkan APBD untuk bulan-bulan tahun itu dibagi pekerja (tanpa duplikasi) yang iurannya dibayar APBD, dibulatkan ke rupiah terdekat.',
    'Manfaat per 1.000 peserta = manfaat yang dibayarkan dikali 1.000, dibagi pekerja terlindungi tahun itu, dibulatkan ke rupiah terdekat.',
    'Kabupaten/kota yang tampil adalah yang datanya ada di gudang data; tanda – berarti tidak ada angka (misalnya tanpa anggaran APBD).',
  ],
  derived: (ids: string) => [
    `Manfaat per 1.000 peserta = manfaat dibayarkan (BENEFITS_PAID) × 1.000 ÷ pekerja terlindungi (WORKERS_PROTECTED), dibulatkan ke rupiah terdekat; per baris dari kueri barisnya (${ids}).`,
  ],
  regionOf: (name: string) => `wilayah ${name}`,
};

const en: typeof id = {
  kicker: 'Provincial policy brief',
  title: (name, y, c) => `Regencies and cities of ${name} side by side: ${y} against ${c}`,
  subtitle: 'Workers protected, the regency budget and what was spent, cost per worker, coverage and benefits, by regency',
  preparedFor: (name) => `Prepared for the Governor of ${name}`,
  headline: (n, name, workers, year) => `${n} regencies and cities of ${name} protected ${workers} workers during ${year}`,
  lead: (high, highPct, low, lowPct) => `Coverage of the labour force is highest in ${high} (${highPct}) and lowest in ${low} (${lowPct}).`,
  noLead: 'No coverage figures to compare yet.',
  region: 'Regency or city',
  province: (name) => `${name} (province)`,
  queries: 'Queries',
  columns: {
    workers: 'Workers protected',
    budget: 'Regency budget',
    realisation: 'Budget realisation',
    cost: 'Cost per budget-paid worker',
    coverage: 'Coverage',
    per1000: 'Benefits per 1,000 members',
    change: 'Change (%)',
  },
  sections: {
    summary: 'Summary',
    sideBySide: 'Regencies side by side',
    changes: (c) => `Changes since ${c}`,
    charts: 'Coverage and cost per worker',
    limits: 'Notes and limits',
  },
  summary: {
    workers: (name, value, year, change) => `${name}: ${value} workers protected during ${year}, ${change}.`,
    budget: (value, pct, year) => `Regency budgets for ${year} across the province: ${value}; ${pct} of it was spent.`,
    cost: (low, lowValue, high, highValue) =>
      `The cost per budget-paid worker is lowest in ${low} (${lowValue}) and highest in ${high} (${highValue}).`,
  },
  sideBySideCaption: (y) => `Regencies and cities side by side, ${y}`,
  sideBySideNote:
    "The province's row is counted on its own over all its rows: each worker once, so it is not the sum of the regencies' rows. The Queries column points to the SQL in Appendix A.",
  changesCaption: (y, c) => `Workers protected and regency budget, ${y} against ${c}`,
  coverageChart: (y) => `Coverage of the labour force by regency, ${y}`,
  coverageChartText: 'Workers protected during the year as a share of the labour force.',
  costChart: (y) => `Cost per budget-paid worker, ${y}`,
  costChartText: 'Contributions the regency budget paid divided by the workers it paid for.',
  limits: [
    'Workers, contributions, claims and the labour force are counted in the regency where the worker lives; budgets and their realisation in the region of the government or company that pays.',
    'Cost per budget-paid worker = contributions the regency budget paid for the months of the year divided by the distinct workers it paid for, to the nearest rupiah.',
    'Benefits per 1,000 members = benefits paid times 1,000, divided by the workers protected that year, to the nearest rupiah.',
    'The regencies shown are those the warehouse holds data for; – means no figure (for example no regency budget).',
  ],
  derived: (ids) => [
    `Benefits per 1,000 members = benefits paid (BENEFITS_PAID) × 1,000 ÷ workers protected (WORKERS_PROTECTED), to the nearest rupiah; per row from that row's queries (${ids}).`,
  ],
  regionOf: (name) => `region ${name}`,
};

const WORDS = { id, en };

const span = (ids: string[]) => (ids.length > 1 ? `${ids[0]}–${ids[ids.length - 1]}` : (ids[0] ?? ''));

export function composeProvinceBrief(content: ProvinceContent, lang: Lang): BriefDocument {
  const w = WORDS[lang];
  const common = COMMON[lang];
  const fig = new Figures(content, lang);
  const { year, compare, scope, province } = content;
  const lines = content.regencies.map((r) => ({ name: r.place.name, f: regionFigures(r) }));
  const whole = regionFigures(content.whole);
  const rupiah = (v: string | null) => fig.value(v, 'RUPIAH');

  const yearRow = (name: string, f: RegionFigures) => [
    name,
    fig.value(f.workers.value, 'COUNT'),
    rupiah(f.budget.value),
    fig.value(f.realisation.value, 'PERCENT'),
    rupiah(f.cost.value),
    fig.value(f.coverage.value, 'PERCENT'),
    rupiah(f.benefitsPer1000),
    span(f.queryIds),
  ];
  const sideBySide: TableBlock = {
    kind: 'table',
    caption: w.sideBySideCaption(year),
    columns: [
      { label: w.region, numeric: false },
      ...[w.columns.workers, w.columns.budget, w.columns.realisation, w.columns.cost, w.columns.coverage, w.columns.per1000].map(
        (label) => ({ label, numeric: true }),
      ),
      { label: w.queries, numeric: false },
    ],
    rows: lines.map((l) => yearRow(l.name, l.f)),
    footer: yearRow(w.province(province.name), whole),
    note: w.sideBySideNote,
  };
  const changeRow = (name: string, f: RegionFigures) => [
    name,
    fig.value(f.workers.value, 'COUNT'),
    fig.value(f.workers.prior, 'COUNT'),
    fig.pct(f.workers, 'COUNT'),
    rupiah(f.budget.value),
    rupiah(f.budget.prior),
    fig.pct(f.budget, 'RUPIAH'),
    span(f.queryIds.slice(0, 2)),
  ];
  const changes: TableBlock = {
    kind: 'table',
    caption: w.changesCaption(year, compare),
    columns: [
      { label: w.region, numeric: false },
      { label: `${w.columns.workers} ${year}`, numeric: true },
      { label: String(compare), numeric: true },
      { label: w.columns.change, numeric: true },
      { label: `${w.columns.budget} ${year}`, numeric: true },
      { label: String(compare), numeric: true },
      { label: w.columns.change, numeric: true },
      { label: w.queries, numeric: false },
    ],
    rows: lines.map((l) => changeRow(l.name, l.f)),
    footer: changeRow(w.province(province.name), whole),
  };

  const ranked = (pick: (f: RegionFigures) => MetricComparison) =>
    lines.filter((l) => pick(l.f).value !== null).sort((a, b) => Number(pick(a.f).value) - Number(pick(b.f).value));
  const byCoverage = ranked((f) => f.coverage);
  const byCost = ranked((f) => f.cost);
  const summary = [
    w.summary.workers(province.name, fig.value(whole.workers.value, 'COUNT'), year, fig.words(whole.workers, 'COUNT')),
    whole.budget.value === null ? '' : w.summary.budget(rupiah(whole.budget.value), fig.value(whole.realisation.value, 'PERCENT'), year),
    byCost.length > 1
      ? w.summary.cost(byCost[0]!.name, rupiah(byCost[0]!.f.cost.value), byCost.at(-1)!.name, rupiah(byCost.at(-1)!.f.cost.value))
      : '',
  ].filter(Boolean);
  const lead =
    byCoverage.length > 0
      ? w.lead(
          byCoverage.at(-1)!.name,
          fig.value(byCoverage.at(-1)!.f.coverage.value, 'PERCENT'),
          byCoverage[0]!.name,
          fig.value(byCoverage[0]!.f.coverage.value, 'PERCENT'),
        )
      : w.noLead;

  const wholeIds = whole.queryIds;
  const charts: Block[] = [
    { kind: 'query', ids: lines.map((l) => l.f.queryIds[4]!) },
    bars(
      fig,
      { id: 'chart-province-coverage', title: w.coverageChart(year), description: w.coverageChartText },
      lines.map((l) => ({ label: l.name, value: l.f.coverage.value })),
      'PERCENT',
    ),
    { kind: 'query', ids: lines.map((l) => l.f.queryIds[3]!) },
    bars(
      fig,
      { id: 'chart-province-cost', title: w.costChart(year), description: w.costChartText },
      lines.map((l) => ({ label: l.name, value: l.f.cost.value })),
      'RUPIAH',
    ),
  ];
  const key = (label: string, c: MetricComparison, unit: 'COUNT' | 'RUPIAH' | 'PERCENT', query: string): KeyFigure => ({
    label,
    value: fig.value(c.value, unit === 'RUPIAH' ? 'RUPIAH_SHORT' : unit),
    change: unit === 'PERCENT' ? fig.points(c) : fig.pct(c, unit),
    detail: `${compare}: ${fig.value(c.prior, unit === 'RUPIAH' ? 'RUPIAH_SHORT' : unit)}`,
    query,
  });

  return {
    ...documentFrame({ year, compare, scope, snapshotDate: content.snapshot.snapshotDate }, lang, common),
    scope: '',
    kicker: w.kicker,
    title: w.title(province.name, year, compare),
    subtitle: w.subtitle,
    preparedFor: w.preparedFor(province.name),
    headline: {
      title: w.headline(lines.length, province.name, fig.value(whole.workers.value, 'COUNT'), year),
      lead,
      query: wholeIds[0]!,
    },
    keyFigures: [
      key(w.columns.workers, whole.workers, 'COUNT', wholeIds[0]!),
      key(w.columns.budget, whole.budget, 'RUPIAH', wholeIds[1]!),
      key(w.columns.realisation, whole.realisation, 'PERCENT', wholeIds[2]!),
      key(w.columns.coverage, whole.coverage, 'PERCENT', wholeIds[4]!),
    ],
    sections: [
      { number: 1, id: 'summary', title: w.sections.summary, blocks: [{ kind: 'bullets', items: summary }] },
      {
        number: 2,
        id: 'side-by-side',
        title: w.sections.sideBySide,
        blocks: [{ kind: 'query', ids: wholeIds }, sideBySide],
      },
      { number: 3, id: 'changes', title: w.sections.changes(compare), blocks: [{ kind: 'query', ids: wholeIds.slice(0, 2) }, changes] },
      { number: 4, id: 'charts', title: w.sections.charts, blocks: charts },
      { number: 5, id: 'limits', title: w.sections.limits, blocks: [{ kind: 'bullets', items: w.limits }] },
    ],
    appendix: provinceAppendix(content, lang, span(lines.flatMap((l) => l.f.queryIds).concat(wholeIds))),
  };
}

/** Appendix A of a province's brief: the derived figure, every query with its region, each metric's SQL once, every statement. */
function provinceAppendix(content: ProvinceContent, lang: Lang, allIds: string): Appendix {
  const a = appendixWords(lang);
  const w = WORDS[lang];
  const names = new Map([...content.regencies, content.whole].map((r) => [r.place.code, r.place.name]));
  const regionName = (codes: string[] | null) => (codes ?? []).map((c) => names.get(c) ?? c).join(', ') || NO_VALUE;
  const period = a.yearOverYear(content.year, content.compare);
  const metrics = [...new Set(content.queries.map((q) => q.metric))];
  return {
    title: a.title,
    pointer: a.pointer,
    backToBrief: a.backToBrief,
    intro: a.intro,
    rerun: a.rerun,
    derivedTitle: a.derivedTitle,
    derived: w.derived(allIds),
    index: {
      kind: 'table',
      caption: a.indexTitle,
      columns: [a.indexColumns[0]!, a.indexColumns[1]!, a.indexColumns[2]!, w.region, a.indexColumns[3]!].map((label) => ({
        label,
        numeric: false,
      })),
      rows: content.queries.map((q) => [q.id, q.metric, q.groupBy ?? NO_VALUE, regionName(q.regions), period]),
      ids: content.queries.map((q) => q.id),
    },
    templates: { title: a.templatesTitle, text: a.templatesText, items: [] },
    metrics: {
      title: a.metricsTitle,
      text: a.metricsText,
      items: metrics.map((m) => ({
        title: m,
        description: a.metric[m],
        sql: localiseSql(measureSql(m, { description: a.metric[m], source: a.source }), lang),
      })),
    },
    statements: {
      title: a.statementsTitle,
      text: a.statementsText,
      print: true,
      items: content.queries.map((q) => ({
        id: q.id,
        title: `${q.metric}${q.groupBy ? ` ${a.grouping[q.groupBy]}` : ''}, ${w.regionOf(regionName(q.regions))}, ${period}`,
        description: a.metric[q.metric],
        sql: q.sql.map((sql) => localiseSql(sql, lang)),
      })),
    },
  };
}
