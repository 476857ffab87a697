import type { RegionScope } from '../../schema/region-scope.js';

/**
 * Roles carried in the token's `role` claim, and what each may do. Resolvers name these
 * groups in `@Authorized(...)`; `@Authorized()` alone means any signed-in role.
 */
export const ROLES = ['viewer', 'analyst', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see NIK, names, birth dates, phone and membership numbers unmasked. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['operator', 'admin'];

/** Register workers, enrol, record contributions, move claims through their workflow. */
export const WRITE_OPERATIONAL: Role[] = ['operator', 'admin'];
/** The audit log holds personal data in its snapshots, so only roles that see it anyway read it. */
export const READ_AUDIT: Role[] = ['operator', 'admin'];
/** Budget allocations (APBD, CSR) are set by administrators only. */
export const WRITE_BUDGET: Role[] = ['admin'];

export interface Principal {
  /** The token's `sub`: recorded as the actor of every change. */
  subject: string;
  role: Role;
  seesPersonalData: boolean;
  /** The regions the caller may see and change (the token's `scopes` claim); row-level security holds every query to it. */
  scope: RegionScope;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function principal(subject: string, role: Role, scope: RegionScope): Principal {
  return { subject, role, seesPersonalData: PERSONAL_DATA_ROLES.includes(role), scope };
}
