import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { ClaimStatus } from '../enums/claim-status.enum.js';
import { Programme } from '../enums/programme.enum.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { BaseEntity } from './base.entity.js';
import { Enrolment } from './enrolment.entity.js';

/** A benefit claim moving through SUBMITTED → VERIFIED → APPROVED → PAID (or REJECTED). */
@Entity({ tableName: 'claim' })
export class Claim extends BaseEntity<'version' | 'approvedAmount' | 'paidAmount' | 'paidDate' | 'paymentKey' | 'rejectionReason'> {
  @Property({ type: 'string', unique: true })
  claimNo!: string;

  @ManyToOne({ entity: () => Enrolment })
  enrolment!: Enrolment;

  @Enum({ items: () => Programme })
  programme!: Programme;

  @Property({ type: 'date' })
  incidentDate!: string;

  @Property({ type: 'date' })
  submittedDate!: string;

  @Enum({ items: () => ClaimStatus })
  status!: ClaimStatus;

  @Property({ type: rupiahColumn() })
  claimedAmount!: Rupiah;

  @Property({ type: rupiahColumn(), nullable: true })
  approvedAmount?: Rupiah | null;

  @Property({ type: rupiahColumn(), nullable: true })
  paidAmount?: Rupiah | null;

  @Property({ type: 'date', nullable: true })
  paidDate?: string | null;

  /** Idempotency key of the payment, so a retried payment pays once. */
  @Property({ type: 'string', nullable: true, unique: true })
  paymentKey?: string | null;

  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;

  /** Optimistic lock: concurrent transitions of one claim, exactly one wins. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
