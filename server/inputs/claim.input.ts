import { Field, ID, InputType } from 'type-graphql';
import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import { RANGES } from '../../schema/validation.js';

@InputType({ description: 'Which claims to list. All given conditions must hold.' })
export class ClaimFilter {
  @Field(() => [ClaimStatus], { nullable: true, description: 'In any of these statuses.' })
  status?: ClaimStatus[] | null;

  @Field(() => [Programme], { nullable: true, description: 'For any of these programmes.' })
  programme?: Programme[] | null;

  @Field(() => String, { nullable: true, description: 'Kecamatan code where the member lives, e.g. 64.02.06.' })
  kecamatan?: string | null;

  @Field(() => ID, { nullable: true, description: 'Of this enrolment.' })
  enrolmentId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or after.' })
  submittedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Submitted on or before.' })
  submittedTo?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Paid on or after (only paid claims match).' })
  paidFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Paid on or before (only paid claims match).' })
  paidTo?: string | null;
}

@InputType({ description: 'A new claim. The enrolment must cover the programme, and the incident must fall within its coverage.' })
export class SubmitClaimInput {
  @Field(() => ID, { description: 'The enrolment claimed under.' })
  enrolmentId!: string;

  @Field(() => Programme, { description: 'Programme claimed.' })
  programme!: Programme;

  @Field(() => DateScalar, { description: `Date of the incident: from ${RANGES.programmeStart} (ASTEK began in 1977) to today.` })
  incidentDate!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Submission date (default: today in Asia/Makassar): not before the incident, not after today.',
  })
  submittedDate?: string | null;

  @Field(() => RupiahScalar, {
    description: `Amount claimed: at most ${RANGES.claimAmountMax} (Rp 10 miliar); the largest real benefits, JHT balances, stay well below it and JKM pays Rp 42 juta.`,
  })
  claimedAmount!: bigint;
}
