import { Programme } from '../schema/enums/programme.enum.js';
import { JP_WAGE_CEILING } from '../schema/reference/contribution-rates.js';
import { dayOf, toDay, yearOf } from './dates.js';
import type { ClaimDraft, EnrolmentPlan, PayoutGroup } from './plan.types.js';
import type { Random } from './random.js';
import { FIRST_PERIOD } from './calibration.js';

export interface ClaimContext {
  rng: Random;
  today: number;
}

const JKM_BENEFIT = 42_000_000;
const SCHOLARSHIP_TRANCHE = 1_500_000;
const JKP_WAGE_CAP = 5_000_000;
const JP_START = toDay('2015-07-01');
const JKP_START = toDay('2022-02-01');

/** Work accidents at `ratePerYear` over the covered years; `anchor` forces one in 2022. */
export function accidentClaims(
  ctx: ClaimContext,
  e: EnrolmentPlan,
  group: PayoutGroup,
  ratePerYear: number,
  anchor: boolean,
): ClaimDraft[] {
  const claims: ClaimDraft[] = [];
  const from = Math.max(e.start, toDay(FIRST_PERIOD));
  const to = Math.min(e.end ?? ctx.today, ctx.today);
  for (let year = yearOf(from); year <= yearOf(to); year++) {
    const forced = anchor && year === 2022;
    if (!forced && !ctx.rng.chance(ratePerYear)) continue;
    const lo = Math.max(from, forced ? dayOf(2022, 3, 1) : dayOf(year, 1, 1));
    const hi = Math.min(to, forced ? dayOf(2022, 9, 30) : dayOf(year, 12, 31));
    if (hi < lo) continue;
    const incident = ctx.rng.int(lo, hi);
    const submitted = incident + ctx.rng.int(3, 30);
    if (submitted > ctx.today) continue;
    const serious = ctx.rng.chance(0.15);
    const median = e.segment === 'BPU' ? (serious ? 15_000_000 : 2_000_000) : serious ? 60_000_000 : 6_000_000;
    const amount = Math.round(ctx.rng.logNormal(median, 0.5) / 1000) * 1000;
    claims.push({ enrolmentId: e.id, programme: Programme.JKK, incident, submitted, amount, group, anchor2022: forced });
  }
  return claims;
}

/** What leaving brings: JKM on death; JHT and JP balances; JKP after a lay-off. */
export function claimsForExit(ctx: ClaimContext, e: EnrolmentPlan, group: PayoutGroup, anchor = false): ClaimDraft[] {
  if (e.end === null || e.exit === 'ONGOING' || e.exit === 'LAPSED') return [];
  const end = e.end;
  const months = Math.max(1, Math.round((end - e.start) / 30.44));
  const claims: ClaimDraft[] = [];
  const add = (programme: Programme, amount: number, minDelay: number, maxDelay: number) => {
    if (!e.programmes.includes(programme) || amount <= 0) return;
    const submitted = end + ctx.rng.int(minDelay, maxDelay);
    if (submitted > ctx.today) return;
    claims.push({ enrolmentId: e.id, programme, incident: end, submitted, amount, group, anchor2022: anchor });
  };
  if (e.exit === 'DIED') {
    const children = months >= 36 ? ctx.rng.int(0, 2) : 0;
    add(Programme.JKM, JKM_BENEFIT + children * SCHOLARSHIP_TRANCHE, 7, 60);
  }
  // JHT balance: 5.7% of wage a month plus development returns of about 5.5% a year.
  const jht = Math.round(0.057 * e.income * months * (1 + 0.0275 * (months / 12)));
  add(Programme.JHT, jht, 31, 90);
  if (e.exit === 'RETIRED' || e.exit === 'DIED') {
    // Fewer than 15 years of JP membership (JP began July 2015): paid as a lump sum.
    const jpMonths = Math.max(0, Math.round((end - Math.max(e.start, JP_START)) / 30.44));
    const ceiling = JP_WAGE_CEILING[yearOf(end)] ?? JP_WAGE_CEILING[2026]!;
    add(Programme.JP, Math.round(0.03 * Math.min(e.income, ceiling) * jpMonths * 1.1), 31, 90);
  }
  if (e.exit === 'LAID_OFF' && end >= JKP_START && months >= 12) {
    // 45% of wage for three months, then 25% for three, on wages capped at Rp 5 juta.
    add(Programme.JKP, Math.round(2.1 * Math.min(e.income, JKP_WAGE_CAP)), 10, 60);
  }
  return claims;
}
