import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Employer } from '../../schema/entities/employer.entity.js';
import { Region } from '../../schema/entities/region.entity.js';
import type { Page } from '../../schema/types/connection.type.js';
import { EmployerConnection } from '../../schema/types/connections.js';
import type { RequestContext } from '../context.js';
import { EmployersArgs } from '../inputs/sponsor.args.js';
import { pageComplexity } from './complexity.js';

@Resolver(() => Employer)
export class EmployerResolver {
  @Authorized()
  @Query(() => EmployerConnection, { description: 'Employers, optionally in one kecamatan.', complexity: pageComplexity })
  employers(@Ctx() ctx: RequestContext, @Args(() => EmployersArgs) args: EmployersArgs): Promise<Page<Employer>> {
    return ctx.services.sponsors.employers({ kecamatan: args.kecamatan }, args);
  }

  @FieldResolver(() => Region, { description: 'Kecamatan where the employer is registered.' })
  async region(@Root() employer: Employer, @Ctx() ctx: RequestContext): Promise<Region | undefined> {
    return ctx.loaders.region.load(employer.region.code);
  }
}
