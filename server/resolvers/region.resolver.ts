import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Region } from '../../schema/entities/region.entity.js';
import { RegionLevel } from '../../schema/enums/region-level.enum.js';
import type { RequestContext } from '../context.js';

/** Regions are public reference data (the Kemendagri list), so they need no token. */
@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description: 'Regions by level and parent, e.g. the 20 kecamatan of Kutai Kartanegara (parentCode 64.02). Public: no token needed.',
  })
  regions(
    @Ctx() ctx: RequestContext,
    @Arg('level', () => RegionLevel, { nullable: true, description: 'Only this level.' }) level?: RegionLevel,
    @Arg('parentCode', () => String, { nullable: true, description: 'Only children of this region code.' }) parentCode?: string,
  ): Promise<Region[]> {
    return ctx.services.regions.list({ level, parentCode });
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The region one level up; null for a province.' })
  async parent(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Region | undefined> {
    return region.parent ? ctx.loaders.region.load(region.parent.code) : undefined;
  }
}
