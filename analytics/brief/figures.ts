import { SPONSORED_MONTHLY_MINIMUM } from '../../schema/reference/contribution-rates.js';
import type { MetricComparison } from '../metrics/metric-queries.js';
import type { Column } from './brief-document.type.js';
import { COMMON, type CommonStrings, type Direction } from './common.strings.js';
import type { BriefPeriod, Comparison } from './named-query.js';
import {
  formatChange,
  formatChangePct,
  formatFrom,
  formatPercent,
  formatPoints,
  formatValue,
  isTinyBase,
  scaled,
  type FigureUnit,
  type Lang,
} from './number-format.js';

/**
 * A comparison's figures as one language prints them (value, change, change in words, table cells),
 * and the small rules sections share for reading an answer: a missing group, the payer order.
 */

const EMPTY: MetricComparison = { key: '', label: null, value: null, prior: null, change: null, changePct: null };

/** One group of an answer; an empty one when the data has none, so a sentence can say "no data". */
export const group = (c: Comparison, key: string): MetricComparison => c.groups.find((g) => g.key === key) ?? { ...EMPTY, key };

/** Groups in the order of `keys` (another answer's), any others after them. */
const byKeyOrder = (groups: MetricComparison[], keys: string[]) => {
  const rank = (key: string) => (keys.includes(key) ? keys.indexOf(key) : keys.length);
  return [...groups].sort((a, b) => rank(a.key) - rank(b.key));
};

/** Tables by payer read in one order: the regency first, then CSR, employers, self-paid. */
const SPONSOR_KINDS = ['REGENCY_BUDGET', 'COMPANY_CSR', 'EMPLOYER', 'SELF'];
export const bySponsorKind = (groups: MetricComparison[]) => byKeyOrder(groups, SPONSOR_KINDS);

/** `a - b` for one-decimal strings, exactly, as a one-decimal string. */
export function subtractTenths(a: string, b: string): string {
  const d = scaled(a, 1) - scaled(b, 1);
  const m = d < 0n ? -d : d;
  return `${d < 0n ? '-' : ''}${m / 10n}.${m % 10n}`;
}

/** A figure as a chart's geometry: only the drawing uses a float, never a printed number. */
export const geometry = (value: string | null): number | null => (value === null ? null : Number(value));

export function direction(c: MetricComparison): Direction {
  if (c.value === null) return 'none';
  if (c.prior === null || c.change === null || c.changePct === null) return 'new';
  const change = scaled(c.change, 1);
  return change > 0n ? 'up' : change < 0n ? 'down' : 'same';
}

export class Figures {
  readonly common: CommonStrings;

  constructor(
    readonly period: BriefPeriod,
    readonly lang: Lang,
  ) {
    this.common = COMMON[lang];
  }

  /** Short money in prose ("Rp 18 miliar"), full in tables. */
  value(v: string | null, unit: FigureUnit): string {
    return formatValue(v, unit, this.lang);
  }

  /** "naik Rp 3 miliar (+20,0%) dari Rp 15 miliar pada 2022"; from a tiny base "naik dari Rp 5,8 juta pada 2022 menjadi Rp 4,5 miliar". */
  words(c: MetricComparison, unit: FigureUnit): string {
    const amount =
      c.change === null
        ? ''
        : unit === 'PERCENT'
          ? formatPoints(c.change.replace(/^-/, ''), this.lang, false)
          : formatValue(c.change.replace(/^-/, ''), unit, this.lang);
    const tiny = unit !== 'PERCENT' && isTinyBase(c);
    const pct = unit === 'PERCENT' || c.changePct === null || tiny ? '' : formatPercent(c.changePct, this.lang, true);
    const prior = formatValue(c.prior, unit, this.lang);
    const value = tiny ? formatValue(c.value, unit, this.lang) : undefined;
    return this.common.changeWords({ direction: direction(c), amount, pct, prior, value, compare: this.period.compare });
  }

  /** "+Rp 3 miliar (+20,0%)", "+7,0 poin", "baru"; from a tiny base "+Rp 4,5 miliar (dari Rp 5,8 juta menjadi Rp 4,5 miliar)". */
  change(c: MetricComparison, unit: FigureUnit): string {
    const d = direction(c);
    if (d === 'none' || d === 'new' || unit === 'PERCENT') return formatChange(c, unit, this.lang);
    return `${formatChange(c, unit, this.lang)} (${formatChangePct(c, this.lang, unit)})`;
  }

  /** "+7,0 poin" or "baru": a percentage's change, in points. */
  points(c: MetricComparison): string {
    return formatChange(c, 'PERCENT', this.lang);
  }

  /** "+20,0%" or "baru" (words from a tiny base, in `unit`). */
  pct(c: MetricComparison, unit: FigureUnit): string {
    return formatChangePct(c, this.lang, unit);
  }

  /** The change of the headline's kind: "+20,0%" unsigned, or "dari Rp 5,8 juta" from a tiny base; empty with no prior. */
  headlinePct(c: MetricComparison, unit: FigureUnit): string {
    if (c.changePct === null) return '';
    if (isTinyBase(c)) return formatFrom(c, unit, this.lang);
    return formatPercent(c.changePct.replace(/^-/, ''), this.lang);
  }

  /** Year, prior, change, change % cells of a comparison row. */
  cells(c: MetricComparison, unit: FigureUnit): string[] {
    return [this.value(c.value, unit), this.value(c.prior, unit), formatChange(c, unit, this.lang), formatChangePct(c, this.lang, unit)];
  }

  yoyColumns(first: string): Column[] {
    const { year, compare } = this.period;
    return [
      { label: first, numeric: false },
      { label: String(year), numeric: true },
      { label: String(compare), numeric: true },
      { label: this.common.change, numeric: true },
      { label: this.common.changePct, numeric: true },
    ];
  }

  /** The two years as chart series, the earlier first. */
  series(): string[] {
    return [String(this.period.compare), String(this.period.year)];
  }
}

/** The minimum a regency pays for one vulnerable worker a month (JKK Rp 10.000 + JKM Rp 6.800), and for a year. */
export const MINIMUM_MONTHLY_CONTRIBUTION = BigInt(SPONSORED_MONTHLY_MINIMUM);
export const MINIMUM_YEARLY_CONTRIBUTION = MINIMUM_MONTHLY_CONTRIBUTION * 12n;
