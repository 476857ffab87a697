import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Occupation } from '../enums/occupation.enum.js';
import { Sector } from '../enums/sector.enum.js';
import { Sex } from '../enums/sex.enum.js';
import { BaseEntity } from './base.entity.js';
import { Region } from './region.entity.js';

/** A participant. NIK, name and phone are personal data (UU 27/2022). */
@Entity({ tableName: 'worker' })
export class Worker extends BaseEntity<'nonAsn' | 'phone'> {
  @Property({ type: 'string', unique: true })
  nik!: string;

  @Property({ type: 'string' })
  fullName!: string;

  @Enum({ items: () => Sex })
  sex!: Sex;

  @Property({ type: 'date' })
  birthDate!: string;

  /** Where the worker lives now (kecamatan or village), which may differ from the NIK's prefix. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_code' })
  region!: Region;

  @Enum({ items: () => Occupation })
  occupation!: Occupation;

  @Enum({ items: () => Sector })
  sector!: Sector;

  @Property({ type: 'boolean' })
  nonAsn: boolean = false;

  @Property({ type: 'string', nullable: true })
  phone?: string | null;
}
