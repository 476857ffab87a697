import { ArgsType, Field } from 'type-graphql';
import type { OrderInput } from '../read/list-order.js';
import { LIST_INPUTS, ORDER_BY_DESCRIPTION, WHERE_DESCRIPTION } from './list-where.input.js';
import { ConnectionArgs } from './connection.args.js';
import { EnrolmentFilter } from './enrolment.input.js';

@ArgsType()
export class EnrolmentsArgs extends ConnectionArgs {
  @Field(() => EnrolmentFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: EnrolmentFilter | null;

  @Field(() => LIST_INPUTS.enrolments.where, { nullable: true, description: WHERE_DESCRIPTION })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.enrolments.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}
