import { ArgsType, Field } from 'type-graphql';
import type { OrderInput } from '../read/list-order.js';
import { LIST_INPUTS, ORDER_BY_DESCRIPTION, WHERE_DESCRIPTION } from './list-where.input.js';
import { ConnectionArgs } from './connection.args.js';
import { WorkerFilter } from './worker.input.js';

@ArgsType()
export class WorkersArgs extends ConnectionArgs {
  @Field(() => WorkerFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: WorkerFilter | null;

  @Field(() => LIST_INPUTS.workers.where, { nullable: true, description: WHERE_DESCRIPTION })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.workers.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}
