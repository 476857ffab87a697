import { extendContext, type RequestContext } from '../context.js';
import type { ClaimEvent, ClaimEvents } from './claim-events.js';

/**
 * A subscription's context lives as long as the subscription, but each event must read the
 * database as it is now and under the subscriber's scope: `renew()` gives the context a fresh
 * unit of work, fresh loaders and a new scoped transaction (graphql-js resolves one event at a
 * time, so nothing else is reading them then); `settle()` ends that transaction once the event's
 * result is built.
 */
export interface SubscriptionContext extends RequestContext {
  claimEvents: ClaimEvents;
  renew(): Promise<void>;
  settle(): Promise<void>;
}

export function createSubscriptionContext(make: () => RequestContext, claimEvents: ClaimEvents): SubscriptionContext {
  const context: SubscriptionContext = extendContext(make(), {
    claimEvents,
    renew: async () => {
      await context.transaction.end(true);
      Object.assign(context, make());
      await context.transaction.begin();
    },
    settle: () => context.transaction.end(true),
  });
  return context;
}

/**
 * The claim changes this subscriber may see: each event passes only when the claim is visible
 * under the subscriber's scope, read in the transaction the event is then resolved in. The
 * announcement itself carries no region (codes only), so the database decides, as for any read.
 */
export async function* visibleClaimEvents(
  context: SubscriptionContext,
  filter: (event: ClaimEvent) => boolean,
): AsyncGenerator<ClaimEvent> {
  try {
    for await (const event of context.claimEvents.subscribe(filter)) {
      await context.renew();
      const visible = await context.em.execute<{ id: string }[]>('select id from claim where id = ?', [event.id]);
      if (visible.length > 0) yield event;
      else await context.settle();
    }
  } finally {
    // The subscriber left (or the feed closed) while an event was open.
    await context.settle();
  }
}
