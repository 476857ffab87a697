import { type RegionScope, scopeClaim } from '../../schema/region-scope.js';

/**
 * The transaction-local settings that row-level security reads. Every path that reads or
 * writes operational rows for a user (the ORM's transactions, the compiled read path, exports,
 * subscriptions) sets them with `set_config(name, value, true)` at the start of its
 * transaction, so they vanish at commit and never leak to the next user of a pooled
 * connection. Without them the policies see no scope and return nothing.
 */
export const SETTING = {
  /** Comma-separated region codes, or `*` for the whole country. */
  regionScopes: 'lindung.region_scopes',
  /** The token's subject, recorded by audit triggers and export logs. */
  actor: 'lindung.actor',
} as const;

export interface RequestScope {
  scope: RegionScope;
  actor: string;
}

/** One statement that sets every request setting for the current transaction. */
export function requestSettingsSql(request: RequestScope): { text: string; values: string[] } {
  return {
    text: `select set_config('${SETTING.regionScopes}', $1, true), set_config('${SETTING.actor}', $2, true)`,
    values: [scopeClaim(request.scope).join(','), request.actor],
  };
}
