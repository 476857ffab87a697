import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Claim } from '../../schema/entities/claim.entity.js';
import { Contribution } from '../../schema/entities/contribution.entity.js';
import { Employer } from '../../schema/entities/employer.entity.js';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import { ValidationError } from '../../schema/errors.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import type { Page } from '../../schema/types/connection.type.js';
import { EnrolmentConnection } from '../../schema/types/connections.js';
import { WRITE_OPERATIONAL } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { EnrolmentsArgs } from '../inputs/enrolment.args.js';
import { EndEnrolmentInput, EnrolInput } from '../inputs/enrolment.input.js';
import { lastComplexity, listComplexity, pageComplexity } from './complexity.js';
import { OPTIONAL_VERSION } from '../inputs/version.arg.js';
import { compiledConnection } from '../read/index.js';

@Resolver(() => Enrolment)
export class EnrolmentResolver {
  @Authorized()
  @Query(() => EnrolmentConnection, {
    description: 'Enrolments, latest start first, filtered by sponsor, worker, status and start date range.',
    complexity: pageComplexity,
  })
  async enrolments(
    @Ctx() ctx: RequestContext,
    @Args(() => EnrolmentsArgs) args: EnrolmentsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Enrolment>> {
    const compiled = await compiledConnection(ctx, info, 'enrolments', args);
    return (compiled as Page<Enrolment> | undefined) ?? ctx.services.enrolments.list(args.filter ?? {}, args);
  }

  @FieldResolver(() => Worker, { description: 'The covered worker.' })
  async worker(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<Worker | undefined> {
    return ctx.loaders.worker.load(enrolment.worker.id);
  }

  @FieldResolver(() => Sponsor, { description: 'Who pays the contributions.' })
  async sponsor(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<Sponsor | undefined> {
    return ctx.loaders.sponsor.load(enrolment.sponsor.id);
  }

  @FieldResolver(() => Employer, { nullable: true, description: 'The employer, for PU memberships.' })
  async employer(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<Employer | undefined> {
    return enrolment.employer ? ctx.loaders.employer.load(enrolment.employer.id) : undefined;
  }

  @FieldResolver(() => [Claim], { description: 'Claims under this enrolment, oldest first.', complexity: listComplexity(3) })
  claims(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<Claim[]> {
    return ctx.loaders.claimsOfEnrolment.load(enrolment.id);
  }

  @FieldResolver(() => [Contribution], {
    description: 'The most recent contribution rows (one per month and programme), newest first.',
    complexity: lastComplexity,
  })
  contributions(
    @Root() enrolment: Enrolment,
    @Ctx() ctx: RequestContext,
    @Arg('last', () => Int, { defaultValue: 12, description: 'How many rows, 1 to 120.' }) last: number,
  ): Promise<Contribution[]> {
    if (last < 1 || last > 120) throw new ValidationError('last', 'must be between 1 and 120');
    return ctx.loaders.recentContributions(last).load(enrolment.id);
  }

  @FieldResolver(() => RupiahScalar, { description: 'What the sponsor pays per month at this year’s rates for the covered programmes.' })
  monthlyContribution(@Root() enrolment: Enrolment, @Ctx() ctx: RequestContext): Promise<bigint> {
    return ctx.services.enrolments.monthlyContribution(enrolment);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Enrolment, {
    description:
      'Enrols a worker. Refused with BUDGET_EXCEEDED when the sponsor’s remaining budget for the start year cannot pay for it, ' +
      'and with BAD_USER_INPUT for programmes the segment cannot have (no JP or JKP for BPU members).',
  })
  enrol(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => EnrolInput, { description: 'The membership to create.' }) input: EnrolInput,
  ): Promise<Enrolment> {
    return ctx.services.enrolments.enrol(input);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Enrolment, { description: 'Ends an ACTIVE or PENDING enrolment (ILLEGAL_TRANSITION otherwise).' })
  endEnrolment(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The enrolment.' }) id: string,
    @Arg('input', () => EndEnrolmentInput, { description: 'End date and status.' }) input: EndEnrolmentInput,
    @Arg('version', () => Int, OPTIONAL_VERSION)
    version: number | null | undefined,
  ): Promise<Enrolment> {
    return ctx.services.enrolments.end(id, input, version);
  }
}
