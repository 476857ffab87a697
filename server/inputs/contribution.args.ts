import { ArgsType, Field } from 'type-graphql';
import type { OrderInput } from '../read/list-order.js';
import { LIST_INPUTS, ORDER_BY_DESCRIPTION, WHERE_DESCRIPTION } from './list-where.input.js';
import { ConnectionArgs } from './connection.args.js';
import { ContributionFilter } from './contribution.input.js';

@ArgsType()
export class ContributionsArgs extends ConnectionArgs {
  @Field(() => ContributionFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: ContributionFilter | null;

  @Field(() => LIST_INPUTS.contributions.where, { nullable: true, description: WHERE_DESCRIPTION })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.contributions.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}
