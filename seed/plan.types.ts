import type { EnrolmentStatus } from '../schema/enums/enrolment-status.enum.js';
import type { Programme } from '../schema/enums/programme.enum.js';
import type { Segment } from '../schema/enums/segment.enum.js';
import type { Sector } from '../schema/enums/sector.enum.js';
import type { Sex } from '../schema/enums/sex.enum.js';

/** Which slice of the demo population a worker belongs to; also the order they are generated in. */
export enum Cohort {
  VULNERABLE = 1,
  NON_ASN = 2,
  FORMAL = 3,
  SELF_PAID = 4,
  CSR = 5,
  /** The other regencies of the province (seed/province.plan.ts), after all of Kukar. */
  PROVINCE_VULNERABLE = 6,
  PROVINCE_FORMAL = 7,
}

/** Why an enrolment ended; drives claims (JHT after resigning, JKP after a lay-off, …). */
export type ExitReason = 'ONGOING' | 'LAPSED' | 'DIED' | 'RESIGNED' | 'LAID_OFF' | 'RETIRED';

/** Day numbers (days since 1970-01-01) throughout; ISO strings only at output. */
export interface EnrolmentPlan {
  id: number;
  membershipNo: string;
  sponsorCode: string;
  employerCode: string | null;
  segment: Segment;
  programmes: Programme[];
  start: number;
  end: number | null;
  status: EnrolmentStatus;
  income: number;
  industry: string;
  exit: ExitReason;
}

/** Counted in the article's "JKK and JKM to non-ASN and vulnerable workers", or not. */
export type PayoutGroup = 'VULNERABLE_NON_ASN' | 'OTHER';

export interface ClaimDraft {
  enrolmentId: number;
  programme: Programme;
  incident: number;
  submitted: number;
  amount: number;
  group: PayoutGroup;
  /** Planned so that every calibrated 2022 total has rows to land on at any scale. */
  anchor2022: boolean;
}

export interface WorkerPlan {
  id: number;
  cohort: Cohort;
  kecamatan: string;
  sex: Sex;
  birth: number;
  occupation: string;
  sector: Sector;
  nonAsn: boolean;
  enrolments: EnrolmentPlan[];
  claims: ClaimDraft[];
}
