import type { Programme } from '../schema/enums/programme.enum.js';
import { Sector } from '../schema/enums/sector.enum.js';
import { Segment } from '../schema/enums/segment.enum.js';
import { accidentClaims, claimsForExit } from './claims.plan.js';
import { addMonths, dayOf } from './dates.js';
import type { Cohort, ExitReason, WorkerPlan } from './plan.types.js';
import { birthForAge, claimContext, type Ctx, enrolment, newWorker } from './population.context.js';
import { Random } from './random.js';

/** What one job is: who employs and pays, the wage, and where its occupants live. */
export interface PositionSpec {
  firstHire: number;
  horizon: number;
  turnover: number;
  employerCode: string;
  sponsorCode: string;
  industry: string;
  programmes: Programme[];
  wageMedian: number;
  nonAsn: boolean;
  occupation: (rng: Random) => string;
  forced?: 'DIED' | 'RETIRED' | 'LAID_OFF' | 'ACCIDENT';
  /** Kecamatan the occupants live in, by weight (default: Kukar's). */
  kecamatan?: ReadonlyArray<readonly [string, number]>;
}

/**
 * A job held by a chain of occupants: when one leaves (resigns, is laid off, retires, dies)
 * the next is hired a month or two later. Used for formal jobs and non-ASN posts. Position p
 * draws from Random(seed, ...stream, p): Kukar's cohorts use [cohort], another regency's add its index.
 */
export function* positions(
  ctx: Ctx,
  cohort: Cohort,
  count: number,
  job: (position: number, rng: Random) => PositionSpec,
  stream: readonly number[] = [cohort],
): Generator<WorkerPlan> {
  for (let p = 0; p < count; p++) {
    const rng = new Random(ctx.seed, ...stream, p);
    const spec = job(p, rng);
    let hire = spec.firstHire;
    let first = true;
    while (hire <= ctx.today) {
      const worker = newWorker(
        ctx,
        cohort,
        rng,
        { sector: Sector.FORMAL, nonAsn: spec.nonAsn, occupation: spec.occupation(rng) },
        spec.kecamatan,
      );
      const forced = first ? spec.forced : undefined;
      worker.birth =
        forced === 'RETIRED'
          ? dayOf(1965, rng.int(1, 6), rng.int(1, 28))
          : birthForAge(rng, Math.max(hire, spec.horizon), 19, first ? 56 : 40);
      const retireAt = worker.birth + 57 * 365 + 14;
      const countedFrom = Math.max(hire, spec.horizon);
      let leave = countedFrom + Math.round((-Math.log(1 - rng.float()) / spec.turnover) * 365);
      let exit: ExitReason = rng.weighted([
        ['RESIGNED', 65],
        ['LAID_OFF', 30],
        ['DIED', 5],
      ] as const);
      if (forced === 'DIED' || forced === 'LAID_OFF') {
        exit = forced;
        leave = dayOf(2022, forced === 'DIED' ? 5 : 6, rng.int(1, 28));
      }
      if (retireAt < leave || forced === 'RETIRED') {
        exit = 'RETIRED';
        leave = forced === 'RETIRED' ? dayOf(2022, 7, 31) : retireAt;
      }
      const ongoing = leave > ctx.today;
      const companyWage = Math.max(3_300_000, Math.round(rng.logNormal(spec.wageMedian, 0.35) / 1000) * 1000);
      // Honoraria spread less than company wages. The company draw is still taken for non-ASN
      // posts so that every seed keeps generating the same rows.
      const income = spec.nonAsn ? Math.max(1_500_000, Math.round(rng.logNormal(spec.wageMedian, 0.25) / 1000) * 1000) : companyWage;
      const e = enrolment(ctx, {
        sponsorCode: spec.sponsorCode,
        employerCode: spec.employerCode,
        segment: Segment.PU,
        programmes: spec.programmes,
        start: hire,
        end: ongoing ? null : leave,
        income,
        industry: spec.industry,
        exit: ongoing ? 'ONGOING' : exit,
      });
      worker.enrolments.push(e);
      const group = spec.nonAsn ? 'VULNERABLE_NON_ASN' : 'OTHER';
      worker.claims.push(
        ...accidentClaims(claimContext(ctx, rng), e, group, spec.nonAsn ? 0.003 : 0.03, forced === 'ACCIDENT'),
        ...claimsForExit(claimContext(ctx, rng), e, group, forced !== undefined && forced !== 'ACCIDENT'),
      );
      yield worker;
      if (ongoing) break;
      hire = addMonths(leave, rng.int(1, 3));
      first = false;
    }
  }
}
