import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from './base.entity.js';
import { Region } from './region.entity.js';

/** A company employing formal (PU) workers in the regency. */
@Entity({ tableName: 'employer' })
export class Employer extends BaseEntity<'industry'> {
  @Property({ type: 'string', unique: true })
  code!: string;

  @Property({ type: 'string' })
  name!: string;

  @ManyToOne({ entity: () => Region, fieldName: 'region_code' })
  region!: Region;

  @Property({ type: 'string' })
  industry: string = 'LAINNYA';
}
