import { Programme } from '../../schema/enums/programme.enum.js';
import type { Segment } from '../../schema/enums/segment.enum.js';
import { monthlyContributionExact } from '../../schema/reference/contribution-rates.js';

/** What one enrolment costs its sponsor per month, from the programme rates (JKP has no contribution). */
export function monthlyCost(
  segment: Segment,
  programmes: readonly Programme[],
  income: bigint,
  year: number,
  industry = 'LAINNYA',
): bigint {
  let total = 0n;
  for (const p of programmes) {
    if (p === Programme.JKP) continue;
    // In bigint throughout: Number(9223372036854775807n) is 9223372036854775808, and its JKK 92233720368554560.
    total += monthlyContributionExact(segment, p, income, year, industry);
  }
  return total;
}

/** Months from the month of `from` to the month of `to`, both included (0 when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return Math.max(0, months);
}

export function addMonth(isoMonthStart: string): string {
  const y = Number(isoMonthStart.slice(0, 4));
  const m = Number(isoMonthStart.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** "Rp 18.000.000.000", for messages that people read. */
export function formatRupiah(amount: bigint): string {
  return rupiah.format(amount).replace(/\u00a0/g, ' ');
}
