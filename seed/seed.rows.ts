import type { BinaryColumn } from './binary-copy.js';
import type { ClaimRow } from './claims.settle.js';
import { toIso } from './dates.js';
import type { Identity } from './identity.js';
import type { EnrolmentPlan, WorkerPlan } from './plan.types.js';

/** Timestamps of generated rows derive from their dates, so the same seed gives the same rows. */
export const at = (day: number) => `${toIso(day)} 08:00:00+08`;

export const WORKER_COLUMNS = [
  'id',
  'nik',
  'full_name',
  'sex',
  'birth_date',
  'region_code',
  'occupation',
  'sector',
  'non_asn',
  'phone',
  'created_at',
  'updated_at',
];

export function workerRow(worker: WorkerPlan, person: Identity) {
  const registered = at(worker.enrolments[0]!.start);
  return [
    worker.id,
    person.nik,
    person.fullName,
    worker.sex,
    toIso(worker.birth),
    worker.kecamatan,
    worker.occupation,
    worker.sector,
    worker.nonAsn,
    person.phone,
    registered,
    registered,
  ];
}

export const ENROLMENT_COLUMNS = [
  'id',
  'membership_no',
  'worker_id',
  'sponsor_id',
  'employer_id',
  'segment',
  'programmes',
  'start_date',
  'end_date',
  'declared_income',
  'status',
  'created_at',
  'updated_at',
];

export function enrolmentRow(
  worker: WorkerPlan,
  e: EnrolmentPlan,
  ids: { sponsor: Map<string, number>; employer: Map<string, number> },
  today: number,
) {
  return [
    e.id,
    e.membershipNo,
    worker.id,
    ids.sponsor.get(e.sponsorCode)!,
    e.employerCode ? ids.employer.get(e.employerCode)! : null,
    e.segment,
    `{${e.programmes.join(',')}}`,
    toIso(e.start),
    e.end === null ? null : toIso(e.end),
    e.income,
    e.status,
    at(Math.min(e.start, today)),
    at(Math.min(e.end ?? e.start, today)),
  ];
}

/**
 * The binary COPY's columns (binary-copy.ts); created_at is the paid day's 08:00 in Makassar.
 * region_path is the enrolment's, as its trigger wrote it: the load runs with triggers off.
 */
export const CONTRIBUTION_COLUMNS: Array<[string, BinaryColumn]> = [
  ['enrolment_id', 'int8'],
  ['period', 'date'],
  ['programme', 'text'],
  ['amount', 'int8'],
  ['paid_date', 'date'],
  ['sponsor_id', 'int8'],
  ['created_at', 'timestamptz-day'],
  ['region_path', 'text[]'],
];

export const CLAIM_COLUMNS = [
  'id',
  'claim_no',
  'enrolment_id',
  'programme',
  'incident_date',
  'submitted_date',
  'status',
  'claimed_amount',
  'approved_amount',
  'paid_amount',
  'paid_date',
  'rejection_reason',
  'created_at',
  'updated_at',
];

export function claimRow(c: ClaimRow) {
  return [
    c.id,
    c.claimNo,
    c.enrolmentId,
    c.programme,
    toIso(c.incident),
    toIso(c.submitted),
    c.status,
    c.claimed,
    c.approved,
    c.paid,
    c.paidDate === null ? null : toIso(c.paidDate),
    c.rejectionReason,
    at(c.submitted),
    at(c.paidDate ?? c.submitted),
  ];
}
