import type { FilterQuery } from '@mikro-orm/postgresql';
import { BudgetAllocation } from '../../schema/entities/budget-allocation.entity.js';
import { Employer } from '../../schema/entities/employer.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import type { Page } from '../../schema/types/connection.type.js';
import { numericKey } from '../../schema/types/global-id.js';
import { paginate, type PageArgs } from './pagination.js';
import type { ServiceDeps } from './service-deps.js';
import { inKecamatan } from './worker.service.js';

/** Funding sources, the companies behind them, and their yearly allocations (read side). */
export class SponsorService {
  constructor(private readonly deps: ServiceDeps) {}

  sponsors(filter: { kind?: SponsorKind[] | null }, page: PageArgs): Promise<Page<Sponsor>> {
    const where: FilterQuery<Sponsor> = filter.kind?.length ? { kind: { $in: filter.kind } } : {};
    return paginate(this.deps.em, Sponsor, where, { id: 'asc' }, page, this.deps.pageSizeMax);
  }

  employers(filter: { kecamatan?: string | null }, page: PageArgs): Promise<Page<Employer>> {
    const where: FilterQuery<Employer> = filter.kecamatan ? { region: inKecamatan('filter.kecamatan', filter.kecamatan) } : {};
    return paginate(this.deps.em, Employer, where, { id: 'asc' }, page, this.deps.pageSizeMax);
  }

  budgetAllocations(filter: { sponsorId?: string | null; fiscalYear?: number | null }, page: PageArgs): Promise<Page<BudgetAllocation>> {
    const where: FilterQuery<BudgetAllocation> = {};
    if (filter.sponsorId) where.sponsor = numericKey('filter.sponsorId', filter.sponsorId, 'Sponsor');
    if (filter.fiscalYear) where.fiscalYear = filter.fiscalYear;
    return paginate(this.deps.em, BudgetAllocation, where, { fiscalYear: 'desc', id: 'desc' }, page, this.deps.pageSizeMax);
  }
}
