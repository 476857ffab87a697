import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Occupation } from '../enums/occupation.enum.js';
import { Sector } from '../enums/sector.enum.js';
import { Sex } from '../enums/sex.enum.js';
import { PersonalData } from '../personal-data.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { NikScalar } from '../scalars/nik.scalar.js';
import { Node } from '../types/node.interface.js';
import { BaseEntity } from './base.entity.js';
import { OptimisticVersion } from './optimistic-version.js';
import { Region } from './region.entity.js';

/** A participant. NIK, name and phone are personal data (UU 27/2022). */
@Entity({ tableName: 'worker' })
@ObjectType({
  implements: Node,
  description:
    'A participant (worker). NIK, name, birth date and phone are personal data (UU 27/2022), masked for roles without personal-data access.',
})
export class Worker extends BaseEntity<'nonAsn' | 'phone' | 'birthYear' | 'version'> {
  @Property({ type: 'string', unique: true })
  @Field(() => NikScalar, { description: 'National ID (16 digits). Personal data: masked as e.g. "6402************".' })
  @PersonalData('nik')
  nik!: string;

  @Property({ type: 'string' })
  @Field(() => String, { description: 'Full name as on the KTP. Personal data: masked to initials, e.g. "S*** A***".' })
  @PersonalData('name')
  fullName!: string;

  @Enum({ items: () => Sex })
  @Field(() => Sex, { description: 'Sex as recorded on the KTP.' })
  sex!: Sex;

  @Property({ type: 'date' })
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Birth date. Personal data: null for roles without personal-data access (use birthYear).',
  })
  @PersonalData('birthDate')
  birthDate!: string;

  /** GraphQL `region` is resolved through the request's region loader. */
  @ManyToOne({ entity: () => Region, fieldName: 'region_code' })
  region!: Region;

  @Enum({ items: () => Occupation })
  @Field(() => Occupation, { description: 'Occupation.' })
  occupation!: Occupation;

  @Enum({ items: () => Sector })
  @Field(() => Sector, { description: 'Formal or informal sector.' })
  sector!: Sector;

  @Property({ type: 'boolean' })
  @Field(() => Boolean, { description: 'True for non-civil-servant public workers (honorary staff, non-ASN).' })
  nonAsn: boolean = false;

  @Property({ type: 'string', nullable: true })
  @Field(() => String, { nullable: true, description: 'Mobile number, +62…. Personal data: masked after the country code.' })
  @PersonalData('phone')
  phone?: string | null;

  @Field(() => DateTimeScalar, { description: 'When the worker was registered.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record last changed.' })
  declare updatedAt: Date;

  @Field(() => Int, { description: 'Year of birth: not personal data on its own, so every role sees it.' })
  get birthYear(): number {
    return Number(this.birthDate.slice(0, 4));
  }

  @OptimisticVersion('worker', 'updateWorker')
  version: number = 1;
}
