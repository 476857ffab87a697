import { Field, Int, ObjectType } from 'type-graphql';
import { Sponsor } from '../entities/sponsor.entity.js';
import { BudgetKind } from '../enums/budget-kind.enum.js';
import { ClaimStatus } from '../enums/claim-status.enum.js';
import { Programme } from '../enums/programme.enum.js';
import { Sector } from '../enums/sector.enum.js';
import { MonthScalar } from '../scalars/month.scalar.js';
import { RupiahScalar } from '../scalars/rupiah.scalar.js';

@ObjectType({
  description:
    'Aggregates for dashboards, computed from the operational tables. Each field runs its own queries only when selected, ' +
    'and each result is shared across requests for up to DASHBOARD_CACHE_SECONDS (default 10 s); a mutation through the ' +
    'same server makes the next read recompute.',
})
export class Dashboard {}

@ObjectType({ description: 'Active enrolments of one sponsor in one sector.', simpleResolvers: true })
export class ActiveEnrolmentGroup {
  @Field(() => Sponsor, { description: 'The paying sponsor.' })
  sponsor!: Sponsor;

  @Field(() => Sector, { description: 'Sector of the covered workers.' })
  sector!: Sector;

  @Field(() => Int, { description: 'Number of ACTIVE enrolments.' })
  count!: number;
}

@ObjectType({ description: 'Claims in one status for one programme.', simpleResolvers: true })
export class ClaimPipelineGroup {
  @Field(() => ClaimStatus, { description: 'Workflow status.' })
  status!: ClaimStatus;

  @Field(() => Programme, { description: 'Benefit programme.' })
  programme!: Programme;

  @Field(() => Int, { description: 'Number of claims.' })
  count!: number;

  @Field(() => RupiahScalar, { description: 'Total claimed.' })
  claimedAmount!: bigint;

  @Field(() => RupiahScalar, { description: 'Total approved (0 where none yet).' })
  approvedAmount!: bigint;

  @Field(() => RupiahScalar, { description: 'Total paid (0 where none yet).' })
  paidAmount!: bigint;
}

@ObjectType({
  description:
    'A sponsor’s budget for one year against contributions paid so far. `committed` is the cost of its ACTIVE and PENDING ' +
    'enrolments for the months not yet paid; a new enrolment must fit in `available` (the budget rule in the API guide).',
})
export class SponsorBudget {
  @Field(() => Sponsor, { description: 'The sponsor.' })
  sponsor!: Sponsor;

  @Field(() => Int, { description: 'Fiscal year.' })
  year!: number;

  @Field(() => BudgetKind, { nullable: true, description: 'Which allocation is in force (REVISED over ORIGINAL); null when none.' })
  allocationKind!: BudgetKind | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Allocation in force; null when the sponsor has none for the year.' })
  allocated!: bigint | null;

  @Field(() => RupiahScalar, { description: 'Contributions recorded for this year’s months, paid by this sponsor.' })
  paid!: bigint;

  @Field(() => MonthScalar, { nullable: true, description: 'Last month of the year with contributions recorded.' })
  paidThrough!: string | null;

  @Field(() => RupiahScalar, { description: 'Cost of ACTIVE and PENDING enrolments for the rest of the year (months after paidThrough).' })
  committed!: bigint;

  @Field(() => Int, { description: 'How many enrolments make up `committed`.' })
  committedEnrolments!: number;

  @Field(() => RupiahScalar, { description: 'allocated − paid − committed, floored at 0: what new enrolments may still use.' })
  available!: bigint;

  @Field(() => RupiahScalar, { description: 'How far paid + committed exceed the allocation (0 when within budget).' })
  shortfall!: bigint;
}

@ObjectType({ description: 'The result of recording one month of contributions for a sponsor.', simpleResolvers: true })
export class ContributionBatch {
  @Field(() => Sponsor, { description: 'The paying sponsor.' })
  sponsor!: Sponsor;

  @Field(() => MonthScalar, { description: 'The month recorded.' })
  month!: string;

  @Field(() => Int, { description: 'Contribution rows (enrolment × programme) the month should have.' })
  expected!: number;

  @Field(() => Int, { description: 'Rows written by this call.' })
  recorded!: number;

  @Field(() => Int, { description: 'Rows already recorded before (a repeated call records nothing twice).' })
  alreadyRecorded!: number;

  @Field(() => RupiahScalar, { description: 'Total amount of the rows written by this call.' })
  recordedAmount!: bigint;
}

@ObjectType({ description: 'Who is calling, from the bearer token.', simpleResolvers: true })
export class Principal {
  @Field(() => String, { description: 'The token subject: recorded as the actor of every change.' })
  subject!: string;

  @Field(() => String, { description: 'viewer, analyst, operator or admin.' })
  role!: string;

  @Field(() => Boolean, { description: 'Whether NIK, names, birth dates, phone and membership numbers are shown unmasked.' })
  seesPersonalData!: boolean;
}
