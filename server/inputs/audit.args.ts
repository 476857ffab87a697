import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from './connection.args.js';

@ArgsType()
export class AuditEntriesArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Changes to this record (its global ID).' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes to records of this kind, e.g. Claim.' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Changes made by this actor (token subject).' })
  actor?: string | null;
}
