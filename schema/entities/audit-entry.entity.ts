import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { auditEntityApiId } from '../audit-key.js';
import { PersonalData } from '../personal-data.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { JsonObjectScalar } from '../scalars/json-object.scalar.js';
import { toGlobalId } from '../types/global-id.js';
import { Node } from '../types/node.interface.js';

/** Who changed what and when. Append-only: the database refuses UPDATE, DELETE and TRUNCATE. */
@Entity({ tableName: 'audit_entry' })
@ObjectType({
  implements: Node,
  description: 'One change: who made it, when, in which request, and the record before and after. Append-only.',
})
export class AuditEntry {
  [OptionalProps]?: 'occurredAt' | 'nodeId' | 'apiEntityId';

  @PrimaryKey({ type: new BigIntType('number') })
  id!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  occurredAt: Date = new Date();

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Who made the change: the token subject (`sub`), or `seed` / `import` for batch loads.' })
  actor!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'What was done, e.g. REGISTER_WORKER, APPROVE_CLAIM.' })
  action!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Kind of record changed, e.g. Worker, Claim.' })
  entityType!: string;

  /** The record's primary key, or a batch's key (schema/audit-key.ts): what SQL and the ETL join on. */
  @Property({ type: 'string' })
  entityId!: string;

  @Field(() => String, { name: 'entityId', description: 'Global ID of the record changed (or the key of a batch, e.g. a file name).' })
  get apiEntityId(): string {
    return auditEntityApiId(this);
  }

  @Property({ type: 'json', nullable: true })
  @Field(() => JsonObjectScalar, {
    nullable: true,
    description: 'The record before the change (null for a creation). Personal data inside is masked.',
  })
  @PersonalData('snapshot')
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  @Field(() => JsonObjectScalar, { nullable: true, description: 'The record after the change. Personal data inside is masked.' })
  @PersonalData('snapshot')
  after?: unknown;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Request id of the API call that made the change (also in the server logs).' })
  requestId?: string | null;

  get nodeId(): string {
    return toGlobalId('AuditEntry', this.id);
  }
}
