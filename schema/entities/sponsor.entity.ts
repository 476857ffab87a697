import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { SponsorKind } from '../enums/sponsor-kind.enum.js';
import { Node } from '../types/node.interface.js';
import { BaseEntity } from './base.entity.js';
import { Employer } from './employer.entity.js';
import { Region } from './region.entity.js';

/** Who pays contributions: the regency budget, a company's CSR, an employer, or the member. */
@Entity({ tableName: 'sponsor' })
@ObjectType({
  implements: Node,
  description: "A funding source paying members' contributions: the regency budget (APBD), a company's CSR, an employer, or the member.",
})
export class Sponsor extends BaseEntity {
  @Property({ type: 'string', unique: true })
  @Field(() => String, { description: 'Sponsor code, e.g. PEMKAB-KUKAR (the Kutai Kartanegara APBD).' })
  code!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Enum({ items: () => SponsorKind })
  @Field(() => SponsorKind, { description: 'What kind of funding source this is.' })
  kind!: SponsorKind;

  /** GraphQL `employer` is resolved through the request's employer loader. */
  @ManyToOne({ entity: () => Employer, nullable: true })
  employer?: Employer;

  /**
   * Where the payer is: a regency's APBD sponsor is that regency (64.02), a company's sponsor is
   * the company's address. GraphQL `region` is resolved through the request's region loader.
   */
  @ManyToOne({ entity: () => Region, fieldName: 'region_code' })
  region!: Region;
}
