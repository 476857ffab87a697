import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { Region } from '../../schema/entities/region.entity.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import type { Page } from '../../schema/types/connection.type.js';
import { WorkerConnection } from '../../schema/types/connections.js';
import { WRITE_OPERATIONAL } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { RegisterWorkerInput, UpdateWorkerInput } from '../inputs/worker.input.js';
import { WorkersArgs } from '../inputs/worker.args.js';
import { listComplexity, pageComplexity } from './complexity.js';
import { OPTIONAL_VERSION } from '../inputs/version.arg.js';
import { compiledConnection } from '../read/index.js';

@Resolver(() => Worker)
export class WorkerResolver {
  @Authorized()
  @Query(() => WorkerConnection, {
    description:
      'Workers, oldest registration first, filtered by kecamatan, occupation, sector, sponsor, enrolment status, or name/NIK search.',
    complexity: pageComplexity,
  })
  async workers(
    @Ctx() ctx: RequestContext,
    @Args(() => WorkersArgs) args: WorkersArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Worker>> {
    const compiled = await compiledConnection(ctx, info, 'workers', args);
    return (compiled as Page<Worker> | undefined) ?? ctx.services.workers.list(args.filter ?? {}, args);
  }

  @FieldResolver(() => Region, { description: 'Kecamatan or village where the worker lives now (may differ from the NIK’s prefix).' })
  async region(@Root() worker: Worker, @Ctx() ctx: RequestContext): Promise<Region | undefined> {
    return ctx.loaders.region.load(worker.region.code);
  }

  @FieldResolver(() => [Enrolment], { description: 'The worker’s enrolments, oldest first.', complexity: listComplexity(3) })
  enrolments(@Root() worker: Worker, @Ctx() ctx: RequestContext): Promise<Enrolment[]> {
    return ctx.loaders.enrolmentsOfWorker.load(worker.id);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Worker, { description: 'Registers a worker. A NIK already registered is refused with CONFLICT.' })
  registerWorker(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RegisterWorkerInput, { description: 'The worker’s details.' }) input: RegisterWorkerInput,
  ): Promise<Worker> {
    return ctx.services.workers.register(input);
  }

  @Authorized(WRITE_OPERATIONAL)
  @Mutation(() => Worker, { description: 'Changes a worker’s details; omitted fields keep their value.' })
  updateWorker(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The worker.' }) id: string,
    @Arg('input', () => UpdateWorkerInput, { description: 'The fields to change.' }) input: UpdateWorkerInput,
    @Arg('version', () => Int, OPTIONAL_VERSION)
    version: number | null | undefined,
  ): Promise<Worker> {
    return ctx.services.workers.update(id, input, version);
  }
}
