import { BigIntType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Who changed what and when. Append-only: the database refuses UPDATE, DELETE and TRUNCATE. */
@Entity({ tableName: 'audit_entry' })
export class AuditEntry {
  [OptionalProps]?: 'occurredAt';

  @PrimaryKey({ type: new BigIntType('number') })
  id!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  occurredAt: Date = new Date();

  @Property({ type: 'string' })
  actor!: string;

  @Property({ type: 'string' })
  action!: string;

  @Property({ type: 'string' })
  entityType!: string;

  @Property({ type: 'string' })
  entityId!: string;

  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Property({ type: 'json', nullable: true })
  after?: unknown;

  @Property({ type: 'string', nullable: true })
  requestId?: string | null;
}
