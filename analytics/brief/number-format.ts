import { PROGRAMME_TIME_ZONE } from '../../platform/dates.js';

/**
 * Numbers as a brief prints them, in Indonesian (the default) or English. Inputs are the exact
 * decimal strings the metrics return ("54307662320", "20.0", "-3.6"); all arithmetic is on BigInt,
 * so a rupiah is never rounded through a float, not even for the short form ("Rp 5,8 juta").
 * Spaces inside a figure are U+00A0, as Intl's own "Rp 54.307.662.320" has, so a printed line never
 * breaks between "Rp" and its number.
 */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const NBSP = '\u00a0';
const DECIMAL_MARK: Record<Lang, string> = { id: ',', en: '.' };
const SCALES: Record<Lang, Array<[bigint, string]>> = {
  id: [
    [10n ** 12n, 'triliun'],
    [10n ** 9n, 'miliar'],
    [10n ** 6n, 'juta'],
  ],
  en: [
    [10n ** 12n, 'trillion'],
    [10n ** 9n, 'billion'],
    [10n ** 6n, 'million'],
  ],
};
const NEW: Record<Lang, string> = { id: 'baru', en: 'new' };
const POINTS: Record<Lang, string> = { id: 'poin', en: 'pts' };
/** Shown where a year has no value at all (no budget, no labour-force figure). */
export const NO_VALUE = '–';

const grouping = new Map<Lang, Intl.NumberFormat>();
function groupDigits(n: bigint, lang: Lang): string {
  let format = grouping.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0, useGrouping: true });
    grouping.set(lang, format);
  }
  return format.format(n);
}

/** A decimal string as an integer count of 10^-digits, rounded half away from zero. */
export function scaled(value: string | bigint, digits: number): bigint {
  if (typeof value === 'bigint') return value * 10n ** BigInt(digits);
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new Error(`not a decimal number: ${JSON.stringify(value)}`);
  const negative = match[1] === '-';
  const fraction = match[3] ?? '';
  const kept = BigInt((match[2] || '0') + fraction.slice(0, digits).padEnd(digits, '0'));
  const roundUp = fraction.length > digits && fraction.charCodeAt(digits) >= 53; // '5'
  const magnitude = roundUp ? kept + 1n : kept;
  return negative ? -magnitude : magnitude;
}

/** A whole value (rupiah, count) as BigInt; a decimal string is rounded half away from zero. */
export const whole = (value: string | bigint): bigint => scaled(value, 0);

const abs = (n: bigint) => (n < 0n ? -n : n);
const sign = (n: bigint, signed: boolean) => (n < 0n ? '-' : signed && n > 0n ? '+' : '');

/** `tenths` (an integer count of 0.1) with one decimal, or none when `dropZero` and it is ".0". */
function tenthsText(tenths: bigint, lang: Lang, dropZero: boolean): string {
  const a = abs(tenths);
  const fraction = a % 10n;
  const integer = groupDigits(a / 10n, lang);
  return dropZero && fraction === 0n ? integer : `${integer}${DECIMAL_MARK[lang]}${fraction}`;
}

/** "51.000" / "51,000"; with `signed`, "+5.000". */
export function formatCount(value: string | bigint, lang: Lang, signed = false): string {
  const n = whole(value);
  return `${sign(n, signed)}${groupDigits(abs(n), lang)}`;
}

/** "Rp 54.307.662.320" / "Rp 54,307,662,320"; with `signed`, "+Rp 3.000.000.000". */
export function formatRupiah(value: string | bigint, lang: Lang, signed = false): string {
  const n = whole(value);
  return `${sign(n, signed)}Rp${NBSP}${groupDigits(abs(n), lang)}`;
}

/**
 * "Rp 18 miliar", "Rp 5,8 juta", "Rp 18 billion": the largest scale the amount reaches, one decimal
 * at most, rounded half up (Rp 950.000.000 reads "Rp 950 juta"; Rp 999.960.000 rounds to 1.000,0 juta
 * and so reads "Rp 1 miliar"); under a million the full figure ("Rp 201.600").
 */
export function formatRupiahShort(value: string | bigint, lang: Lang, signed = false): string {
  const n = whole(value);
  const a = abs(n);
  const scales = SCALES[lang];
  const i = scales.findIndex(([unit]) => a >= unit);
  if (i < 0 && a < 999_950n) return formatRupiah(n, lang, signed);
  let [unit, word] = scales[i < 0 ? scales.length - 1 : i]!;
  let tenths = (a * 20n + unit) / (2n * unit);
  const larger = scales[(i < 0 ? scales.length - 1 : i) - 1];
  if (tenths >= 10_000n && larger) {
    [unit, word] = larger;
    tenths = (a * 20n + unit) / (2n * unit);
  }
  return `${sign(n, signed)}Rp${NBSP}${tenthsText(tenths, lang, true)}${NBSP}${word}`;
}

/** "20,0%" / "20.0%" from a one-decimal string; with `signed`, "+20,0%". */
export function formatPercent(value: string, lang: Lang, signed = false): string {
  const tenths = scaled(value, 1);
  return `${sign(tenths, signed)}${tenthsText(tenths, lang, false)}%`;
}

