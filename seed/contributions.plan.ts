import { Programme } from '../schema/enums/programme.enum.js';
import { monthlyContribution } from '../schema/reference/contribution-rates.js';
import { FIRST_PERIOD } from './calibration.js';
import { addMonths, monthStart, toDay, yearOf } from './dates.js';
import type { EnrolmentPlan } from './plan.types.js';
import { isRegencyBudgetCode, SELF_PAID_CODE } from './population.js';
import { Random } from './random.js';

const PAYMENT_DAY_STREAM = 55;

/** Dates are day numbers (seed/dates.ts): the binary COPY writes them as they are, with no string in between. */
export interface ContributionRow {
  period: number;
  programme: Programme;
  amount: number;
  paidDate: number;
}

/**
 * Every month an enrolment covers from the start of the records (November 2021), paid by
 * today: a regency (its APBD) pays on the 10th, CSR sponsors on the 15th, employers on the 10th of the
 * following month, self-paid members on their own day of the month.
 */
export function* contributionsFor(e: EnrolmentPlan, seed: number, today: number): Generator<ContributionRow> {
  const paidOffset = isRegencyBudgetCode(e.sponsorCode)
    ? (period: number) => period + 9
    : e.sponsorCode.startsWith('CSR-')
      ? (period: number) => period + 14
      : e.sponsorCode === SELF_PAID_CODE
        ? (
            (day) => (period: number) =>
              period + day
          )(new Random(seed, PAYMENT_DAY_STREAM, e.id).int(0, 19))
        : (period: number) => addMonths(period, 1) + 9;
  const last = monthStart(Math.min(e.end ?? today, today));
  const programmes = e.programmes.filter((p) => p !== Programme.JKP);
  for (let period = Math.max(monthStart(e.start), toDay(FIRST_PERIOD)); period <= last; period = addMonths(period, 1)) {
    const paid = paidOffset(period);
    if (paid > today) break;
    const year = yearOf(period);
    for (const programme of programmes) {
      yield {
        period,
        programme,
        amount: monthlyContribution(e.segment, programme, e.income, year, e.industry),
        paidDate: paid,
      };
    }
  }
}
