import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Contribution } from '../../schema/entities/contribution.entity.js';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { Page } from '../../schema/types/connection.type.js';
import { ContributionConnection } from '../../schema/types/connections.js';
import { ContributionBatch } from '../../schema/types/dashboard.type.js';
import { WRITE_OPERATIONAL } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import type { ContributionBatch as Batch } from '../services/contribution.service.js';
import { ContributionsArgs } from '../inputs/contribution.args.js';
import { RecordContributionsInput } from '../inputs/contribution.input.js';
import { pageComplexity } from './complexity.js';
import { compiledConnection } from '../read/index.js';

@Resolver(() => Contribution)
export class ContributionResolver {
  @Authorized()
  @Query(() => ContributionConnection, {
    description: 'Contributions, latest month first, filtered by sponsor, enrolment and month range.',
    complexity: pageComplexity,
  })
  async contributions(
    @Ctx() ctx: RequestContext,
    @Args(() => ContributionsArgs) args: ContributionsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Contribution>> {
    const compiled = await compiledConnection(ctx, info, 'contributions', args);
    return (compiled as Page<Contribution> | undefined) ?? ctx.services.contributions.list(args.filter ?? {}, args);
  }

  @FieldResolver(() => Enrolment, { description: 'The enrolment this month pays for.' })
  async enrolment(@Root() contribution: Contribution, @Ctx() ctx: RequestContext): Promise<Enrolment | undefined> {
    return ctx.loaders.enrolment.load(contribution.enrolment.id);
  }

  @FieldResolver(() => Sponsor, { description: 'The sponsor that paid.' })
  async sponsor(@Root() contribution: Contribution, @Ctx() ctx: RequestContext): Promise<Sponsor | undefined> {
    return ctx.loaders.sponsor.load(contribution.sponsor.id);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => ContributionBatch, {
    description:
      'Records one month of contributions for every enrolment the sponsor pays for, at the programme rates. Recording a month twice changes nothing.',
  })
  recordContributions(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordContributionsInput, { description: 'Sponsor and month.' }) input: RecordContributionsInput,
  ): Promise<Batch> {
    return ctx.services.contributions.record(input);
  }
}
