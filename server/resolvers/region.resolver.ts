import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Region } from '../../schema/entities/region.entity.js';
import { RegionLevel } from '../../schema/enums/region-level.enum.js';
import type { RequestContext } from '../context.js';

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: 'Regions by level and parent, e.g. the 18 kecamatan of Kutai Kartanegara (parentCode 64.02).' })
  regions(
    @Ctx() ctx: RequestContext,
    @Arg('level', () => RegionLevel, { nullable: true }) level?: RegionLevel,
    @Arg('parentCode', () => String, { nullable: true }) parentCode?: string,
  ): Promise<Region[]> {
    return ctx.services.regions.list({ level, parentCode });
  }
}
