import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Claim } from '../../schema/entities/claim.entity.js';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import type { Page } from '../../schema/types/connection.type.js';
import { ClaimConnection } from '../../schema/types/connections.js';
import { WRITE_OPERATIONAL } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { ClaimsArgs } from '../inputs/claim.args.js';
import { SubmitClaimInput } from '../inputs/claim.input.js';
import { pageComplexity } from './complexity.js';
import { RANGES } from '../../schema/validation.js';
import { compiledConnection } from '../read/index.js';

const VERSION = { description: 'The claim’s `version` as you last read it; CONFLICT if it changed since.' };

@Resolver(() => Claim)
export class ClaimResolver {
  @Authorized()
  @Query(() => ClaimConnection, {
    description: 'Claims, latest submission first, filtered by status, programme, kecamatan, submission and payment date ranges.',
    complexity: pageComplexity,
  })
  async claims(
    @Ctx() ctx: RequestContext,
    @Args(() => ClaimsArgs) args: ClaimsArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Claim>> {
    const compiled = await compiledConnection(ctx, info, 'claims', args);
    return (compiled as Page<Claim> | undefined) ?? ctx.services.claims.list(args.filter ?? {}, args);
  }

  @FieldResolver(() => Enrolment, { description: 'The enrolment claimed under.' })
  async enrolment(@Root() claim: Claim, @Ctx() ctx: RequestContext): Promise<Enrolment | undefined> {
    return ctx.loaders.enrolment.load(claim.enrolment.id);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Claim, {
    description: 'Submits a claim (status SUBMITTED). The enrolment must cover the programme: no JP or JKP for BPU members.',
  })
  submitClaim(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SubmitClaimInput, { description: 'The claim.' }) input: SubmitClaimInput,
  ): Promise<Claim> {
    return ctx.services.claims.submit(input);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Claim, { description: 'SUBMITTED → VERIFIED.' })
  verifyClaim(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The claim.' }) id: string,
    @Arg('version', () => Int, VERSION) version: number,
  ): Promise<Claim> {
    return ctx.services.claims.verify(id, version);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Claim, {
    description:
      'VERIFIED → APPROVED, for at most the amount claimed. Of concurrent approvals exactly one succeeds; the others get CONFLICT.',
  })
  approveClaim(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The claim.' }) id: string,
    @Arg('version', () => Int, VERSION) version: number,
    @Arg('approvedAmount', () => RupiahScalar, {
      description: `Amount approved: not above the amount claimed, at most ${RANGES.claimAmountMax} (Rp 10 miliar).`,
    })
    approvedAmount: bigint,
  ): Promise<Claim> {
    return ctx.services.claims.approve(id, version, approvedAmount);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Claim, {
    description:
      'APPROVED → PAID, paying the approved amount. Idempotent: retrying with the same paymentKey returns the paid claim and pays nothing more; ' +
      'a key already used for another claim is refused with CONFLICT.',
  })
  payClaim(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The claim.' }) id: string,
    @Arg('paymentKey', () => String, { description: 'Idempotency key chosen by the client (e.g. a UUID), 8 to 100 characters.' })
    paymentKey: string,
    @Arg('version', () => Int, {
      nullable: true,
      description: 'Optional: the version as last read; CONFLICT if it changed (a retry that already paid still succeeds).',
    })
    version?: number | null,
    @Arg('paidDate', () => DateScalar, {
      nullable: true,
      description: 'Payment date (default: today in Asia/Makassar): not before submission, not after today.',
    })
    paidDate?: string | null,
  ): Promise<Claim> {
    return ctx.services.claims.pay(id, { paymentKey, version, paidDate });
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Claim, { description: 'SUBMITTED, VERIFIED or APPROVED → REJECTED, with a reason.' })
  rejectClaim(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The claim.' }) id: string,
    @Arg('version', () => Int, VERSION) version: number,
    @Arg('reason', () => String, {
      description: 'Why, shown to the member (up to 500 characters). Masked for roles without personal-data access.',
    })
    reason: string,
  ): Promise<Claim> {
    return ctx.services.claims.reject(id, version, reason);
  }
}
