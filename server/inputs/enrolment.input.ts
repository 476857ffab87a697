import { Field, ID, InputType } from 'type-graphql';
import { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import { Segment } from '../../schema/enums/segment.enum.js';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import { RANGES } from '../../schema/validation.js';

@InputType({ description: 'Which enrolments to list. All given conditions must hold.' })
export class EnrolmentFilter {
  @Field(() => ID, { nullable: true, description: 'Paid by this sponsor.' })
  sponsorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Of this worker.' })
  workerId?: string | null;

  @Field(() => [EnrolmentStatus], { nullable: true, description: 'In any of these statuses.' })
  status?: EnrolmentStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Starting on or after this date.' })
  startFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Starting on or before this date.' })
  startTo?: string | null;
}

@InputType({
  description: 'A new membership. Refused when the sponsor’s remaining budget for the start year cannot pay it (BUDGET_EXCEEDED).',
})
export class EnrolInput {
  @Field(() => ID, { description: 'The worker to cover.' })
  workerId!: string;

  @Field(() => ID, { description: 'Who pays the contributions.' })
  sponsorId!: string;

  @Field(() => ID, { nullable: true, description: 'Employer: required for PU, absent for BPU.' })
  employerId?: string | null;

  @Field(() => Segment, { description: 'PU (wage earner) or BPU (informal).' })
  segment!: Segment;

  @Field(() => [Programme], { description: 'Programmes to cover; BPU members cannot have JP or JKP.' })
  programmes!: Programme[];

  @Field(() => DateScalar, {
    description:
      `First day of coverage: from ${RANGES.programmeStart}, not before the worker turns ${RANGES.minimumWorkingAge} (the minimum working age), ` +
      'at most a year ahead. A future date gives a PENDING enrolment. It may not overlap an ACTIVE or PENDING enrolment of the worker with the same sponsor (CONFLICT).',
  })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of coverage, if known.' })
  endDate?: string | null;

  @Field(() => RupiahScalar, {
    description: `Monthly wage (PU) or declared income (BPU): at most ${RANGES.declaredIncomeMax} (Rp 1 miliar).`,
  })
  declaredIncome!: bigint;
}

@InputType({ description: 'How an enrolment ends.' })
export class EndEnrolmentInput {
  @Field(() => DateScalar, { description: 'Last day of coverage.' })
  endDate!: string;

  @Field(() => EnrolmentStatus, { nullable: true, description: 'TERMINATED (ended early, the default) or LAPSED (ran out).' })
  status?: EnrolmentStatus | null;
}
