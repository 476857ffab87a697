import { Programme } from '../schema/enums/programme.enum.js';
import { Segment } from '../schema/enums/segment.enum.js';
import * as C from './calibration.js';
import { accidentClaims } from './claims.plan.js';
import { addMonths, dayOf, monthOf, toDay, yearOf } from './dates.js';
import { Cohort, type WorkerPlan } from './plan.types.js';
import { Random } from './random.js';
import {
  birthForAge,
  claimContext,
  type Ctx,
  enrolment,
  newWorker,
  type PopulationOptions,
  REGENCY_CODE,
  SELF_PAID_CODE,
  scaled,
} from './population.context.js';
import { positions } from './positions.plan.js';
import { province } from './province.plan.js';
import { vulnerable } from './vulnerable.plan.js';

export {
  type EmployerSeed,
  isRegencyBudgetCode,
  type PopulationOptions,
  type RegencySeed,
  REGENCY_CODE,
  SELF_PAID_CODE,
  scaled,
} from './population.context.js';
export { vulnerableGroups } from './vulnerable.plan.js';

/**
 * Walks the whole demo population in a fixed order, yielding each worker with their
 * enrolments and claim drafts: Kukar's cohorts, then the other regencies of the province. It is a pure function of (seed, scale, today): the seeder
 * walks it once per table and sees the same workers each time.
 */
export function* population(options: PopulationOptions): Generator<WorkerPlan> {
  const ids = { worker: 0, enrolment: 0 };
  const lastYear = yearOf(options.today);
  const ctx = { ...options, lastYear, ids };
  yield* vulnerable(ctx);
  yield* nonAsn(ctx);
  yield* formal(ctx);
  yield* selfPaid(ctx);
  yield* csr(ctx);
  // After all of Kukar, so that Kukar's ids, names and NIKs are the same with or without them.
  yield* province(ctx);
}

/** Honorary regency staff: PU, JKK + JKM paid by the regency, from January 2022. */
function nonAsn(ctx: Ctx): Generator<WorkerPlan> {
  const occupations = [
    ['TENAGA_PENDIDIK', 35],
    ['TENAGA_KESEHATAN', 20],
    ['PEGAWAI_NON_ASN', 45],
  ] as const;
  return positions(ctx, Cohort.NON_ASN, scaled(C.NON_ASN_WORKERS, ctx.scale), () => ({
    firstHire: dayOf(2022, 1, 1),
    horizon: dayOf(2022, 1, 1),
    turnover: 0.05,
    employerCode: REGENCY_CODE,
    sponsorCode: REGENCY_CODE,
    industry: 'PEMERINTAHAN',
    programmes: [Programme.JKK, Programme.JKM],
    wageMedian: 2_200_000,
    nonAsn: true,
    occupation: (rng) => rng.weighted(occupations),
  }));
}

/** Wage earners at the regency's companies, enrolled in all five programmes by their employer. */
function formal(ctx: Ctx): Generator<WorkerPlan> {
  const companies = ctx.employers.filter((e) => e.code !== REGENCY_CODE);
  const forcedCases = ['DIED', 'RETIRED', 'LAID_OFF', 'ACCIDENT'] as const;
  return positions(ctx, Cohort.FORMAL, scaled(C.FORMAL_WORKERS, ctx.scale), (p, rng) => {
    // Squaring skews job counts towards the first employers: a few large mines and estates.
    const employer = companies[Math.floor(companies.length * rng.float() ** 2)]!;
    return {
      firstHire: toDay(C.FIRST_PERIOD) - rng.int(30, 13 * 365),
      horizon: toDay(C.FIRST_PERIOD),
      turnover: C.FORMAL_TURNOVER,
      employerCode: employer.code,
      sponsorCode: `SP-${employer.code}`,
      industry: employer.industry,
      programmes: [Programme.JKK, Programme.JKM, Programme.JHT, Programme.JP, Programme.JKP],
      wageMedian: 4_500_000,
      nonAsn: false,
      occupation: (r) => (r.chance(0.6) ? 'KARYAWAN' : 'BURUH'),
      forced: forcedCases[p],
    };
  });
}

/** Members paying their own BPU contributions ("secara mandiri"); many lapse within months. */
function* selfPaid(ctx: Ctx): Generator<WorkerPlan> {
  let index = 0;
  for (let year = 2021; year <= ctx.lastYear; year++) {
    const firstMonth = year === 2021 ? 11 : 1;
    const lastMonth = year === ctx.lastYear ? monthOf(ctx.today) : 12;
    const joins = scaled((C.SELF_PAID_JOINS_PER_YEAR * (lastMonth - firstMonth + 1)) / 12, ctx.scale);
    for (let i = 0; i < joins; i++) {
      const rng = new Random(ctx.seed, Cohort.SELF_PAID, index++);
      const worker = newWorker(ctx, Cohort.SELF_PAID, rng, {
        occupation: rng.weighted([
          ['PEDAGANG', 40],
          ['NELAYAN', 15],
          ['PETANI', 15],
          ['LAINNYA', 30],
        ] as const),
      });
      const start = dayOf(year, rng.int(firstMonth, lastMonth), 1);
      worker.birth = birthForAge(rng, start, 18, 60);
      const months = rng.weighted([
        [rng.int(1, 6), 40],
        [rng.int(7, 24), 35],
        [0, 25],
      ] as const);
      const end = months === 0 ? null : addMonths(start, months) - 1;
      const programmes = rng.chance(0.3) ? [Programme.JKK, Programme.JKM, Programme.JHT] : [Programme.JKK, Programme.JKM];
      const e = enrolment(ctx, {
        sponsorCode: SELF_PAID_CODE,
        employerCode: null,
        segment: Segment.BPU,
        programmes,
        start,
        end,
        income: Math.max(1_000_000, Math.round(rng.logNormal(2_500_000, 0.4) / 100_000) * 100_000),
        industry: 'LAINNYA',
        exit: end === null || end >= ctx.today ? 'ONGOING' : 'LAPSED',
      });
      worker.enrolments.push(e);
      worker.claims.push(...accidentClaims(claimContext(ctx, rng), e, 'OTHER', 0.005, false));
      yield worker;
    }
  }
}

/** Vulnerable workers sponsored by companies' CSR programmes, one-year lists from 2023. */
function* csr(ctx: Ctx): Generator<WorkerPlan> {
  let index = 0;
  for (const company of ctx.employers.filter((e) => e.csr)) {
    for (let year = C.CSR_FIRST_YEAR; year <= ctx.lastYear; year++) {
      for (let i = 0; i < scaled(C.CSR_WORKERS_PER_COMPANY, ctx.scale); i++) {
        const rng = new Random(ctx.seed, Cohort.CSR, index++);
        const worker = newWorker(ctx, Cohort.CSR, rng, {
          occupation: rng.weighted(C.VULNERABLE_OCCUPATIONS),
          kecamatan: company.kecamatan,
        });
        const start = dayOf(year, 1, 1);
        worker.birth = birthForAge(rng, start, 18, 64);
        const end = dayOf(year, 12, 31);
        const e = enrolment(ctx, {
          sponsorCode: `CSR-${company.code}`,
          employerCode: null,
          segment: Segment.BPU,
          programmes: [Programme.JKK, Programme.JKM],
          start,
          end,
          income: 1_000_000,
          industry: 'LAINNYA',
          exit: end < ctx.today ? 'LAPSED' : 'ONGOING',
        });
        worker.enrolments.push(e);
        worker.claims.push(...accidentClaims(claimContext(ctx, rng), e, 'VULNERABLE_NON_ASN', 0.001, false));
        yield worker;
      }
    }
  }
}
