import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Claim } from '../../schema/entities/claim.entity.js';
import type { Enrolment } from '../../schema/entities/enrolment.entity.js';
import type { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import type { Programme } from '../../schema/enums/programme.enum.js';
import { numericKey } from '../../schema/types/global-id.js';
import { dateRange } from './date-range.js';
import { inKecamatan } from './worker-filter.js';

export interface ClaimFilter {
  status?: ClaimStatus[] | null;
  programme?: Programme[] | null;
  kecamatan?: string | null;
  enrolmentId?: string | null;
  submittedFrom?: string | null;
  submittedTo?: string | null;
  paidFrom?: string | null;
  paidTo?: string | null;
}

/** The one translation of a claim filter into a query condition: the list, its aggregates and its export all use it. */
export function claimWhere(filter: ClaimFilter): FilterQuery<Claim> {
  const where: FilterQuery<Claim> = {};
  if (filter.status?.length) where.status = { $in: filter.status };
  if (filter.programme?.length) where.programme = { $in: filter.programme };
  const enrolment: FilterQuery<Enrolment> = {};
  if (filter.enrolmentId) enrolment.id = numericKey('filter.enrolmentId', filter.enrolmentId, 'Enrolment');
  if (filter.kecamatan) enrolment.worker = { region: inKecamatan('filter.kecamatan', filter.kecamatan) };
  if (Object.keys(enrolment).length > 0) where.enrolment = enrolment;
  const submitted = dateRange('filter.submitted', filter.submittedFrom, filter.submittedTo);
  if (submitted) where.submittedDate = submitted;
  const paid = dateRange('filter.paid', filter.paidFrom, filter.paidTo);
  if (paid) where.paidDate = paid;
  return where;
}
