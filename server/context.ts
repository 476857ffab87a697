import type { EntityManager } from '@mikro-orm/postgresql';
import { RegionService } from './services/region.service.js';

/** Per-request context: one EntityManager fork, so requests never share a unit of work. */
export interface RequestContext {
  requestId: string;
  em: EntityManager;
  services: { regions: RegionService };
}

export function createRequestContext(em: EntityManager, requestId: string): RequestContext {
  const fork = em.fork();
  return { requestId, em: fork, services: { regions: new RegionService(fork) } };
}
