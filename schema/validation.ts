import { BudgetKind } from './enums/budget-kind.enum.js';
import { PROGRAMMES_CLOSED_TO_BPU, Programme } from './enums/programme.enum.js';
import { Segment } from './enums/segment.enum.js';
import { Sex } from './enums/sex.enum.js';
import { ValidationError } from './errors.js';
import { isProvinceCode, levelOfCode } from './reference/regions.js';

/**
 * The one validation module: every entry path (CSV import, API, seed) checks input here.
 * Each check throws a ValidationError naming the field and the rule; the database repeats
 * the essential rules as constraints.
 */

export const RUPIAH_MAX = 9_223_372_036_854_775_807n; // PostgreSQL BIGINT

export interface NikParts {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: Sex;
  serial: string;
}

/**
 * NIK: province (2) + regency (2) + district (2) + DDMMYY with day + 40 for women + serial
 * (4, from 0001). The prefix is where the NIK was issued, so it is never compared with the
 * worker's current address. With `expected`, sex and birth date must agree with the record.
 */
export function parseNik(field: string, raw: string, expected?: { sex?: Sex; birthDate?: string }): NikParts {
  const nik = raw.trim();
  if (!/^[0-9]{16}$/.test(nik)) throw new ValidationError(field, 'NIK must be exactly 16 digits');
  const provinceCode = nik.slice(0, 2);
  if (!isProvinceCode(provinceCode)) {
    throw new ValidationError(field, `NIK starts with ${provinceCode}, which is not a Kemendagri province code`);
  }
  const encodedDay = Number(nik.slice(6, 8));
  const sex = encodedDay > 40 ? Sex.P : Sex.L;
  const day = sex === Sex.P ? encodedDay - 40 : encodedDay;
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);
  if (serial === '0000') throw new ValidationError(field, 'NIK serial (last 4 digits) starts at 0001');

  let year: number;
  if (expected?.birthDate !== undefined && Number(expected.birthDate.slice(2, 4)) === yy) {
    // Only the century comes from the record: day and month must still be the NIK's own.
    year = Number(expected.birthDate.slice(0, 4));
  } else {
    // Two-digit year: the most recent century that does not put the birth in the future.
    const thisYear = new Date().getUTCFullYear();
    year = (2000 + yy > thisYear ? 1900 : 2000) + yy;
  }
  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  if (!isRealDate(birthDate.slice(0, 4), month, day)) {
    throw new ValidationError(field, `NIK digits 7-12 (${nik.slice(6, 12)}) are not a real birth date DDMMYY (day + 40 for women)`);
  }
  if (expected?.birthDate !== undefined && expected.birthDate !== birthDate) {
    throw new ValidationError(
      field,
      `NIK encodes birth date ${pad2(day)}-${pad2(month)}-${pad2(yy)}, which does not match birth_date ${expected.birthDate}`,
    );
  }
  if (expected?.sex !== undefined && expected.sex !== sex) {
    throw new ValidationError(
      field,
      `NIK day ${pad2(encodedDay)} encodes sex ${sex} (women have day + 40), which does not match sex ${expected.sex}`,
    );
  }
  return { provinceCode, regencyCode: nik.slice(2, 4), districtCode: nik.slice(4, 6), birthDate, sex, serial };
}

/** Whole, non-negative rupiah within BIGINT. Accepts digits (string), a safe integer, or a bigint. */
export function parseRupiah(field: string, raw: string | number | bigint): bigint {
  let value: bigint;
  if (typeof raw === 'bigint') {
    value = raw;
  } else if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) throw new ValidationError(field, 'amount must be whole rupiah (no fraction) within the safe range');
    value = BigInt(raw);
  } else {
    const text = raw.trim();
    if (text === '') throw new ValidationError(field, 'amount is required');
    if (/^-/.test(text)) throw new ValidationError(field, 'amount must not be negative');
    if (/[.,]/.test(text)) throw new ValidationError(field, 'amount must be whole rupiah digits, without separators or fractions');
    if (!/^[0-9]+$/.test(text)) throw new ValidationError(field, 'amount must be whole rupiah digits');
    value = BigInt(text);
  }
  if (value < 0n) throw new ValidationError(field, 'amount must not be negative');
  if (value > RUPIAH_MAX) throw new ValidationError(field, 'amount exceeds the BIGINT range');
  return value;
}

/** ISO calendar date YYYY-MM-DD between 1900 and 2100. */
export function parseDate(field: string, raw: string): string {
  const text = raw.trim();
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) throw new ValidationError(field, 'date must be ISO YYYY-MM-DD');
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (!isRealDate(y, Number(mo), Number(d))) throw new ValidationError(field, `${text} is not a real calendar date`);
  if (Number(y) < 1900 || Number(y) > 2100) throw new ValidationError(field, 'date must be between 1900 and 2100');
  return text;
}

