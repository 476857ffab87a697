import { ArgsType, Field } from 'type-graphql';
import { ClaimFilter } from './claim.input.js';
import { ConnectionArgs } from './connection.args.js';

@ArgsType()
export class ClaimsArgs extends ConnectionArgs {
  @Field(() => ClaimFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: ClaimFilter | null;
}
