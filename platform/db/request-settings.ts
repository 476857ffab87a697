import { type RegionScope, scopeClaim } from '../../schema/region-scope.js';
import { DB_ROLES } from './roles.js';

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

/** What a transaction may also set in the same statement: one round trip and one statement fewer each. */
export interface TransactionLimits {
  /** Milliseconds left of the request's budget: the transaction's statement_timeout. */
  statementTimeoutMs?: number;
  /** The transaction may only read (the compiled read path's own transactions). */
  readOnly?: boolean;
}

/**
 * One statement that sets every request setting for the current transaction. A national scope
 * also takes the national role for the transaction: its policies are `true`, so its statements
 * plan as if there were none, where lindung_api would test every row's path against `*`
 * (migration 20261203000001). Any other scope stays lindung_api, held by the path policies.
 * `limits` ride in the same statement; turning a transaction read-only is allowed at any point
 * of it (only the way back to read-write must come before its first query).
 */
export function requestSettingsSql(request: RequestScope, limits: TransactionLimits = {}): { text: string; values: string[] } {
  const role = request.scope.national ? `, set_config('role', '${DB_ROLES.apiNational}', true)` : '';
  const readOnly = limits.readOnly ? `, set_config('transaction_read_only', 'on', true)` : '';
  const values = [scopeClaim(request.scope).join(','), request.actor];
  // A parameter like the others, so the text is the same for every request of its kind and can
  // be a prepared statement (server/read/read-pool.ts): PostgreSQL parses and plans it once.
  if (limits.statementTimeoutMs !== undefined) values.push(String(Math.max(1, Math.floor(limits.statementTimeoutMs))));
  const timeout = limits.statementTimeoutMs === undefined ? '' : `, set_config('statement_timeout', $3, true)`;
  return {
    text: `select set_config('${SETTING.regionScopes}', $1, true), set_config('${SETTING.actor}', $2, true)${role}${readOnly}${timeout}`,
    values,
  };
}
