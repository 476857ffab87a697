import type { MetricComparison } from '../metrics/metric-queries.js';
import type { BriefContent, Comparison, MonthlyTrend } from './brief.content.js';
import { methodsOf } from './brief.methods.js';
import { label, NAMED_VULNERABLE, STRINGS, type BriefStrings, type Direction } from './brief.strings.js';
import {
  divideRoundHalfUp,
  formatAxis,
  formatChange,
  formatChangePct,
  formatCount,
  formatDate,
  formatPercent,
  formatPoints,
  formatRupiah,
  formatTimestamp,
  formatValue,
  monthLabel,
  scaled,
  whole,
  type FigureUnit,
  type Lang,
} from './number-format.js';
import { barChart, groupedBarChart, lineChart } from './svg-charts.js';

/**
 * A brief in one language: the content's figures formatted and put into sentences, tables and
 * charts, in the order the page shows them. The HTML and Markdown renderers only lay this out, so
 * both print the same words and the same figures.
 */

export interface Column {
  label: string;
  numeric: boolean;
}

export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: Column[];
  rows: string[][];
  footer?: string[];
  note?: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  /** The named queries the blocks after it read (Evidence-style: the query sits before its use). */
  | { kind: 'query'; ids: string[] }
  | TableBlock
  /** `fallback` is what a format without SVG shows instead; none when a table beside it already has the figures. */
  | { kind: 'chart'; caption: string; svg: string; fallback?: TableBlock };

export interface Section {
  number: number;
  id: string;
  title: string;
  blocks: Block[];
}

export interface KeyFigure {
  label: string;
  value: string;
  change: string;
  detail: string;
  query: string;
}

export interface AppendixQuery {
  id: string;
  title: string;
  description: string;
  sql: string[];
}

export interface BriefDocument {
  lang: Lang;
  year: number;
  compare: number;
  kicker: string;
  title: string;
  subtitle: string;
  preparedFor: string;
  dataAsOf: string;
  headline: { title: string; lead: string; query: string };
  keyFigures: KeyFigure[];
  sections: Section[];
  appendix: {
    title: string;
    intro: string;
    rerun: string;
    derivedTitle: string;
    derived: string[];
    /** Which query filled which template; its rows carry the query ids the page links to. */
    index: TableBlock & { ids: string[] };
    templates: { title: string; text: string; items: Array<{ id: string; sql: string }> };
    metrics: { title: string; text: string; items: Array<{ title: string; description: string; sql: string }> };
    /** Every statement as it ran; `print` is false when the templates say the same in fewer pages. */
    statements: { title: string; text: string; print: boolean; items: AppendixQuery[] };
  };
  words: { contents: string; query: string; queries: string; seeAppendix: string; noData: string };
}

/** The minimum a regency pays for one vulnerable worker (FACTS.md: JKK Rp 10.000 + JKM Rp 6.800 a month). */
export const MINIMUM_MONTHLY_CONTRIBUTION = 16_800n;
export const MINIMUM_YEARLY_CONTRIBUTION = MINIMUM_MONTHLY_CONTRIBUTION * 12n;

const EMPTY: MetricComparison = { key: '', label: null, value: null, prior: null, change: null, changePct: null };
const group = (c: Comparison, key: string): MetricComparison => c.groups.find((g) => g.key === key) ?? { ...EMPTY, key };
/** Groups in the order of `keys` (another answer's), any others after them. */
const byKeyOrder = (groups: MetricComparison[], keys: string[]) => {
  const rank = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return [...groups].sort((a, b) => rank(a.key) - rank(b.key));
};
/** Tables by payer read in one order: the regency first, then CSR, employers, self-paid. */
const SPONSOR_KINDS = ['REGENCY_BUDGET', 'COMPANY_CSR', 'EMPLOYER', 'SELF'];
const bySponsorKind = (groups: MetricComparison[]) => byKeyOrder(groups, SPONSOR_KINDS);
/** `a - b` for one-decimal strings, exactly, as a one-decimal string. */
function subtractTenths(a: string, b: string): string {
  const d = scaled(a, 1) - scaled(b, 1);
  const m = d < 0n ? -d : d;
  return `${d < 0n ? '-' : ''}${m / 10n}.${m % 10n}`;
}
const geometry = (value: string | null): number | null => (value === null ? null : Number(value));

function direction(c: MetricComparison): Direction {
  if (c.value === null) return 'none';
  if (c.prior === null || c.change === null || c.changePct === null) return 'new';
  const change = scaled(c.change, 1);
  return change > 0n ? 'up' : change < 0n ? 'down' : 'same';
}