export function parseOptionalDate(field: string, raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null || raw.trim() === '') return null;
  return parseDate(field, raw);
}

/** Contribution month YYYY-MM, stored as the first day of the month. */
export function parsePeriod(field: string, raw: string): string {
  const text = raw.trim();
  const m = /^([0-9]{4})-([0-9]{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new ValidationError(field, 'period must be a month YYYY-MM');
  return `${text}-01`;
}

export function parseYear(field: string, raw: string | number): number {
  const text = String(raw).trim();
  if (!/^[0-9]{4}$/.test(text) || Number(text) < 2000 || Number(text) > 2100) {
    throw new ValidationError(field, 'year must be four digits between 2000 and 2100');
  }
  return Number(text);
}

export function parseCount(field: string, raw: string | number): number {
  const text = String(raw).trim();
  if (!/^[0-9]+$/.test(text) || Number(text) > 2_147_483_647) {
    throw new ValidationError(field, 'must be a whole, non-negative number');
  }
  return Number(text);
}

export function parseEnum<E extends Record<string, string>>(field: string, raw: string, values: E): E[keyof E] {
  const text = raw.trim().toUpperCase();
  const allowed = Object.values(values);
  if (!allowed.includes(text)) throw new ValidationError(field, `must be one of ${allowed.join(', ')}`);
  return text as E[keyof E];
}

export function parseBoolean(field: string, raw: string | boolean): boolean {
  if (typeof raw === 'boolean') return raw;
  const text = raw.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new ValidationError(field, 'must be true or false');
}

export function parseRequiredText(field: string, raw: string | undefined, maxLength = 200): string {
  const text = (raw ?? '').trim();
  if (text === '') throw new ValidationError(field, 'is required');
  if (text.length > maxLength) throw new ValidationError(field, `must be at most ${maxLength} characters`);
  return text;
}

/** Indonesian phone number: 08…, 62… or +62…, 10 to 15 digits; stored as +62…. */
export function parseOptionalPhone(field: string, raw: string | undefined | null): string | null {
  const text = (raw ?? '').replace(/[\s-]/g, '');
  if (text === '') return null;
  const m = /^(?:\+62|62|0)(8[0-9]{7,12})$/.exec(text);
  if (!m) throw new ValidationError(field, 'phone must be an Indonesian number like 0812… or +62812…');
  return `+62${m[1]}`;
}

/** Kemendagri kecamatan code like 64.02.06. */
export function parseKecamatanCode(field: string, raw: string): string {
  const text = raw.trim();
  if (!/^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/.test(text)) throw new ValidationError(field, 'kecamatan code must look like 64.02.06');
  return text;
}

/** Kemendagri code at any level: 64, 64.02, 64.02.06 or 64.02.06.2001 (whether it exists is the caller's lookup). */
export function parseRegionCode(field: string, raw: string): string {
  const text = raw.trim();
  if (levelOfCode(text) === null) throw new ValidationError(field, 'region code must look like 64, 64.02, 64.02.06 or 64.02.06.2001');
  return text;
}

/** `JKK;JKM`: a non-empty set of programmes, duplicates removed, in canonical order. */
export function parseProgrammes(field: string, raw: string): Programme[] {
  const parts = raw
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) throw new ValidationError(field, 'at least one programme is required (e.g. JKK;JKM)');
  const chosen = new Set(parts.map((p) => parseEnum(field, p, Programme)));
  return Object.values(Programme).filter((p) => chosen.has(p));
}

/** BPU members cannot join JP, and JKP needs an employer. */
export function checkProgrammesAllowed(field: string, segment: Segment, programmes: readonly Programme[]): void {
  if (segment !== Segment.BPU) return;
  const closed = programmes.filter((p) => PROGRAMMES_CLOSED_TO_BPU.includes(p));
  if (closed.length > 0) {
    throw new ValidationError(
      field,
      `${closed.join(' and ')} not open to BPU (informal) members: JP needs wage-earner status and JKP an employer`,
    );
  }
}

export function parseBudgetKind(field: string, raw: string): BudgetKind {
  return parseEnum(field, raw, BudgetKind);
}

function isRealDate(year: string, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(Number(year), month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL can store and every client can read: no NUL (U+0000, which a `text` column
 * refuses) and no unpaired UTF-16 surrogate (which is not Unicode and breaks UTF-8 encoders).
 */
export function checkText(field: string, text: string): string {
  if (text.includes('\u0000')) throw new ValidationError(field, 'must not contain NUL characters (U+0000)');
  if (LONE_SURROGATE.test(text)) {
    throw new ValidationError(field, 'contains an unpaired UTF-16 surrogate (half of a character): send valid Unicode text');
  }
  return text;
}

// The plausible ranges per field are part of this module; they live beside it to keep each file short.
export * from './plausible-ranges.js';
