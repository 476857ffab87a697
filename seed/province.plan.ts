import { Programme } from '../schema/enums/programme.enum.js';
import { Segment } from '../schema/enums/segment.enum.js';
import * as C from './calibration.js';
import { accidentClaims, claimsForExit } from './claims.plan.js';
import { dayOf, toDay, yearOf } from './dates.js';
import { Cohort, type ExitReason, type WorkerPlan } from './plan.types.js';
import { birthForAge, claimContext, type Ctx, enrolment, newWorker, type RegencySeed, scaled } from './population.context.js';
import { positions } from './positions.plan.js';
import { Random } from './random.js';
import { vulnerableGroups } from './vulnerable.plan.js';

/** A regency's sponsored list in a year: its first year's size, grown by its rate a year. */
export function listSize(programme: C.RegencyProgramme, year: number): number {
  const first = yearOf(toDay(programme.start));
  return year < first ? 0 : Math.round(programme.list * (1 + programme.listGrowth) ** (year - first));
}

/** The other regencies of the province, one after another in code order: sponsored lists, then wage earners. */
export function* province(ctx: Ctx): Generator<WorkerPlan> {
  for (const [index, regency] of (ctx.province ?? []).entries()) {
    yield* sponsored(ctx, regency, index);
    yield* wageEarners(ctx, regency, index);
  }
}

/** The regency's APBD list: BPU, JKK + JKM, yearly lists from the programme's start, as Kukar's. */
function* sponsored(ctx: Ctx, regency: RegencySeed, index: number): Generator<WorkerPlan> {
  const start = toDay(regency.programme.start);
  const firstYear = yearOf(start);
  let n = 0;
  for (const group of vulnerableGroups(ctx.scale, ctx.lastYear, (year) => listSize(regency.programme, year), firstYear)) {
    for (let i = 0; i < group.count; i++) {
      const rng = new Random(ctx.seed, Cohort.PROVINCE_VULNERABLE, index, n++);
      const worker = newWorker(
        ctx,
        Cohort.PROVINCE_VULNERABLE,
        rng,
        { occupation: rng.weighted(C.VULNERABLE_OCCUPATIONS) },
        regency.kecamatan,
      );
      const from = group.entry === firstYear ? start : rng.chance(0.7) ? dayOf(group.entry, 1, 1) : dayOf(group.entry, rng.int(2, 6), 1);
      worker.birth = birthForAge(rng, from, 18, 64);
      let end = dayOf(group.exit, 12, 31);
      let exit: ExitReason = group.exit < ctx.lastYear ? 'LAPSED' : 'ONGOING';
      if (exit === 'LAPSED' && rng.chance(0.004)) {
        exit = 'DIED';
        end = Math.min(end, ctx.today, Math.max(from, dayOf(group.exit, 1, 1)) + rng.int(0, 330));
      }
      const e = enrolment(ctx, {
        sponsorCode: regency.sponsorCode,
        employerCode: null,
        segment: Segment.BPU,
        programmes: [Programme.JKK, Programme.JKM],
        start: from,
        end,
        income: 1_000_000,
        industry: 'LAINNYA',
        exit,
      });
      worker.enrolments.push(e);
      worker.claims.push(
        ...accidentClaims(claimContext(ctx, rng), e, 'VULNERABLE_NON_ASN', 0.001, false),
        ...claimsForExit(claimContext(ctx, rng), e, 'VULNERABLE_NON_ASN'),
      );
      yield worker;
    }
  }
}

/** Wage earners at the regency's companies, enrolled in all five programmes by their employer. */
function wageEarners(ctx: Ctx, regency: RegencySeed, index: number): Generator<WorkerPlan> {
  const companies = regency.companies;
  const count = companies.length === 0 ? 0 : scaled(regency.programme.formalWorkers, ctx.scale);
  return positions(
    ctx,
    Cohort.PROVINCE_FORMAL,
    count,
    (_, rng) => {
      const employer = companies[Math.floor(companies.length * rng.float() ** 2)]!;
      return {
        firstHire: toDay(C.FIRST_PERIOD) - rng.int(30, 13 * 365),
        horizon: toDay(C.FIRST_PERIOD),
        turnover: C.FORMAL_TURNOVER,
        employerCode: employer.code,
        sponsorCode: `SP-${employer.code}`,
        industry: employer.industry,
        programmes: [Programme.JKK, Programme.JKM, Programme.JHT, Programme.JP, Programme.JKP],
        wageMedian: 4_200_000,
        nonAsn: false,
        occupation: (r) => (r.chance(0.6) ? 'KARYAWAN' : 'BURUH'),
        kecamatan: regency.kecamatan,
      };
    },
    [Cohort.PROVINCE_FORMAL, index],
  );
}
