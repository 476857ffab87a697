import { ValidationError } from './errors.js';

/**
 * Part of the one validation module (schema/validation.ts re-exports it): the plausible range of
 * each field the API and the import accept.
 */

/**
 * Plausible ranges, per field. A value outside them is a typo or an attack, never a real case,
 * and once stored it would distort every sum the dashboards and briefs print.
 */
export const RANGES = {
  /**
   * Rp 10 miliar per claim: the largest real benefits are JHT balances, and a worker paying 5.7 %
   * of a Rp 100 juta wage for 40 years with interest holds about Rp 5 miliar; JKM pays Rp 42 juta.
   */
  claimAmountMax: 10_000_000_000n,
  /** Rp 1 miliar a month of wage or declared income: far above any BPJS wage ceiling or PU payroll in Kukar. */
  declaredIncomeMax: 1_000_000_000n,
  /** Rp 10 triliun for one sponsor's year: Kukar's whole APBD is about Rp 12 triliun; its JKM/JKK line Rp 15-18 miliar. */
  budgetAmountMax: 10_000_000_000_000n,
  /** ASTEK, the programme's predecessor, began in 1977 (PP 33/1977): no coverage, incident or payment before it. */
  programmeStart: '1977-01-01',
  /** Minimum age of employment (UU 13/2003, ILO C138 as ratified: 15): no one is enrolled or registered younger. */
  minimumWorkingAge: 15,
  /** Oldest plausible worker at registration. */
  maximumAge: 120,
  /** An enrolment may be entered ahead of its start (PENDING), by at most a year. */
  enrolmentLeadDays: 366,
} as const;

function checkAmountAtMost(field: string, amount: bigint, max: bigint, what: string): bigint {
  if (amount > max)
    throw new ValidationError(field, `${what} must be at most ${max} rupiah (${describeRupiah(max)}); ${amount} is not plausible`);
  return amount;
}

function describeRupiah(amount: bigint): string {
  if (amount % 1_000_000_000_000n === 0n) return `Rp ${amount / 1_000_000_000_000n} triliun`;
  if (amount % 1_000_000_000n === 0n) return `Rp ${amount / 1_000_000_000n} miliar`;
  return `Rp ${amount}`;
}

export function checkClaimAmount(field: string, amount: bigint): bigint {
  return checkAmountAtMost(field, amount, RANGES.claimAmountMax, 'a claim amount');
}

export function checkDeclaredIncome(field: string, amount: bigint): bigint {
  return checkAmountAtMost(field, amount, RANGES.declaredIncomeMax, 'a monthly wage or declared income');
}

export function checkBudgetAmount(field: string, amount: bigint): bigint {
  return checkAmountAtMost(field, amount, RANGES.budgetAmountMax, 'a budget allocation');
}

/** A date of the programme's own history: from 1977 (ASTEK) up to `today` (both ISO YYYY-MM-DD). */
export function checkPastDate(field: string, date: string, today: string): string {
  if (date < RANGES.programmeStart)
    throw new ValidationError(field, `must not be before ${RANGES.programmeStart} (the programme began in 1977)`);
  if (date > today) throw new ValidationError(field, `must not be after today (${today})`);
  return date;
}

/** A birth date making the worker of working age today and not older than a person lives. */
export function checkBirthDate(field: string, birthDate: string, today: string): string {
  if (birthDate > shiftYears(today, -RANGES.minimumWorkingAge)) {
    throw new ValidationError(field, `the worker must be at least ${RANGES.minimumWorkingAge} years old (the minimum working age)`);
  }
  if (birthDate < shiftYears(today, -RANGES.maximumAge))
    throw new ValidationError(field, `the worker cannot be over ${RANGES.maximumAge} years old`);
  return birthDate;
}

/** Coverage starts from 1977, once the worker is of working age, and at most a year ahead. */
export function checkEnrolmentStart(field: string, startDate: string, birthDate: string, today: string): string {
  if (startDate < RANGES.programmeStart)
    throw new ValidationError(field, `must not be before ${RANGES.programmeStart} (the programme began in 1977)`);
  const workingAge = shiftYears(birthDate, RANGES.minimumWorkingAge);
  if (startDate < workingAge) {
    throw new ValidationError(
      field,
      `must not be before ${workingAge}, when the worker (born ${birthDate}) reaches the working age of ${RANGES.minimumWorkingAge}`,
    );
  }
  const latest = shiftDays(today, RANGES.enrolmentLeadDays);
  if (startDate > latest) throw new ValidationError(field, `must not be more than a year ahead (after ${latest})`);
  return startDate;
}

/**
 * A contribution month, or the date a sponsor pays it: from 1977, and at most a year ahead (a
 * regency may pay next month's contributions in advance, never a decade's).
 */
export function checkContributionDate(field: string, date: string, today: string): string {
  if (date < RANGES.programmeStart) throw new ValidationError(field, 'must not be before 1977 (the programme began in 1977)');
  const latest = shiftDays(today, RANGES.enrolmentLeadDays);
  if (date > latest) throw new ValidationError(field, `must not be more than a year ahead (after ${latest})`);
  return date;
}

function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  // 29 February shifted to a common year is 28 February: the birthday that year.
  const leap = new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1;
  const md = iso.slice(5) === '02-29' && !leap ? '02-28' : iso.slice(5);
  return `${String(y).padStart(4, '0')}-${md}`;
}

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
