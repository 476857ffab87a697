import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../types/node.interface.js';
import { BaseEntity } from './base.entity.js';
import { Region } from './region.entity.js';

/** A company employing formal (PU) workers in the regency. */
@Entity({ tableName: 'employer' })
@ObjectType({
  implements: Node,
  description: 'A company employing formal (PU) workers in the regency; some also sponsor vulnerable workers through CSR.',
})
export class Employer extends BaseEntity<'industry'> {
  @Property({ type: 'string', unique: true })
  @Field(() => String, { description: 'Business code, e.g. EMP-00001.' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Registered company name.' })
  name!: string;

  /** GraphQL `region` is resolved through the request's region loader. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_code' })
  region!: Region;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Industry (sets the JKK risk class for its wage earners), e.g. PERTAMBANGAN.' })
  industry: string = 'LAINNYA';
}
