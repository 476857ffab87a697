import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Enrolment } from '../../schema/entities/enrolment.entity.js';
import type { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import { numericKey } from '../../schema/types/global-id.js';
import { dateRange } from './date-range.js';

export interface EnrolmentFilter {
  sponsorId?: string | null;
  workerId?: string | null;
  status?: EnrolmentStatus[] | null;
  startFrom?: string | null;
  startTo?: string | null;
}

/** The one translation of an enrolment filter into a query condition: the list, its aggregates and its export all use it. */
export function enrolmentWhere(filter: EnrolmentFilter): FilterQuery<Enrolment> {
  const where: FilterQuery<Enrolment> = {};
  if (filter.sponsorId) where.sponsor = numericKey('filter.sponsorId', filter.sponsorId, 'Sponsor');
  if (filter.workerId) where.worker = numericKey('filter.workerId', filter.workerId, 'Worker');
  if (filter.status?.length) where.status = { $in: filter.status };
  const start = dateRange('filter.start', filter.startFrom, filter.startTo);
  if (start) where.startDate = start;
  return where;
}
