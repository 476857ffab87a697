export { AuditEntry } from './audit-entry.entity.js';
export { BudgetAllocation } from './budget-allocation.entity.js';
export { Claim } from './claim.entity.js';
export { Contribution } from './contribution.entity.js';
export { Employer } from './employer.entity.js';
export { Enrolment } from './enrolment.entity.js';
export { Region } from './region.entity.js';
export { Sponsor } from './sponsor.entity.js';
export { Worker } from './worker.entity.js';
export { Workforce } from './workforce.entity.js';

import { AuditEntry } from './audit-entry.entity.js';
import { BudgetAllocation } from './budget-allocation.entity.js';
import { Claim } from './claim.entity.js';
import { Contribution } from './contribution.entity.js';
import { Employer } from './employer.entity.js';
import { Enrolment } from './enrolment.entity.js';
import { Region } from './region.entity.js';
import { Sponsor } from './sponsor.entity.js';
import { Worker } from './worker.entity.js';
import { Workforce } from './workforce.entity.js';

export const ENTITIES = [AuditEntry, BudgetAllocation, Claim, Contribution, Employer, Enrolment, Region, Sponsor, Worker, Workforce];
