import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ClaimStatus } from '../enums/claim-status.enum.js';
import { Programme } from '../enums/programme.enum.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { RupiahScalar } from '../scalars/rupiah.scalar.js';
import { PersonalData } from '../personal-data.js';
import { Node } from '../types/node.interface.js';
import { BaseEntity } from './base.entity.js';
import { OptimisticVersion } from './optimistic-version.js';
import { Enrolment } from './enrolment.entity.js';

/** A benefit claim moving through SUBMITTED → VERIFIED → APPROVED → PAID (or REJECTED). */
@Entity({ tableName: 'claim' })
@ObjectType({ implements: Node, description: 'A benefit claim: SUBMITTED → VERIFIED → APPROVED → PAID, or REJECTED before payment.' })
export class Claim extends BaseEntity<'version' | 'approvedAmount' | 'paidAmount' | 'paidDate' | 'paymentKey' | 'rejectionReason'> {
  @Property({ type: 'string', unique: true })
  @Field(() => String, { description: 'Claim number, e.g. KLM-2023-00000042.' })
  claimNo!: string;

  /** GraphQL `enrolment` is resolved through the request's enrolment loader. */
  @ManyToOne({ entity: () => Enrolment })
  enrolment!: Enrolment;

  @Enum({ items: () => Programme })
  @Field(() => Programme, { description: 'Benefit programme claimed; the enrolment must cover it.' })
  programme!: Programme;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'Date of the accident, death, retirement or job loss.' })
  incidentDate!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'Date the claim was submitted.' })
  submittedDate!: string;

  @Enum({ items: () => ClaimStatus })
  @Field(() => ClaimStatus, { description: 'Workflow status.' })
  status!: ClaimStatus;

  @Property({ type: rupiahColumn() })
  @Field(() => RupiahScalar, { description: 'Amount claimed.' })
  claimedAmount!: Rupiah;

  @Property({ type: rupiahColumn(), nullable: true })
  @Field(() => RupiahScalar, { nullable: true, description: 'Amount approved (at most the amount claimed); set on approval.' })
  approvedAmount?: Rupiah | null;

  @Property({ type: rupiahColumn(), nullable: true })
  @Field(() => RupiahScalar, { nullable: true, description: 'Amount paid (at most the amount approved); set on payment.' })
  paidAmount?: Rupiah | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Date paid; set on payment.' })
  paidDate?: string | null;

  /** Idempotency key of the payment, so a retried payment pays once. Internal: no GraphQL field. */
  @Property({ type: 'string', nullable: true, unique: true })
  paymentKey?: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Why the claim was rejected; set on rejection. Free text that may name a person, so roles without personal-data ' +
      'access see `[masked: free text may contain personal data]`.',
  })
  @PersonalData('freeText')
  rejectionReason?: string | null;

  /** Optimistic lock: concurrent transitions of one claim, exactly one wins. */
  @OptimisticVersion('claim', 'the workflow mutations')
  version: number = 1;

  @Field(() => DateTimeScalar, { description: 'When the claim was recorded.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the claim last changed.' })
  declare updatedAt: Date;
}
