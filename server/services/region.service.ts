import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Region } from '../../schema/entities/region.entity.js';
import type { RegionLevel } from '../../schema/enums/region-level.enum.js';

export class RegionService {
  constructor(private readonly em: EntityManager) {}

  list(filter: { level?: RegionLevel; parentCode?: string }): Promise<Region[]> {
    const where: FilterQuery<Region> = {};
    if (filter.level) where.level = filter.level;
    if (filter.parentCode) where.parent = { code: filter.parentCode };
    return this.em.find(Region, where, { orderBy: { code: 'asc' } });
  }
}
