import { Field, ObjectType } from 'type-graphql';
import { Claim } from '../entities/claim.entity.js';
import { ClaimChangeKind } from '../enums/claim-change-kind.enum.js';

/** One event of the live claim queue (`claimChanged`). */
@ObjectType({ description: 'A claim as it stands right after a change, read with the subscriber’s own access (masked as in queries).' })
export class ClaimChange {
  @Field(() => ClaimChangeKind, { description: 'CREATED or STATUS_CHANGED.' })
  change!: ClaimChangeKind;

  @Field(() => Claim, { nullable: true, description: 'The claim now; null if the subscriber may no longer see it.' })
  claim!: Claim | null;
}
