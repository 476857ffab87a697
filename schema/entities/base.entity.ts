import { BigIntType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { toGlobalId } from '../types/global-id.js';

/** Surrogate id and timestamps shared by the operational tables. */
export abstract class BaseEntity<Optional = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'nodeId' | Optional;

  // Ids stay far below 2^53, so a JS number is exact and simpler for callers than bigint.
  @PrimaryKey({ type: new BigIntType('number') })
  id!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** The GraphQL `id` (Node interface): the class name is the GraphQL type name. */
  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
