/** The optional `version` argument of an edit (server/services/optimistic-lock.ts checks it). */
export const OPTIONAL_VERSION = {
  nullable: true,
  description: 'The version you last read; CONFLICT if the record changed since. Omit to skip the check.',
} as const;
