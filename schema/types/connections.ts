import { AuditEntry } from '../entities/audit-entry.entity.js';
import { BudgetAllocation } from '../entities/budget-allocation.entity.js';
import { Claim } from '../entities/claim.entity.js';
import { Contribution } from '../entities/contribution.entity.js';
import { Employer } from '../entities/employer.entity.js';
import { Enrolment } from '../entities/enrolment.entity.js';
import { Sponsor } from '../entities/sponsor.entity.js';
import { Worker } from '../entities/worker.entity.js';
import { connectionOf } from './connection.type.js';

export const WorkerConnection = connectionOf(Worker, 'Worker', 'workers');
export const EnrolmentConnection = connectionOf(Enrolment, 'Enrolment', 'enrolments');
export const ClaimConnection = connectionOf(Claim, 'Claim', 'claims');
export const ContributionConnection = connectionOf(Contribution, 'Contribution', 'contributions');
export const SponsorConnection = connectionOf(Sponsor, 'Sponsor', 'sponsors');
export const EmployerConnection = connectionOf(Employer, 'Employer', 'employers');
export const BudgetAllocationConnection = connectionOf(BudgetAllocation, 'BudgetAllocation', 'budget allocations');
export const AuditEntryConnection = connectionOf(AuditEntry, 'AuditEntry', 'audit entries');