class Composer {
  readonly s: BriefStrings;
  constructor(
    readonly content: BriefContent,
    readonly lang: Lang,
  ) {
    this.s = STRINGS[lang];
  }

  /** Short money in prose ("Rp 18 miliar"), full in tables. */
  value(v: string | null, unit: FigureUnit): string {
    return formatValue(v, unit, this.lang);
  }

  /** "naik Rp 3 miliar (+20,0%) dari Rp 15 miliar pada 2022". */
  words(c: MetricComparison, unit: FigureUnit): string {
    const d = direction(c);
    const amount =
      c.change === null
        ? ''
        : unit === 'PERCENT'
          ? formatPoints(c.change.replace(/^-/, ''), this.lang, false)
          : formatValue(c.change.replace(/^-/, ''), unit, this.lang);
    const pct = unit === 'PERCENT' || c.changePct === null ? '' : formatPercent(c.changePct, this.lang, true);
    return this.s.changeWords({ direction: d, amount, pct, prior: formatValue(c.prior, unit, this.lang), compare: this.content.compare });
  }

  /** "+Rp 3 miliar (+20,0%)", "+7,0 poin", "baru". */
  change(c: MetricComparison, unit: FigureUnit): string {
    const d = direction(c);
    if (d === 'none' || d === 'new') return formatChange(c, unit, this.lang);
    return unit === 'PERCENT' ? formatChange(c, unit, this.lang) : `${formatChange(c, unit, this.lang)} (${formatChangePct(c, this.lang)})`;
  }

  /** Year, prior, change, change % cells of a comparison row. */
  cells(c: MetricComparison, unit: FigureUnit): string[] {
    return [this.value(c.value, unit), this.value(c.prior, unit), formatChange(c, unit, this.lang), formatChangePct(c, this.lang)];
  }

  yoyColumns(first: string): Column[] {
    const { year, compare } = this.content;
    return [
      { label: first, numeric: false },
      { label: String(year), numeric: true },
      { label: String(compare), numeric: true },
      { label: this.s.change, numeric: true },
      { label: this.s.changePct, numeric: true },
    ];
  }

  series(): string[] {
    return [String(this.content.compare), String(this.content.year)];
  }

  grouped(
    id: string,
    title: string,
    description: string,
    rows: Array<{ label: string; c: MetricComparison }>,
    unit: FigureUnit,
    max?: number,
  ): Block {
    const svg = groupedBarChart(
      { id, title, description },
      this.series(),
      rows.map(({ label: l, c }) => ({
        label: l,
        values: [
          { value: geometry(c.prior), display: this.value(c.prior, unit) },
          { value: geometry(c.value), display: this.value(c.value, unit) },
        ],
      })),
      { max },
    );
    return { kind: 'chart', caption: title, svg };
  }

  monthly(id: string, title: string, description: string, compareYear: MonthlyTrend, thisYear: MonthlyTrend): Block {
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const byMonth = (t: MonthlyTrend) =>
      months.map((m) => {
        const point = t.points.find((p) => Number(p.periodStart.slice(5, 7)) === m);
        return point?.value ?? null;
      });
    const prior = byMonth(compareYear);
    const current = byMonth(thisYear);
    const svg = lineChart(
      { id, title, description },
      months.map((m) => monthLabel(m, this.lang)),
      [
        { name: String(this.content.compare), values: prior.map(geometry) },
        { name: String(this.content.year), values: current.map(geometry) },
      ],
      { formatTick: (v) => formatAxis(v, this.lang), emptyText: this.s.noData },
    );
    const fallback: TableBlock = {
      kind: 'table',
      caption: title,
      columns: [{ label: this.s.month, numeric: false }, ...this.series().map((l) => ({ label: l, numeric: true }))],
      rows: months.map((m, i) => [
        monthLabel(m, this.lang),
        this.value(prior[i] ?? null, 'COUNT'),
        this.value(current[i] ?? null, 'COUNT'),
      ]),
    };
    return { kind: 'chart', caption: title, svg, fallback };
  }
}

