import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { BudgetAllocation } from '../../schema/entities/budget-allocation.entity.js';
import { Employer } from '../../schema/entities/employer.entity.js';
import { Region } from '../../schema/entities/region.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { Page } from '../../schema/types/connection.type.js';
import { SponsorConnection } from '../../schema/types/connections.js';
import type { RequestContext } from '../context.js';
import { SponsorsArgs } from '../inputs/sponsor.args.js';
import { listComplexity, pageComplexity } from './complexity.js';

@Resolver(() => Sponsor)
export class SponsorResolver {
  @Authorized()
  @Query(() => SponsorConnection, { description: 'Sponsors (funding sources), optionally of some kinds.', complexity: pageComplexity })
  sponsors(@Ctx() ctx: RequestContext, @Args(() => SponsorsArgs) args: SponsorsArgs): Promise<Page<Sponsor>> {
    return ctx.services.sponsors.sponsors({ kind: args.kind }, args);
  }

  @FieldResolver(() => Employer, { nullable: true, description: 'The company behind a CSR or employer sponsor.' })
  async employer(@Root() sponsor: Sponsor, @Ctx() ctx: RequestContext): Promise<Employer | undefined> {
    return sponsor.employer ? ctx.loaders.employer.load(sponsor.employer.id) : undefined;
  }

  @FieldResolver(() => Region, {
    description: 'Where the payer is: the regency of an APBD sponsor (64.02), the address of a company that pays.',
  })
  async region(@Root() sponsor: Sponsor, @Ctx() ctx: RequestContext): Promise<Region | undefined> {
    return ctx.loaders.region.load(sponsor.region.code);
  }

  @FieldResolver(() => [BudgetAllocation], {
    description: 'Allocations by fiscal year (ORIGINAL and REVISED).',
    complexity: listComplexity(5),
  })
  budgets(@Root() sponsor: Sponsor, @Ctx() ctx: RequestContext): Promise<BudgetAllocation[]> {
    return ctx.loaders.budgetsOfSponsor.load(sponsor.id);
  }
}