/** A change in percentage points: "+7,0 poin" / "+7.0 pts". */
export function formatPoints(value: string, lang: Lang, signed = true): string {
  const tenths = scaled(value, 1);
  return `${sign(tenths, signed)}${tenthsText(tenths, lang, false)}${NBSP}${POINTS[lang]}`;
}

export type FigureUnit = 'RUPIAH' | 'RUPIAH_SHORT' | 'COUNT' | 'PERCENT';

/** A value in its unit; NO_VALUE for null. */
export function formatValue(value: string | null, unit: FigureUnit, lang: Lang, signed = false): string {
  if (value === null) return NO_VALUE;
  switch (unit) {
    case 'RUPIAH':
      return formatRupiah(value, lang, signed);
    case 'RUPIAH_SHORT':
      return formatRupiahShort(value, lang, signed);
    case 'COUNT':
      return formatCount(value, lang, signed);
    case 'PERCENT':
      return formatPercent(value, lang, signed);
  }
}

/** The parts of a year-over-year comparison a change needs (a metric's MetricComparison has them). */
export interface ChangeFigures {
  value: string | null;
  prior: string | null;
  change: string | null;
  changePct: string | null;
}

/**
 * The absolute change, signed ("+Rp 3 miliar", "-464", "+7,0 poin" for a percentage), or "baru"/"new"
 * when the prior year has no value; NO_VALUE when this year has none.
 */
export function formatChange(c: ChangeFigures, unit: FigureUnit, lang: Lang): string {
  if (c.value === null) return NO_VALUE;
  if (c.prior === null || c.change === null) return NEW[lang];
  return unit === 'PERCENT' ? formatPoints(c.change, lang) : formatValue(c.change, unit, lang, true);
}

/**
 * A change of more than 1.000% (the value over eleven times the prior) says more about the tiny
 * prior than about the change: "+113.888,6%" tells a reader nothing "from Rp 115.880 to Rp 132,1
 * juta" does not tell better. Such a change prints as its two figures, in tables, prose and key
 * figures alike (the limits section states the rule).
 */
export const TINY_BASE_PCT = 1000;

export const isTinyBase = (c: ChangeFigures): boolean =>
  c.value !== null && c.changePct !== null && abs(scaled(c.changePct, 1)) > BigInt(TINY_BASE_PCT * 10);

const FROM: Record<Lang, string> = { id: 'dari', en: 'from' };
const TO: Record<Lang, string> = { id: 'menjadi', en: 'to' };
const shortUnit = (unit: FigureUnit): FigureUnit => (unit === 'RUPIAH' ? 'RUPIAH_SHORT' : unit);

/** "dari Rp 115.880" / "from Rp 115,880": the prior of a change from a tiny base, money short. */
export const formatFrom = (c: ChangeFigures, unit: FigureUnit, lang: Lang): string =>
  `${FROM[lang]} ${formatValue(c.prior, shortUnit(unit), lang)}`;

/** "dari Rp 115.880 menjadi Rp 132,1 juta" / "from … to …". */
export const formatFromTo = (c: ChangeFigures, unit: FigureUnit, lang: Lang): string =>
  `${formatFrom(c, unit, lang)} ${TO[lang]} ${formatValue(c.value, shortUnit(unit), lang)}`;

/**
 * The percentage change, signed ("+20,0%"), or "baru"/"new" when the prior is missing or zero; from a
 * tiny base (`isTinyBase`) the two figures in words, in `unit` (a plain number without one).
 */
export function formatChangePct(c: ChangeFigures, lang: Lang, unit: FigureUnit = 'COUNT'): string {
  if (c.value === null) return NO_VALUE;
  if (c.changePct === null) return NEW[lang];
  if (isTinyBase(c)) return formatFromTo(c, unit, lang);
  return formatPercent(c.changePct, lang, true);
}

/** Whether the comparison has a usable prior year (not missing, not zero). */
export const hasPrior = (c: ChangeFigures): boolean => c.value !== null && c.changePct !== null;

/** "31 Desember 2023" / "31 December 2023" from an ISO date. */
export function formatDate(isoDate: string, lang: Lang): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A timestamp as DuckDB prints it ("2026-11-27 00:24:23.089+00") in Kutai Kartanegara's time
 * (WITA, Asia/Makassar): "27 November 2026 pukul 08.24 WITA".
 */
export function formatTimestamp(value: string, lang: Lang): string {
  const iso = value
    .trim()
    .replace(' ', 'T')
    .replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return value;
  const text = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: PROGRAMME_TIME_ZONE }).format(date);
  return `${text} WITA`;
}

/** Full month names for prose: "Juni" / "June". */
export function monthName(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** Short month names for a chart axis: "Jan" … "Des" / "Dec". */
export function monthLabel(month: number, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** Whole-rupiah ratio rounded half up (the marts' rule for cost per worker), or null for a zero divisor. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n;
  const q = (2n * abs(numerator) + abs(denominator)) / (2n * abs(denominator));
  return negative ? -q : q;
}

/** An axis tick of a chart (geometry, not a reported figure): at most one decimal. */
export function formatAxis(value: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(Number.isFinite(value) ? value : 0);
}
