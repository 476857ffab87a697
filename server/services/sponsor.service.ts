import { BudgetAllocation } from '../../schema/entities/budget-allocation.entity.js';
import { Employer } from '../../schema/entities/employer.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import type { Page } from '../../schema/types/connection.type.js';
import type { ListArgs } from '../read/list-query.js';
import { listEntities } from './list-page.js';
import type { ServiceDeps } from './service-deps.js';

/** Funding sources, the companies behind them, and their yearly allocations (read side). */
export class SponsorService {
  constructor(private readonly deps: ServiceDeps) {}

  sponsors(filter: { kind?: SponsorKind[] | null }, page: ListArgs): Promise<Page<Sponsor>> {
    return listEntities(this.deps, Sponsor, 'sponsors', { ...page, filter });
  }

  employers(filter: { kecamatan?: string | null }, page: ListArgs): Promise<Page<Employer>> {
    return listEntities(this.deps, Employer, 'employers', { ...page, filter });
  }

  budgetAllocations(filter: { sponsorId?: string | null; fiscalYear?: number | null }, page: ListArgs): Promise<Page<BudgetAllocation>> {
    return listEntities(this.deps, BudgetAllocation, 'budgetAllocations', { ...page, filter });
  }
}
