import { ArgsType, Field } from 'type-graphql';
import type { OrderInput } from '../read/list-order.js';
import { LIST_INPUTS, ORDER_BY_DESCRIPTION, WHERE_DESCRIPTION } from './list-where.input.js';
import { ClaimFilter } from './claim.input.js';
import { ConnectionArgs } from './connection.args.js';

@ArgsType()
export class ClaimsArgs extends ConnectionArgs {
  @Field(() => ClaimFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: ClaimFilter | null;

  @Field(() => LIST_INPUTS.claims.where, { nullable: true, description: WHERE_DESCRIPTION })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.claims.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}
