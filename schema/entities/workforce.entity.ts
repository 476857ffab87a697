import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Sector } from '../enums/sector.enum.js';
import { Region } from './region.entity.js';

/** Workers in the labour force per year, kecamatan and sector: the denominator of coverage. */
@Entity({ tableName: 'workforce' })
export class Workforce {
  @PrimaryKey({ type: 'integer' })
  year!: number;

  @ManyToOne({ entity: () => Region, fieldName: 'region_code', primary: true })
  region!: Region;

  @Enum({ items: () => Sector, primary: true })
  sector!: Sector;

  @Property({ type: 'integer' })
  workers!: number;
}
