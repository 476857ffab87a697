import { ArrayType, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { EnrolmentStatus } from '../enums/enrolment-status.enum.js';
import { Programme } from '../enums/programme.enum.js';
import { Segment } from '../enums/segment.enum.js';
import { PersonalData } from '../personal-data.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { RupiahScalar } from '../scalars/rupiah.scalar.js';
import { Node } from '../types/node.interface.js';
import { BaseEntity } from './base.entity.js';
import { OptimisticVersion } from './optimistic-version.js';
import { Employer } from './employer.entity.js';
import { Sponsor } from './sponsor.entity.js';
import { Worker } from './worker.entity.js';

/** A membership: one worker covered for some programmes, paid for by one sponsor, over a period. */
@Entity({ tableName: 'enrolment' })
@ObjectType({
  implements: Node,
  description: 'A membership: one worker covered for some programmes, paid for by one sponsor, over a period.',
})
export class Enrolment extends BaseEntity<'endDate' | 'employer' | 'version'> {
  @Property({ type: 'string', unique: true })
  @Field(() => String, {
    description: 'BPJS Ketenagakerjaan membership number. Personal data (it identifies the member): masked after four characters.',
  })
  @PersonalData('membershipNo')
  membershipNo!: string;

  /** GraphQL `worker` is resolved through the request's worker loader. */
  @ManyToOne({ entity: () => Worker })
  worker!: Worker;

  @ManyToOne({ entity: () => Sponsor })
  sponsor!: Sponsor;

  /** Present exactly for PU (wage-earner) memberships. */
  @ManyToOne({ entity: () => Employer, nullable: true })
  employer?: Employer | null;

  @Enum({ items: () => Segment })
  @Field(() => Segment, { description: 'PU (wage earner) or BPU (informal).' })
  segment!: Segment;

  @Property({ type: ArrayType, columnType: 'text[]' })
  @Field(() => [Programme], { description: 'Programmes covered. BPU memberships never include JP or JKP.' })
  programmes!: Programme[];

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'First day of coverage.' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Last day of coverage; null while open-ended.' })
  endDate?: string | null;

  /** Monthly wage (PU) or declared income (BPU) that percentage rates apply to. */
  @Property({ type: rupiahColumn() })
  @Field(() => RupiahScalar, { description: 'Monthly wage (PU) or declared income (BPU) that percentage rates apply to.' })
  declaredIncome!: Rupiah;

  @Enum({ items: () => EnrolmentStatus })
  @Field(() => EnrolmentStatus, { description: 'Lifecycle status.' })
  status!: EnrolmentStatus;

  @Field(() => DateTimeScalar, { description: 'When the enrolment was recorded.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record last changed.' })
  declare updatedAt: Date;

  @OptimisticVersion('enrolment', 'endEnrolment')
  version: number = 1;
}
