import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { SponsorKind } from '../enums/sponsor-kind.enum.js';
import { BaseEntity } from './base.entity.js';
import { Employer } from './employer.entity.js';

/** Who pays contributions: the regency budget, a company's CSR, an employer, or the member. */
@Entity({ tableName: 'sponsor' })
export class Sponsor extends BaseEntity {
  @Property({ type: 'string', unique: true })
  code!: string;

  @Property({ type: 'string' })
  name!: string;

  @Enum({ items: () => SponsorKind })
  kind!: SponsorKind;

  @ManyToOne({ entity: () => Employer, nullable: true })
  employer?: Employer;
}
