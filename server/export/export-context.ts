import type { Principal } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import type { WithRequestContext } from './export.route.js';

/** The part of a request context that opens and ends its scoped transaction (server/request-transaction.ts), when it has one. */
interface ScopedTransaction {
  begin(): Promise<void>;
  end(commit: boolean): Promise<void>;
}

/**
 * Each piece of a download (the log lookup, every page) in a fresh request context from `make` —
 * the same factory /graphql uses — inside that context's transaction, begun and ended as the
 * GraphQL request's is: the region scope row-level security reads is set for exactly that work,
 * and a page's entities and loader caches go with its context, so memory holds one page.
 */
export function withRequestContexts(make: (user: Principal | null, requestId: string) => RequestContext): WithRequestContext {
  return async (user, requestId, work) => {
    const context = make(user, requestId);
    const transaction = (context as RequestContext & { transaction?: ScopedTransaction }).transaction;
    await transaction?.begin();
    try {
      const result = await work(context);
      await transaction?.end(true);
      return result;
    } catch (error) {
      await transaction?.end(false);
      throw error;
    }
  };
}
