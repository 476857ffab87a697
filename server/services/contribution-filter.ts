import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Contribution } from '../../schema/entities/contribution.entity.js';
import { ValidationError } from '../../schema/errors.js';
import { numericKey } from '../../schema/types/global-id.js';

export interface ContributionFilter {
  sponsorId?: string | null;
  enrolmentId?: string | null;
  fromMonth?: string | null;
  toMonth?: string | null;
}

/** The one translation of a contribution filter into a query condition: the list, its aggregates and its export all use it. */
export function contributionWhere(filter: ContributionFilter): FilterQuery<Contribution> {
  const where: FilterQuery<Contribution> = {};
  if (filter.sponsorId) where.sponsor = numericKey('filter.sponsorId', filter.sponsorId, 'Sponsor');
  if (filter.enrolmentId) where.enrolment = numericKey('filter.enrolmentId', filter.enrolmentId, 'Enrolment');
  if (filter.fromMonth && filter.toMonth && filter.fromMonth > filter.toMonth)
    throw new ValidationError('filter.toMonth', 'must not be before fromMonth');
  if (filter.fromMonth || filter.toMonth) {
    where.period = { ...(filter.fromMonth ? { $gte: filter.fromMonth } : {}), ...(filter.toMonth ? { $lte: filter.toMonth } : {}) };
  }
  return where;
}