export function composeBrief(content: BriefContent, lang: Lang): BriefDocument {
  const k = new Composer(content, lang);
  const methods = methodsOf(content);
  const { s } = k;
  const { year, compare } = content;
  const q = (...comparisons: Array<Comparison | MonthlyTrend>): Block => ({ kind: 'query', ids: comparisons.map((c) => c.queryId) });

  // Budget.
  const regencyBudget = group(content.budget.allocated, 'REGENCY_BUDGET');
  const regencyPaid = group(content.budget.paid, 'REGENCY_BUDGET');
  const regencyRealisation = group(content.budget.realisation, 'REGENCY_BUDGET');
  const csrBudget = group(content.budget.allocated, 'COMPANY_CSR');
  const budgetLead =
    regencyBudget.value === null
      ? s.budget.none(year)
      : s.budget.lead(
          k.value(regencyBudget.value, 'RUPIAH_SHORT'),
          k.value(regencyBudget.value, 'RUPIAH'),
          year,
          k.words(regencyBudget, 'RUPIAH_SHORT'),
        );
  const unspent = (allocated: string | null, paid: string | null) =>
    allocated === null ? null : (whole(allocated) - whole(paid ?? '0')).toString();
  const regencyUnspent = unspent(regencyBudget.value, regencyPaid.value);
  const realisationSentences: string[] = [];
  if (regencyBudget.value !== null && regencyRealisation.value !== null && regencyUnspent !== null) {
    const allocated = k.value(regencyBudget.value, 'RUPIAH_SHORT');
    const paid = k.value(regencyPaid.value ?? '0', 'RUPIAH_SHORT');
    const pct = formatPercent(regencyRealisation.value, lang);
    if (whole(regencyUnspent) >= 0n) {
      realisationSentences.push(s.budget.realisation(allocated, paid, pct, year, k.value(regencyUnspent, 'RUPIAH_SHORT')));
      const fundable = whole(regencyUnspent) / MINIMUM_YEARLY_CONTRIBUTION;
      if (fundable > 0n) {
        realisationSentences.push(
          s.budget.fundable(
            k.value(regencyUnspent, 'RUPIAH_SHORT'),
            formatCount(fundable, lang),
            formatRupiah(MINIMUM_YEARLY_CONTRIBUTION, lang),
            formatRupiah(MINIMUM_MONTHLY_CONTRIBUTION, lang),
          ),
        );
      }
    } else {
      realisationSentences.push(s.budget.overspent(allocated, paid, pct, year));
    }
  } else {
    realisationSentences.push(s.budget.noRealisation(year));
  }
  const budgetRows = bySponsorKind(content.budget.allocated.groups).map((g) => ({ label: label(s.sponsorKind, g.key), c: g }));
  const budgetBlocks: Block[] = [
    q(content.budget.allocated),
    {
      kind: 'paragraph',
      text: [
        budgetLead,
        csrBudget.value !== null ? s.budget.csr(k.value(csrBudget.value, 'RUPIAH_SHORT'), k.words(csrBudget, 'RUPIAH_SHORT')) : '',
        content.budget.allocated.total.value !== null ? s.budget.total(k.value(content.budget.allocated.total.value, 'RUPIAH'), year) : '',
      ]
        .filter(Boolean)
        .join(' '),
    },
    {
      kind: 'table',
      caption: s.budget.tableCaption(year, compare),
      columns: k.yoyColumns(s.columns.sponsorKind),
      rows: budgetRows.map((r) => [r.label, ...k.cells(r.c, 'RUPIAH')]),
      footer: [s.total, ...k.cells(content.budget.allocated.total, 'RUPIAH')],
    },
    k.grouped('chart-budget', s.budget.chartTitle(year, compare), s.budget.tableCaption(year, compare), budgetRows, 'RUPIAH_SHORT'),
    q(content.budget.allocated, content.budget.paid, content.budget.realisation),
    { kind: 'paragraph', text: realisationSentences.join(' ') },
    {
      kind: 'table',
      caption: s.budget.realisationCaption(year),
      columns: [
        { label: s.columns.sponsorKind, numeric: false },
        { label: s.columns.allocated, numeric: true },
        { label: s.columns.paid, numeric: true },
        { label: s.columns.unspent, numeric: true },
        { label: s.columns.realisation(year), numeric: true },
        { label: s.columns.realisation(compare), numeric: true },
        { label: s.changePoints, numeric: true },
      ],
      rows: bySponsorKind(content.budget.realisation.groups).map((r) => {
        const allocated = group(content.budget.allocated, r.key).value;
        const paid = group(content.budget.paid, r.key).value;
        return [
          label(s.sponsorKind, r.key),
          k.value(allocated, 'RUPIAH_SHORT'),
          k.value(paid, 'RUPIAH_SHORT'),
          k.value(unspent(allocated, paid), 'RUPIAH_SHORT'),
          k.value(r.value, 'PERCENT'),
          k.value(r.prior, 'PERCENT'),
          formatChange(r, 'PERCENT', lang),
        ];
      }),
    },
  ];

  // Workers.
  const vulnerable = group(content.workers.vulnerable, 'REGENCY_BUDGET');
  const vulnerableCsr = group(content.workers.vulnerable, 'COMPANY_CSR');
  const workersTotal = content.workers.bySponsorKind.total;
  const workersLead =
    vulnerable.value === null
      ? s.workers.noneSponsored(year)
      : s.workers.lead(k.value(vulnerable.value, 'COUNT'), year, k.words(vulnerable, 'COUNT'));
  const workersBlocks: Block[] = [
    q(content.workers.vulnerable, content.workers.bySponsorKind),
    {
      kind: 'paragraph',
      text: [
        workersLead,
        vulnerableCsr.value !== null ? s.workers.csr(k.value(vulnerableCsr.value, 'COUNT'), k.words(vulnerableCsr, 'COUNT')) : '',
        workersTotal.value !== null ? s.workers.total(k.value(workersTotal.value, 'COUNT'), year, k.words(workersTotal, 'COUNT')) : '',
      ]
        .filter(Boolean)
        .join(' '),
    },
    {
      kind: 'table',
      caption: s.workers.tableCaption(year, compare),
      columns: k.yoyColumns(s.columns.sponsorKind),
      rows: bySponsorKind(content.workers.bySponsorKind.groups).map((g) => [label(s.sponsorKind, g.key), ...k.cells(g, 'COUNT')]),
      footer: [s.total, ...k.cells(workersTotal, 'COUNT')],
      note: s.workers.distinctNote,
    },
    q(content.workers.activeCompareYear, content.workers.activeThisYear),
    k.monthly(
      'chart-active',
      s.workers.trendTitle(year, compare),
      s.workers.trendNote,
      content.workers.activeCompareYear,
      content.workers.activeThisYear,
    ),
    { kind: 'paragraph', text: s.workers.trendNote },
  ];

  // Benefits paid.
  const benefits = content.payouts.byProgramme.total;
  const largest = content.payouts.byProgramme.groups[0];
  const vulnerablePaid = content.payouts.vulnerable.total;
  const payoutsLead =
    benefits.value === null
      ? s.payouts.none(year)
      : [
          s.payouts.lead(
            k.value(benefits.value, 'RUPIAH'),
            k.value(benefits.value, 'RUPIAH_SHORT'),
            year,
            k.words(benefits, 'RUPIAH_SHORT'),
          ),
          largest?.value && whole(largest.value) > 0n
            ? s.payouts.largest(label(s.programme, largest.key), k.value(largest.value, 'RUPIAH_SHORT'))
            : '',
        ]
          .filter(Boolean)
          .join(' ');
  const programmeRows = content.payouts.byProgramme.groups.map((g) => ({ label: label(s.programme, g.key), c: g }));
  const payoutsBlocks: Block[] = [
    q(content.payouts.byProgramme),
    { kind: 'paragraph', text: payoutsLead },
    {
      kind: 'table',
      caption: s.payouts.tableCaption(year, compare),
      columns: k.yoyColumns(s.columns.programme),
      rows: programmeRows.map((r) => [r.label, ...k.cells(r.c, 'RUPIAH')]),
      footer: [s.total, ...k.cells(benefits, 'RUPIAH')],
    },
    k.grouped('chart-payouts', s.payouts.chartTitle(year, compare), s.payouts.tableCaption(year, compare), programmeRows, 'RUPIAH_SHORT'),
    q(content.payouts.vulnerable),
    {
      kind: 'paragraph',
      text:
        vulnerablePaid.value === null
          ? s.payouts.noVulnerable(year)
          : s.payouts.vulnerable(k.value(vulnerablePaid.value, 'RUPIAH'), k.words(vulnerablePaid, 'RUPIAH_SHORT')),
    },
    {
      kind: 'table',
      caption: s.payouts.vulnerableCaption(year, compare),
      columns: k.yoyColumns(s.columns.programme),
      rows: content.payouts.vulnerable.groups.map((g) => [label(s.programme, g.key), ...k.cells(g, 'RUPIAH')]),
      footer: [s.total, ...k.cells(vulnerablePaid, 'RUPIAH')],
    },
  ];

  // Claims.
  const claims = content.claims.byProgramme.total;
  const average = (benefit: string | null, count: string | null) => {
    if (benefit === null || count === null) return null;
    return divideRoundHalfUp(whole(benefit), whole(count))?.toString() ?? null;
  };
  const averageAll = average(benefits.value, claims.value);
  const claimsBlocks: Block[] = [
    q(content.claims.byProgramme, content.payouts.byProgramme),
    {
      kind: 'paragraph',
      text:
        claims.value === null || whole(claims.value) === 0n
          ? s.claims.none(year)
          : s.claims.lead(k.value(claims.value, 'COUNT'), year, k.words(claims, 'COUNT'), k.value(averageAll, 'RUPIAH')),
    },
    {
      kind: 'table',
      caption: s.claims.tableCaption(year, compare),
      columns: [...k.yoyColumns(s.columns.programme), { label: s.columns.averagePerClaim(year), numeric: true }],
      rows: content.claims.byProgramme.groups.map((g) => [
        label(s.programme, g.key),
        ...k.cells(g, 'COUNT'),
        k.value(average(group(content.payouts.byProgramme, g.key).value, g.value), 'RUPIAH'),
      ]),
      footer: [s.total, ...k.cells(claims, 'COUNT'), k.value(averageAll, 'RUPIAH')],
    },
    q(content.claims.monthlyCompareYear, content.claims.monthlyThisYear),
    k.monthly(
      'chart-claims',
      s.claims.trendTitle(year, compare),
      s.claims.tableCaption(year, compare),
      content.claims.monthlyCompareYear,
      content.claims.monthlyThisYear,
    ),
  ];

  // Coverage by sector.
  const sectors = ['FORMAL', 'INFORMAL'];
  const sectorSentence = (key: string) => {
    const rate = group(content.coverage.rate, key);
    const name = label(s.sectorShort, key);
    if (rate.value === null) return s.coverage.noSector(name, year);
    return s.coverage.sector(
      name,
      k.value(rate.value, 'PERCENT'),
      k.value(group(content.coverage.covered, key).value, 'COUNT'),
      k.value(group(content.coverage.labourForce, key).value, 'COUNT'),
      k.words(rate, 'PERCENT'),
    );
  };
  const formalRate = group(content.coverage.rate, 'FORMAL').value;
  const informalRate = group(content.coverage.rate, 'INFORMAL').value;
  const gapText = formalRate !== null && informalRate !== null ? formatPoints(subtractTenths(formalRate, informalRate), lang, false) : null;
  const coverageRow = (c: MetricComparison, key: string | null) => {
    const covered = key === null ? content.coverage.covered.total : group(content.coverage.covered, key);
    const labour = key === null ? content.coverage.labourForce.total : group(content.coverage.labourForce, key);
    return [
      k.value(covered.value, 'COUNT'),
      k.value(labour.value, 'COUNT'),
      k.value(c.value, 'PERCENT'),
      k.value(c.prior, 'PERCENT'),
      formatChange(c, 'PERCENT', lang),
    ];
  };
  const coverageColumns: Column[] = [
    { label: s.columns.sector, numeric: false },
    { label: s.columns.workersProtected, numeric: true },
    { label: s.columns.labourForce, numeric: true },
    { label: s.columns.coverage(year), numeric: true },
    { label: s.columns.coverage(compare), numeric: true },
    { label: s.changePoints, numeric: true },
  ];
  const coverageBlocks: Block[] = [
    q(content.coverage.rate, content.coverage.covered, content.coverage.labourForce),
    { kind: 'bullets', items: [...sectors.map(sectorSentence), ...(gapText ? [s.coverage.gap(gapText)] : [])] },
    {
      kind: 'table',
      caption: s.coverage.tableCaption(year, compare),
      columns: coverageColumns,
      rows: sectors.map((key) => [label(s.sector, key), ...coverageRow(group(content.coverage.rate, key), key)]),
      footer: [s.total, ...coverageRow(content.coverage.rate.total, null)],
    },
    k.grouped(
      'chart-coverage',
      s.coverage.chartTitle(year, compare),
      s.coverage.tableCaption(year, compare),
      sectors.map((key) => ({ label: label(s.sector, key), c: group(content.coverage.rate, key) })),
      'PERCENT',
      100,
    ),
  ];

  // Coverage by kecamatan, lowest first: where more members would count most.
  const kecamatanRows = content.kecamatan.labourForce.groups
    .map((lf) => ({
      key: lf.key,
      name: lf.label ?? group(content.kecamatan.covered, lf.key).label ?? lf.key,
      rate: group(content.kecamatan.rate, lf.key),
    }))
    .filter((r) => r.rate.value !== null)
    .sort((a, b) =>
      scaled(a.rate.value!, 1) < scaled(b.rate.value!, 1)
        ? -1
        : scaled(a.rate.value!, 1) > scaled(b.rate.value!, 1)
          ? 1
          : a.name.localeCompare(b.name),
    );
  const kecamatanText = (r: (typeof kecamatanRows)[number]) => `${r.name} (${k.value(r.rate.value, 'PERCENT')})`;
  const lowest = kecamatanRows.slice(0, Math.min(3, Math.max(1, kecamatanRows.length - 1)));
  const highest = kecamatanRows[kecamatanRows.length - 1];
  const kecamatanBlocks: Block[] = [
    q(content.kecamatan.rate, content.kecamatan.covered, content.kecamatan.labourForce),
    {
      kind: 'paragraph',
      text:
        kecamatanRows.length === 0
          ? s.kecamatan.none(year)
          : [
              s.kecamatan.lowest(s.list(lowest.map(kecamatanText))),
              highest && kecamatanRows.length > lowest.length
                ? s.kecamatan.highest(highest.name, k.value(highest.rate.value, 'PERCENT'))
                : '',
              s.kecamatan.target,
            ]
              .filter(Boolean)
              .join(' '),
    },
    {
      kind: 'table',
      caption: s.kecamatan.tableCaption(year),
      columns: [{ label: s.columns.kecamatan, numeric: false }, ...coverageColumns.slice(1)],
      rows: kecamatanRows.map((r) => [
        r.name,
        k.value(group(content.kecamatan.covered, r.key).value, 'COUNT'),
        k.value(group(content.kecamatan.labourForce, r.key).value, 'COUNT'),
        k.value(r.rate.value, 'PERCENT'),
        k.value(r.rate.prior, 'PERCENT'),
        formatChange(r.rate, 'PERCENT', lang),
      ]),
    },
    ...(kecamatanRows.length > 0
      ? [
          {
            kind: 'chart',
            caption: s.kecamatan.chartTitle(year),
            svg: barChart(
              { id: 'chart-kecamatan', title: s.kecamatan.chartTitle(year), description: s.kecamatan.tableCaption(year) },
              kecamatanRows.map((r) => ({ label: r.name, value: geometry(r.rate.value), display: k.value(r.rate.value, 'PERCENT') })),
              { max: 100 },
            ),
          } satisfies Block,
        ]
      : []),
  ];

  // Occupation.
  const occupationLabel = (key: string) => `${label(s.occupationName, key)}${NAMED_VULNERABLE.has(key) ? '*' : ''}`;
  const occupations = content.occupation.covered.groups.filter((g) => g.value !== null);
  const occupationBlocks: Block[] = [
    q(content.occupation.covered),
    {
      kind: 'paragraph',
      text: [
        occupations.length === 0
          ? s.occupation.none(year)
          : s.occupation.lead(
              year,
              s.list(occupations.slice(0, 3).map((g) => `${label(s.occupationName, g.key).toLowerCase()} (${k.value(g.value, 'COUNT')})`)),
            ),
        s.occupation.noRate,
      ].join(' '),
    },
    {
      kind: 'table',
      caption: s.occupation.tableCaption(year, compare),
      columns: k.yoyColumns(s.columns.occupation),
      rows: content.occupation.covered.groups.map((g) => [occupationLabel(g.key), ...k.cells(g, 'COUNT')]),
      note: s.namedVulnerableNote,
    },
  ];

  // Cost per protected worker, with the two figures it divides.
  const regencyCost = group(content.cost.perWorker, 'REGENCY_BUDGET');
  const regencyWorkers = group(content.workers.bySponsorKind, 'REGENCY_BUDGET');
  const costLead =
    regencyCost.value === null
      ? s.cost.none(year)
      : s.cost.lead(
          k.value(regencyCost.value, 'RUPIAH'),
          year,
          k.value(regencyPaid.value, 'RUPIAH'),
          k.value(regencyWorkers.value, 'COUNT'),
          k.words(regencyCost, 'RUPIAH'),
        );
  const costBlocks: Block[] = [
    q(content.cost.perWorker, content.budget.paid, content.workers.bySponsorKind),
    {
      kind: 'paragraph',
      text: [
        costLead,
        s.cost.minimum(
          formatRupiah(MINIMUM_YEARLY_CONTRIBUTION, lang),
          formatRupiah(MINIMUM_MONTHLY_CONTRIBUTION, lang),
          regencyCost.value !== null && whole(regencyCost.value) < MINIMUM_YEARLY_CONTRIBUTION,
        ),
      ].join(' '),
    },
    {
      kind: 'table',
      caption: s.cost.tableCaption(year, compare),
      columns: [
        { label: s.columns.sponsorKind, numeric: false },
        { label: s.columns.contributionsPaid, numeric: true },
        { label: s.columns.workersProtected, numeric: true },
        { label: s.columns.costPerWorker(year), numeric: true },
        { label: s.columns.costPerWorker(compare), numeric: true },
        { label: s.changePct, numeric: true },
      ],
      rows: bySponsorKind(content.cost.perWorker.groups).map((g) => [
        label(s.sponsorKind, g.key),
        k.value(group(content.budget.paid, g.key).value, 'RUPIAH'),
        k.value(group(content.workers.bySponsorKind, g.key).value, 'COUNT'),
        k.value(g.value, 'RUPIAH'),
        k.value(g.prior, 'RUPIAH'),
        formatChangePct(g, lang),
      ]),
      footer: [
        s.total,
        k.value(content.budget.paid.total.value, 'RUPIAH'),
        k.value(workersTotal.value, 'COUNT'),
        k.value(content.cost.perWorker.total.value, 'RUPIAH'),
        k.value(content.cost.perWorker.total.prior, 'RUPIAH'),
        formatChangePct(content.cost.perWorker.total, lang),
      ],
      note: s.cost.notComparable,
    },
  ];

  // Data freshness.
  const snapshotDate = formatDate(content.snapshot.snapshotDate, lang);
  const publishedAt = formatTimestamp(content.snapshot.publishedAt, lang);
  const notStarted = content.snapshot.snapshotDate < `${year}-01-01`;
  const yearState = notStarted
    ? s.freshness.future(year, snapshotDate)
    : content.partialYear
      ? s.freshness.partial(year, snapshotDate)
      : s.freshness.complete(year);
  const freshnessBlocks: Block[] = [
    { kind: 'paragraph', text: [s.freshness.lead(snapshotDate, content.snapshot.runId, publishedAt), yearState].join(' ') },
    {
      kind: 'table',
      caption: s.sections.freshness,
      columns: [
        { label: s.columns.snapshotDate, numeric: false },
        { label: s.columns.runId, numeric: false },
        { label: s.columns.publishedAt, numeric: false },
      ],
      rows: [[snapshotDate, content.snapshot.runId, publishedAt]],
    },
  ];

  // Headline and key figures.
  const budgetDirection = direction(regencyBudget);
  const headline = {
    title: s.headline.title(
      budgetDirection,
      k.value(regencyBudget.value, 'RUPIAH_SHORT'),
      regencyBudget.changePct === null ? '' : formatPercent(regencyBudget.changePct.replace(/^-/, ''), lang),
      year,
    ),
    lead: [budgetLead, workersLead].join(' '),
    query: content.budget.allocated.queryId,
  };
  const informal = group(content.coverage.rate, 'INFORMAL');
  const keyFigures: KeyFigure[] = [
    {
      label: s.keyFigures.budget,
      value: k.value(regencyBudget.value, 'RUPIAH_SHORT'),
      change: k.change(regencyBudget, 'RUPIAH_SHORT'),
      detail: s.keyFigures.from(k.value(regencyBudget.prior, 'RUPIAH_SHORT'), compare),
      query: content.budget.allocated.queryId,
    },
    {
      label: s.keyFigures.vulnerable,
      value: k.value(vulnerable.value, 'COUNT'),
      change: k.change(vulnerable, 'COUNT'),
      detail: s.keyFigures.from(k.value(vulnerable.prior, 'COUNT'), compare),
      query: content.workers.vulnerable.queryId,
    },
    {
      label: s.keyFigures.realisation,
      value: k.value(regencyRealisation.value, 'PERCENT'),
      change: k.change(regencyRealisation, 'PERCENT'),
      detail: s.keyFigures.paidOf(k.value(regencyPaid.value, 'RUPIAH_SHORT'), k.value(regencyBudget.value, 'RUPIAH_SHORT')),
      query: content.budget.realisation.queryId,
    },
    {
      label: s.keyFigures.benefits,
      value: k.value(benefits.value, 'RUPIAH_SHORT'),
      change: k.change(benefits, 'RUPIAH_SHORT'),
      detail: s.keyFigures.from(k.value(benefits.prior, 'RUPIAH_SHORT'), compare),
      query: content.payouts.byProgramme.queryId,
    },
    {
      label: s.keyFigures.informalCoverage,
      value: k.value(informal.value, 'PERCENT'),
      change: k.change(informal, 'PERCENT'),
      detail: s.keyFigures.workersOf(
        k.value(group(content.coverage.covered, 'INFORMAL').value, 'COUNT'),
        k.value(group(content.coverage.labourForce, 'INFORMAL').value, 'COUNT'),
      ),
      query: content.coverage.rate.queryId,
    },
    {
      label: s.keyFigures.cost,
      value: k.value(regencyCost.value, 'RUPIAH'),
      change: k.change(regencyCost, 'RUPIAH'),
      detail: s.keyFigures.perWorker(k.value(regencyPaid.value, 'RUPIAH_SHORT'), k.value(regencyWorkers.value, 'COUNT')),
      query: content.cost.perWorker.queryId,
    },
  ];

  const summary: Block[] = [
    {
      kind: 'bullets',
      items: [
        budgetLead,
        realisationSentences[0]!,
        workersLead,
        benefits.value === null
          ? s.payouts.none(year)
          : s.payouts.lead(
              k.value(benefits.value, 'RUPIAH'),
              k.value(benefits.value, 'RUPIAH_SHORT'),
              year,
              k.words(benefits, 'RUPIAH_SHORT'),
            ),
        ...sectors.map(sectorSentence),
        costLead,
      ],
    },
  ];

  const bodies: Array<[string, string, Block[]]> = [
    ['summary', s.sections.summary, summary],
    ['budget', s.sections.budget, budgetBlocks],
    ['workers', s.sections.workers, workersBlocks],
    ['payouts', s.sections.payouts, payoutsBlocks],
    ['claims', s.sections.claims, claimsBlocks],
    ['coverage', s.sections.coverage, coverageBlocks],
    ['kecamatan', s.sections.kecamatan, kecamatanBlocks],
    ['occupation', s.sections.occupation, occupationBlocks],
    ['cost', s.sections.cost, costBlocks],
    ['freshness', s.sections.freshness, freshnessBlocks],
    ['limits', s.sections.limits, [{ kind: 'bullets', items: [...(content.partialYear ? [yearState] : []), ...s.limits] }]],
  ];

  return {
    lang,
    year,
    compare,
    kicker: s.kicker,
    title: s.title(year, compare),
    subtitle: s.subtitle,
    preparedFor: s.preparedFor,
    dataAsOf: s.dataAsOf(snapshotDate),
    headline,
    keyFigures,
    sections: bodies.map(([id, title, blocks], i) => ({ number: i + 1, id, title, blocks })),
    appendix: {
      title: s.sections.appendix,
      intro: s.appendix.intro,
      rerun: s.appendix.rerun,
      derivedTitle: s.appendix.derivedTitle,
      derived: s.appendix.derived({
        allocated: content.budget.allocated.queryId,
        paid: content.budget.paid.queryId,
        benefits: content.payouts.byProgramme.queryId,
        claims: content.claims.byProgramme.queryId,
        coverage: content.coverage.rate.queryId,
      }),
      index: {
        kind: 'table',
        caption: s.appendix.indexTitle,
        columns: [
          s.appendix.indexColumns.query,
          s.appendix.indexColumns.metric,
          s.appendix.indexColumns.breakdown,
          s.appendix.indexColumns.period,
          s.appendix.indexColumns.statement,
        ].map((l) => ({ label: l, numeric: false })),
        rows: methods.queries.map((m) => [m.id, m.metric, m.groupBy ?? '–', m.period, m.template ?? '–']),
        ids: methods.queries.map((m) => m.id),
      },
      templates: {
        title: s.appendix.templatesTitle,
        text: s.appendix.templatesText,
        items: methods.templates.map((t) => ({ id: t.id, sql: t.sql })),
      },
      metrics: {
        title: s.appendix.metricsTitle,
        text: s.appendix.metricsText,
        items: methods.metrics.map((m) => ({
          title: `${m.metric}${m.kind === 'trends' ? ' (trend)' : ''}`,
          description: s.metric[m.metric],
          sql: m.sql,
        })),
      },
      statements: {
        title: s.appendix.statementsTitle,
        text: s.appendix.statementsText,
        print: methods.templates.length === 0,
        items: content.queries.map((query) => ({
          id: query.id,
          title: s.appendix.queryTitle(
            query.metric,
            query.groupBy,
            query.kind === 'trend' ? s.appendix.monthly(Number(query.from!.slice(0, 4))) : s.appendix.yearOverYear(year, compare),
          ),
          description: s.metric[query.metric],
          sql: query.sql,
        })),
      },
    },
    words: { contents: s.contents, query: s.query, queries: s.queries, seeAppendix: s.seeAppendix, noData: s.noData },
  };
}
