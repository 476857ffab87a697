import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { RegionLevel } from '../enums/region-level.enum.js';

/** A Kemendagri region: province (64), regency (64.02), kecamatan (64.02.06) or village. */
@Entity({ tableName: 'region' })
export class Region {
  @PrimaryKey({ type: 'string' })
  code!: string;

  @Property({ type: 'string' })
  name!: string;

  @Enum({ items: () => RegionLevel })
  level!: RegionLevel;

  @ManyToOne({ entity: () => Region, fieldName: 'parent_code', nullable: true })
  parent?: Region;
}
