import type { RequestContext } from '../context.js';
import type { ClaimEvents } from './claim-events.js';

/**
 * A subscription's context lives as long as the subscription, but each event must read the
 * database as it is now: `renew()` gives the context a fresh unit of work and fresh loaders
 * (graphql-js resolves one event at a time, so nothing else is reading them then).
 */
export interface SubscriptionContext extends RequestContext {
  claimEvents: ClaimEvents;
  renew(): void;
}

export function createSubscriptionContext(make: () => RequestContext, claimEvents: ClaimEvents): SubscriptionContext {
  const context: SubscriptionContext = {
    ...make(),
    claimEvents,
    renew: () => {
      Object.assign(context, make());
    },
  };
  return context;
}
