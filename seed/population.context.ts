import { EnrolmentStatus } from '../schema/enums/enrolment-status.enum.js';
import { Sector } from '../schema/enums/sector.enum.js';
import { Sex } from '../schema/enums/sex.enum.js';
import * as C from './calibration.js';
import type { RegencyProgramme } from './calibration.js';
import type { ClaimContext } from './claims.plan.js';
import { yearOf } from './dates.js';
import type { Cohort, EnrolmentPlan, WorkerPlan } from './plan.types.js';
import type { Random } from './random.js';

export const REGENCY_CODE = 'PEMKAB-KUKAR';
export const SELF_PAID_CODE = 'MANDIRI';

/** A regency's or city's own APBD sponsor (PEMKAB-KUKAR, PEMKOT-SAMARINDA): pays on the 10th of the month. */
export function isRegencyBudgetCode(code: string): boolean {
  return /^PEM(KAB|KOT)-/.test(code);
}

export interface EmployerSeed {
  code: string;
  industry: string;
  kecamatan: string;
  csr: boolean;
}

export interface PopulationOptions {
  seed: number;
  scale: number;
  today: number;
  /** Kukar's employers, the regency government first. */
  employers: EmployerSeed[];
  /** The other regencies of the province, walked after Kukar (seed/province.plan.ts). */
  province?: readonly RegencySeed[];
}

/** One of the other regencies: its programme, where its people live, its companies. */
export interface RegencySeed {
  code: string;
  name: string;
  /** Its APBD sponsor's code, also its government's employer code (PEMKAB-PASER). */
  sponsorCode: string;
  programme: RegencyProgramme;
  kecamatan: Array<readonly [string, number]>;
  /** Companies employing its wage earners (not the government). */
  companies: EmployerSeed[];
}

/** The walk's state: options, the last year of the demo, and the id counters every cohort draws from in turn. */
export type Ctx = PopulationOptions & { lastYear: number; ids: { worker: number; enrolment: number } };

export function scaled(count: number, scale: number): number {
  return Math.round(count * scale);
}

export function newWorker(
  ctx: Ctx,
  cohort: Cohort,
  rng: Random,
  fields: Partial<WorkerPlan>,
  kecamatan: ReadonlyArray<readonly [string, number]> = C.KECAMATAN_WEIGHTS,
): WorkerPlan {
  const sex = rng.chance(0.5) ? Sex.L : Sex.P;
  return {
    id: ++ctx.ids.worker,
    cohort,
    kecamatan: rng.weighted(kecamatan),
    sex,
    birth: 0,
    occupation: 'LAINNYA',
    sector: Sector.INFORMAL,
    nonAsn: false,
    enrolments: [],
    claims: [],
    ...fields,
  };
}

export function enrolment(ctx: Ctx, fields: Omit<EnrolmentPlan, 'id' | 'membershipNo' | 'status'>): EnrolmentPlan {
  const id = ++ctx.ids.enrolment;
  const status =
    fields.start > ctx.today
      ? EnrolmentStatus.PENDING
      : fields.exit === 'DIED' || fields.exit === 'RESIGNED' || fields.exit === 'LAID_OFF' || fields.exit === 'RETIRED'
        ? fields.end! < ctx.today
          ? EnrolmentStatus.TERMINATED
          : EnrolmentStatus.ACTIVE
        : fields.end !== null && fields.end < ctx.today
          ? EnrolmentStatus.LAPSED
          : EnrolmentStatus.ACTIVE;
  const yy = String(yearOf(fields.start) % 100).padStart(2, '0');
  return { id, membershipNo: `${fields.segment}${yy}${String(id).padStart(8, '0')}`, status, ...fields };
}

export function birthForAge(rng: Random, at: number, minAge: number, maxAge: number): number {
  return at - rng.int(minAge * 365, maxAge * 365);
}

export function claimContext(ctx: Ctx, rng: Random): ClaimContext {
  return { rng, today: ctx.today };
}
