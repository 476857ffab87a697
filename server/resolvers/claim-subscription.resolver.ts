import { Arg, Authorized, Ctx, Resolver, Root, Subscription } from 'type-graphql';
import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import type { Claim } from '../../schema/entities/claim.entity.js';
import { ClaimChange } from '../../schema/types/claim-change.type.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import type { ClaimEvent } from '../subscriptions/claim-events.js';
import { type SubscriptionContext, visibleClaimEvents } from '../subscriptions/subscription-context.js';

interface ClaimChangedArgs {
  statuses?: ClaimStatus[] | null;
  programmes?: Programme[] | null;
}

@Resolver()
export class ClaimSubscriptionResolver {
  @Authorized()
  @Subscription(() => ClaimChange, {
    description:
      'The live claim queue over WebSocket (graphql-ws): every new claim and every status change, committed by any API process, ' +
      'the import or the database itself. Authenticate in `connection_init` with `{ "authorization": "Bearer <token>" }`.',
    subscribe: ({ args, context }) => {
      const { statuses, programmes } = args as ClaimChangedArgs;
      return visibleClaimEvents(
        context as SubscriptionContext,
        (e) => (!statuses?.length || statuses.includes(e.status)) && (!programmes?.length || programmes.includes(e.programme)),
      );
    },
  })
  async claimChanged(
    @Root() event: ClaimEvent,
    @Ctx() ctx: SubscriptionContext,
    @Arg('statuses', () => [ClaimStatus], { nullable: true, description: 'Only changes to these statuses (default: all).' })
    _statuses?: ClaimStatus[] | null,
    @Arg('programmes', () => [Programme], { nullable: true, description: 'Only claims under these programmes (default: all).' })
    _programmes?: Programme[] | null,
  ): Promise<ClaimChange> {
    // Read afresh in the event's scoped transaction (visibleClaimEvents opened it), as `node(id:)` would read it.
    const claim = (await ctx.services.nodes.node(toGlobalId('Claim', event.id))) as Claim | null;
    return { change: event.change, claim };
  }
}
