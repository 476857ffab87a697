import { ArrayType, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { EnrolmentStatus } from '../enums/enrolment-status.enum.js';
import { Programme } from '../enums/programme.enum.js';
import { Segment } from '../enums/segment.enum.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { BaseEntity } from './base.entity.js';
import { Employer } from './employer.entity.js';
import { Sponsor } from './sponsor.entity.js';
import { Worker } from './worker.entity.js';

/** A membership: one worker covered for some programmes, paid for by one sponsor, over a period. */
@Entity({ tableName: 'enrolment' })
export class Enrolment extends BaseEntity<'endDate' | 'employer'> {
  @Property({ type: 'string', unique: true })
  membershipNo!: string;

  @ManyToOne({ entity: () => Worker })
  worker!: Worker;

  @ManyToOne({ entity: () => Sponsor })
  sponsor!: Sponsor;

  /** Present exactly for PU (wage-earner) memberships. */
  @ManyToOne({ entity: () => Employer, nullable: true })
  employer?: Employer | null;

  @Enum({ items: () => Segment })
  segment!: Segment;

  @Property({ type: ArrayType, columnType: 'text[]' })
  programmes!: Programme[];

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  /** Monthly wage (PU) or declared income (BPU) that percentage rates apply to. */
  @Property({ type: rupiahColumn() })
  declaredIncome!: Rupiah;

  @Enum({ items: () => EnrolmentStatus })
  status!: EnrolmentStatus;
}
