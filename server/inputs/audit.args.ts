import { ArgsType, Field } from 'type-graphql';
import type { OrderInput } from '../read/list-order.js';
import { ConnectionArgs } from './connection.args.js';
import { LIST_INPUTS, ORDER_BY_DESCRIPTION, WHERE_BESIDE_ARGUMENTS } from './list-where.input.js';

@ArgsType()
export class AuditEntriesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Changes to this record (its global ID).' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes to records of this kind, e.g. Claim.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes made by this actor (token subject).' })
  actor?: string | null;

  @Field(() => LIST_INPUTS.auditEntries.where, { nullable: true, description: WHERE_BESIDE_ARGUMENTS })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.auditEntries.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}
