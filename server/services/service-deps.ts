import type { EntityManager } from '@mikro-orm/postgresql';
import type { SemanticOptions } from '../../analytics/index.js';
import type { WarehouseReader } from '../../platform/warehouse-reader.js';
import type { Principal } from '../auth/roles.js';
import type { Loaders } from '../loaders.js';
import type { AggregateCache } from './aggregate-cache.js';

/** What every service gets from the request: its EntityManager fork, the caller, the loaders. */
export interface ServiceDeps {
  em: EntityManager;
  user: Principal | null;
  requestId: string;
  loaders: Loaders;
  pageSizeMax: number;
  /** Today in Asia/Makassar (YYYY-MM-DD): the default for dates the caller leaves out. */
  today: () => string;
  /** Shared by all requests of one server: dashboard aggregates (read them through `shared`, which keys them by scope). */
  aggregates: AggregateCache;
  /**
   * A dashboard figure shared by the requests of the caller's scope for DASHBOARD_CACHE_SECONDS,
   * computed (when due) on this request's scoped transaction, which waits for it before it ends.
   */
  shared<T>(name: string, compute: () => Promise<T>): Promise<T>;
  /** Shared by all requests of one server: the analytics warehouse, read-only. Null in contexts built without one. */
  warehouse: WarehouseReader | null;
  /** Shared by all requests of one server: the `analytics` query's plan limit and answer cache. */
  semantic: SemanticOptions;
}
