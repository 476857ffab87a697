import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BudgetAllocation } from '../../schema/entities/budget-allocation.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { Page } from '../../schema/types/connection.type.js';
import { BudgetAllocationConnection } from '../../schema/types/connections.js';
import { WRITE_BUDGET } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { SetBudgetAllocationInput } from '../inputs/budget.input.js';
import { BudgetAllocationsArgs } from '../inputs/sponsor.args.js';
import { pageComplexity } from './complexity.js';

@Resolver(() => BudgetAllocation)
export class BudgetResolver {
  @Authorized()
  @Query(() => BudgetAllocationConnection, { description: 'Budget allocations, latest year first.', complexity: pageComplexity })
  budgetAllocations(
    @Ctx() ctx: RequestContext,
    @Args(() => BudgetAllocationsArgs) args: BudgetAllocationsArgs,
  ): Promise<Page<BudgetAllocation>> {
    return ctx.services.sponsors.budgetAllocations({ sponsorId: args.sponsorId, fiscalYear: args.fiscalYear }, args);
  }

  @FieldResolver(() => Sponsor, { description: 'The sponsor.' })
  async sponsor(@Root() allocation: BudgetAllocation, @Ctx() ctx: RequestContext): Promise<Sponsor | undefined> {
    return ctx.loaders.sponsor.load(allocation.sponsor.id);
  }

  @Authorized(WRITE_BUDGET)
  @Mutation(() => BudgetAllocation, { description: 'Sets a sponsor’s ORIGINAL or REVISED allocation for a year (admin only).' })
  setBudgetAllocation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetBudgetAllocationInput, { description: 'Sponsor, year, kind and amount.' }) input: SetBudgetAllocationInput,
  ): Promise<BudgetAllocation> {
    return ctx.services.budgets.setAllocation(input);
  }
}
