import { loadConfig } from '../../platform/config.js';
import type { RegionScope } from '../../schema/region-scope.js';
import type { RequestContext } from '../context.js';
import { type OpenTransaction, ReadSession } from './read-pool.js';

/** Each request's reads, one session per request context. */
const sessions = new WeakMap<object, ReadSession>();
let requestTimeoutMs: number | undefined;

export function session(ctx: RequestContext): ReadSession {
  let s = sessions.get(ctx);
  if (!s) {
    s = new ReadSession(
      ctx.read.em,
      {
        scope: scopeOf(ctx),
        actor: ctx.user?.subject ?? 'anonymous',
        // Outside HTTP (no deadline of its own) a read gets the whole request budget.
        deadline: ctx.read.deadline ?? Date.now() + (requestTimeoutMs ??= loadConfig().api.requestTimeoutMs),
      },
      () => requestTransaction(ctx),
    );
    sessions.set(ctx, s);
  }
  return s;
}

/** The knex transaction of the request's scoped transaction, once server/request-transaction.ts has begun it (the export reads on it too). */
export function requestTransaction(ctx: RequestContext) {
  // Asking the EntityManager would fork one for the request: a compiled-only operation never needs it.
  if (!(ctx as { transaction?: RequestContext['transaction'] }).transaction?.begun) return undefined;
  return ctx.em.getTransactionContext() as ReturnType<OpenTransaction>;
}

/** The token's region scope, which row-level security reads; a caller without one sees nothing. */
function scopeOf(ctx: RequestContext): RegionScope {
  return ctx.user?.scope ?? NOTHING;
}
const NOTHING: RegionScope = { national: false, codes: [] };
