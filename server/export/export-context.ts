import type { Principal } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import type { WithRequestContext } from './export.route.js';

/**
 * Each piece of a download (the log lookup, the rows, the log's updates) in a fresh request
 * context from `make` — the same factory /graphql uses — inside that context's scoped
 * transaction, begun and ended as a GraphQL request's is (server/request-transaction.ts): the
 * region scope row-level security reads is set for exactly that work. The rows' context holds
 * no entities (export-run.ts reads through a cursor), so memory holds only the batches in hand.
 */
export function withRequestContexts(make: (user: Principal | null, requestId: string) => RequestContext): WithRequestContext {
  return async (user, requestId, work) => {
    const context = make(user, requestId);
    await context.transaction.begin();
    try {
      const result = await work(context);
      await context.transaction.end(true);
      return result;
    } catch (error) {
      await context.transaction.end(false);
      throw error;
    }
  };
}
