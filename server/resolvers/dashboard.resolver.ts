import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import { ActiveEnrolmentGroup, ClaimPipelineGroup, Dashboard, SponsorBudget } from '../../schema/types/dashboard.type.js';
import type { RequestContext } from '../context.js';
import type { BudgetPosition } from '../services/budget.service.js';
import type { ActiveEnrolmentGroup as ActiveGroup, ClaimPipelineGroup as PipelineGroup } from '../services/dashboard.service.js';

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized()
  @Query(() => Dashboard, { description: 'Live aggregates for dashboards (any role: no personal data).' })
  dashboard(): Dashboard {
    return new Dashboard();
  }

  @FieldResolver(() => [ActiveEnrolmentGroup], { description: 'ACTIVE enrolments by sponsor and sector.' })
  activeEnrolments(
    @Ctx() ctx: RequestContext,
    @Arg('sponsorKind', () => [SponsorKind], {
      nullable: true,
      description: 'Only sponsors of these kinds (there is one EMPLOYER sponsor per company).',
    })
    sponsorKind?: SponsorKind[] | null,
  ): Promise<ActiveGroup[]> {
    return ctx.services.dashboard.activeEnrolments({ sponsorKind });
  }

  @FieldResolver(() => [ClaimPipelineGroup], { description: 'Claims by status and programme, with amounts.' })
  claimPipeline(
    @Ctx() ctx: RequestContext,
    @Arg('submittedFrom', () => DateScalar, { nullable: true, description: 'Only claims submitted on or after.' }) submittedFrom?:
      | string
      | null,
    @Arg('submittedTo', () => DateScalar, { nullable: true, description: 'Only claims submitted on or before.' }) submittedTo?:
      | string
      | null,
  ): Promise<PipelineGroup[]> {
    return ctx.services.dashboard.claimPipeline({ submittedFrom, submittedTo });
  }

  @FieldResolver(() => SponsorBudget, { description: 'A sponsor’s budget for a year against contributions paid so far.' })
  sponsorBudget(
    @Ctx() ctx: RequestContext,
    @Arg('sponsorId', () => ID, { description: 'The sponsor.' }) sponsorId: string,
    @Arg('year', () => Int, { description: 'Fiscal year.' }) year: number,
  ): Promise<BudgetPosition> {
    return ctx.services.budgets.sponsorPosition(sponsorId, year);
  }
}

/** The commitment is a heavier query, so it runs only when one of these fields is selected. */
@Resolver(() => SponsorBudget)
export class SponsorBudgetResolver {
  @FieldResolver(() => RupiahScalar)
  async committed(@Root() position: BudgetPosition): Promise<bigint> {
    return (await position.commitment()).amount;
  }

  @FieldResolver(() => Int)
  async committedEnrolments(@Root() position: BudgetPosition): Promise<number> {
    return (await position.commitment()).enrolments;
  }

  @FieldResolver(() => RupiahScalar)
  async available(@Root() position: BudgetPosition): Promise<bigint> {
    const left = (position.allocated ?? 0n) - position.paid - (await position.commitment()).amount;
    return left > 0n ? left : 0n;
  }

  @FieldResolver(() => RupiahScalar)
  async shortfall(@Root() position: BudgetPosition): Promise<bigint> {
    const over = position.paid + (await position.commitment()).amount - (position.allocated ?? 0n);
    return over > 0n ? over : 0n;
  }
}
