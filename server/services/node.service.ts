import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import { fromGlobalId, numericKey } from '../../schema/types/global-id.js';
import { READ_AUDIT } from '../auth/roles.js';
import { AuditEntry } from '../../schema/entities/audit-entry.entity.js';
import { BudgetAllocation } from '../../schema/entities/budget-allocation.entity.js';
import { Contribution } from '../../schema/entities/contribution.entity.js';
import type { ServiceDeps } from './service-deps.js';

/** `node(id:)`: refetch any object by its global ID, with the same access rules as its list. */
export class NodeService {
  constructor(private readonly deps: ServiceDeps) {}

  async node(id: string): Promise<object | null> {
    const { type, key } = fromGlobalId('id', id);
    const { loaders, em } = this.deps;
    const n = () => numericKey('id', id, type);
    switch (type) {
      case 'Region':
        return (await loaders.region.load(key)) ?? null;
      case 'Worker':
        return (await loaders.worker.load(n())) ?? null;
      case 'Enrolment':
        return (await loaders.enrolment.load(n())) ?? null;
      case 'Claim':
        return (await loaders.claim.load(n())) ?? null;
      case 'Sponsor':
        return (await loaders.sponsor.load(n())) ?? null;
      case 'Employer':
        return (await loaders.employer.load(n())) ?? null;
      case 'BudgetAllocation':
        return em.findOne(BudgetAllocation, n());
      case 'Contribution':
        return em.findOne(Contribution, n());
      case 'AuditEntry':
        if (!this.deps.user || !READ_AUDIT.includes(this.deps.user.role)) {
          throw new ForbiddenError(`role ${this.deps.user?.role ?? 'anonymous'} may not read the audit log`);
        }
        return em.findOne(AuditEntry, n());
      default:
        throw new ValidationError('id', `is not an id issued by this API`);
    }
  }
}
