import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Region } from '../../schema/entities/region.entity.js';
import { RegionLevel } from '../../schema/enums/region-level.enum.js';
import { ValidationError } from '../../schema/errors.js';

export class RegionService {
  constructor(private readonly em: EntityManager) {}

  list(filter: { level?: RegionLevel; parentCode?: string }): Promise<Region[]> {
    // The official list holds 91,599 codes and this query is public: below regency level one
    // parent's children at a time (a regency has at most a few dozen kecamatan, a kecamatan a few dozen villages).
    if (!filter.parentCode && filter.level !== RegionLevel.PROVINCE && filter.level !== RegionLevel.REGENCY) {
      throw new ValidationError(
        'parentCode',
        'is required unless level is PROVINCE or REGENCY (the official list has 7,285 kecamatan and 83,762 villages)',
      );
    }
    const where: FilterQuery<Region> = {};
    if (filter.level) where.level = filter.level;
    if (filter.parentCode) where.parent = { code: filter.parentCode };
    return this.em.find(Region, where, { orderBy: { code: 'asc' } });
  }
}
