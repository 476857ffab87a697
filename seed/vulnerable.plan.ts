import { Programme } from '../schema/enums/programme.enum.js';
import { Segment } from '../schema/enums/segment.enum.js';
import * as C from './calibration.js';
import { accidentClaims, claimsForExit } from './claims.plan.js';
import { dayOf, toDay } from './dates.js';
import { Cohort, type ExitReason, type WorkerPlan } from './plan.types.js';
import { birthForAge, claimContext, type Ctx, enrolment, newWorker, REGENCY_CODE, scaled } from './population.context.js';
import { Random } from './random.js';

/** Kukar's list size in a year (calibration.ts). */
const kukarList = (year: number) => C.SPONSORED_LIST[year] ?? C.SPONSORED_LIST[2026]!;

/**
 * (entry year, exit year, count) groups giving exactly a regency's list size each year from
 * `firstYear`: Kukar's by default, another regency's with its own list and start.
 */
export function vulnerableGroups(
  scale: number,
  lastYear: number,
  listSize: (year: number) => number = kukarList,
  firstYear = 2021,
): Array<{ entry: number; exit: number; count: number }> {
  const groups: Array<{ entry: number; exit: number; count: number }> = [];
  let present: Array<{ entry: number; count: number }> = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const list = scaled(listSize(year), scale);
    const carried = present.reduce((s, c) => s + c.count, 0);
    if (list > carried) present.push({ entry: year, count: list - carried });
    if (year === lastYear) break;
    const next = scaled(listSize(year + 1), scale);
    const exits = list - Math.min(next, Math.round(list * C.SPONSORED_RETENTION));
    // Exits fall on cohorts in proportion to their size; the rounding remainder on the oldest.
    const share = present.map((c) => Math.floor((c.count * exits) / list));
    share[0]! += exits - share.reduce((s, n) => s + n, 0);
    present = present
      .map((c, i) => {
        if (share[i]! > 0) groups.push({ entry: c.entry, exit: year, count: share[i]! });
        return { entry: c.entry, count: c.count - share[i]! };
      })
      .filter((c) => c.count > 0);
  }
  for (const c of present) groups.push({ entry: c.entry, exit: lastYear, count: c.count });
  return groups.sort((a, b) => a.entry - b.entry || a.exit - b.exit);
}

/** Regency-sponsored vulnerable informal workers: annual lists, 46.000 in 2022, 51.000 in 2023. */
export function* vulnerable(ctx: Ctx): Generator<WorkerPlan> {
  let index = 0;
  // The calibrated 2022 JKK total needs rows to land on at every scale (see claims.calibrate.ts).
  let anchorsLeft = Math.max(1, scaled(3, ctx.scale));
  for (const group of vulnerableGroups(ctx.scale, ctx.lastYear)) {
    for (let i = 0; i < group.count; i++) {
      const rng = new Random(ctx.seed, Cohort.VULNERABLE, index++);
      const worker = newWorker(ctx, Cohort.VULNERABLE, rng, { occupation: rng.weighted(C.VULNERABLE_OCCUPATIONS) });
      const start =
        group.entry === 2021 ? toDay(C.FIRST_PERIOD) : rng.chance(0.7) ? dayOf(group.entry, 1, 1) : dayOf(group.entry, rng.int(2, 6), 1);
      worker.birth = birthForAge(rng, start, 18, 64);
      let end = dayOf(group.exit, 12, 31);
      let exit: ExitReason = group.exit < ctx.lastYear ? 'LAPSED' : 'ONGOING';
      if (exit === 'LAPSED' && rng.chance(0.004)) {
        exit = 'DIED';
        end = Math.min(end, ctx.today, Math.max(start, dayOf(group.exit, 1, 1)) + rng.int(0, 330));
      }
      const e = enrolment(ctx, {
        sponsorCode: REGENCY_CODE,
        employerCode: null,
        segment: Segment.BPU,
        programmes: [Programme.JKK, Programme.JKM],
        start,
        end,
        income: 1_000_000,
        industry: 'LAINNYA',
        exit,
      });
      worker.enrolments.push(e);
      const anchor = anchorsLeft > 0 && start <= dayOf(2022, 3, 1) && end >= dayOf(2022, 12, 31);
      if (anchor) anchorsLeft--;
      worker.claims.push(
        ...accidentClaims(claimContext(ctx, rng), e, 'VULNERABLE_NON_ASN', 0.001, anchor),
        ...claimsForExit(claimContext(ctx, rng), e, 'VULNERABLE_NON_ASN'),
      );
      yield worker;
    }
  }
}
