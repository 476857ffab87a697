import { Field, ID, InputType } from 'type-graphql';
import { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import { Occupation } from '../../schema/enums/occupation.enum.js';
import { Sector } from '../../schema/enums/sector.enum.js';
import { Sex } from '../../schema/enums/sex.enum.js';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { NikScalar } from '../../schema/scalars/nik.scalar.js';
import { RANGES } from '../../schema/validation.js';

@InputType({ description: 'Which workers to list. All given conditions must hold.' })
export class WorkerFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Kecamatan code, e.g. 64.02.06 (Tenggarong): workers living there or in one of its villages.',
  })
  kecamatan?: string | null;

  @Field(() => [Occupation], { nullable: true, description: 'Any of these occupations.' })
  occupation?: Occupation[] | null;

  @Field(() => Sector, { nullable: true, description: 'Formal or informal.' })
  sector?: Sector | null;

  @Field(() => ID, { nullable: true, description: 'Workers with at least one enrolment paid by this sponsor.' })
  sponsorId?: string | null;

  @Field(() => [EnrolmentStatus], {
    nullable: true,
    description: 'Workers with at least one enrolment in any of these statuses (with sponsorId: that sponsor’s).',
  })
  enrolmentStatus?: EnrolmentStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name (case-insensitive substring) or NIK (16 digits exact, or a prefix). Needs personal-data access (operator, admin).',
  })
  search?: string | null;
}

@InputType({ description: 'A new worker. The NIK must agree with the sex and birth date (DDMMYY, day + 40 for women).' })
export class RegisterWorkerInput {
  @Field(() => NikScalar, { description: 'National ID, 16 digits.' })
  nik!: string;

  @Field(() => String, { description: 'Full name as on the KTP.' })
  fullName!: string;

  @Field(() => Sex, { description: 'Sex as on the KTP.' })
  sex!: Sex;

  @Field(() => DateScalar, {
    description: `Birth date: the worker is ${RANGES.minimumWorkingAge} to ${RANGES.maximumAge} years old today.`,
  })
  birthDate!: string;

  @Field(() => String, { description: 'Kecamatan or village where the worker lives, e.g. 64.02.06.' })
  regionCode!: string;

  @Field(() => Occupation, { description: 'Occupation.' })
  occupation!: Occupation;

  @Field(() => Sector, { description: 'Formal or informal sector.' })
  sector!: Sector;

  @Field(() => Boolean, { nullable: true, description: 'Non-civil-servant public worker (default false).' })
  nonAsn?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Indonesian mobile number, 08… or +628…; stored as +62….' })
  phone?: string | null;
}

@InputType({ description: 'Changes to a worker; omitted fields keep their value. NIK, sex and birth date are checked together.' })
export class UpdateWorkerInput {
  @Field(() => NikScalar, { nullable: true, description: 'Corrected NIK.' })
  nik?: string;

  @Field(() => String, { nullable: true, description: 'Corrected full name.' })
  fullName?: string;

  @Field(() => Sex, { nullable: true, description: 'Corrected sex.' })
  sex?: Sex;

  @Field(() => DateScalar, {
    nullable: true,
    description: `Corrected birth date: the worker is ${RANGES.minimumWorkingAge} to ${RANGES.maximumAge} years old today.`,
  })
  birthDate?: string;

  @Field(() => String, { nullable: true, description: 'New kecamatan or village code.' })
  regionCode?: string;

  @Field(() => Occupation, { nullable: true, description: 'New occupation.' })
  occupation?: Occupation;

  @Field(() => Sector, { nullable: true, description: 'New sector.' })
  sector?: Sector;

  @Field(() => Boolean, { nullable: true, description: 'Non-ASN flag.' })
  nonAsn?: boolean;

  @Field(() => String, { nullable: true, description: 'New phone number; null removes it.' })
  phone?: string | null;
}
