import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { RegionLevel } from '../enums/region-level.enum.js';
import { toGlobalId } from '../types/global-id.js';
import { Node } from '../types/node.interface.js';

/** A Kemendagri region: province (64), regency (64.02), kecamatan (64.02.06) or village. */
@Entity({ tableName: 'region' })
@ObjectType({ implements: Node, description: 'A Kemendagri region: province, regency, kecamatan (district) or village.' })
export class Region {
  // The key is `code`, not `id`: lets callers filter and reference regions by their code string.
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'nodeId';

  @PrimaryKey({ type: 'string' })
  @Field(() => String, { description: 'Kemendagri code, e.g. 64.02.06 for Tenggarong.' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Official name.' })
  name!: string;

  @Enum({ items: () => RegionLevel })
  @Field(() => RegionLevel, { description: 'Administrative level.' })
  level!: RegionLevel;

  /** GraphQL `parent` is resolved through the request's region loader. */
  @ManyToOne({ entity: () => Region, fieldName: 'parent_code', nullable: true })
  parent?: Region;

  get nodeId(): string {
    return toGlobalId('Region', this.code);
  }
}
