import type { EntityManager } from '@mikro-orm/postgresql';
import type { SemanticOptions } from '../analytics/index.js';
import type { WarehouseReader } from '../platform/warehouse-reader.js';
import type { PersonalDataContext } from '../schema/personal-data.js';
import type { Principal } from './auth/roles.js';
import { transactionDeadline } from './graphql/request-budget.js';
import { createLoaders, type Loaders } from './loaders.js';
import { todayIn } from '../platform/dates.js';
import { AggregateCache } from './services/aggregate-cache.js';
import { AnalyticsService } from './services/analytics.service.js';
import { AuditService } from './services/audit.service.js';
import { BudgetService } from './services/budget.service.js';
import { ClaimService } from './services/claim.service.js';
import { ContributionService } from './services/contribution.service.js';
import { DashboardService } from './services/dashboard.service.js';
import { EnrolmentService } from './services/enrolment.service.js';
import { NodeService } from './services/node.service.js';
import { RegionService } from './services/region.service.js';
import type { ServiceDeps } from './services/service-deps.js';
import { SponsorService } from './services/sponsor.service.js';
import { WorkerService } from './services/worker.service.js';

/** Per-request context: one EntityManager fork, so requests never share a unit of work. */
export interface RequestContext extends PersonalDataContext {
  requestId: string;
  /** Null when the request carries no token; `@Authorized` fields then answer UNAUTHENTICATED. */
  user: Principal | null;
  em: EntityManager;
  loaders: Loaders;
  services: ReturnType<typeof createServices>;
  /** Today in Asia/Makassar (YYYY-MM-DD). */
  today: () => string;
}

export interface ContextOptions {
  user?: Principal | null;
  pageSizeMax?: number;
  today?: () => string;
  aggregates?: AggregateCache;
  warehouse?: WarehouseReader | null;
  /** The `analytics` query's limit and answer cache, shared by the server's requests. */
  semantic?: SemanticOptions;
  /** Epoch ms by which the request's SQL must be done: its transactions get the time left as their statement_timeout. */
  deadline?: number;
}

function createServices(deps: ServiceDeps) {
  return {
    analytics: new AnalyticsService(deps),
    audit: new AuditService(deps),
    budgets: new BudgetService(deps),
    claims: new ClaimService(deps),
    contributions: new ContributionService(deps),
    dashboard: new DashboardService(deps),
    enrolments: new EnrolmentService(deps),
    nodes: new NodeService(deps),
    regions: new RegionService(deps.em),
    sponsors: new SponsorService(deps),
    workers: new WorkerService(deps),
  };
}

export function createRequestContext(em: EntityManager, requestId: string, options: ContextOptions = {}): RequestContext {
  // A cloned event manager, so the deadline subscriber belongs to this request alone.
  const fork = options.deadline === undefined ? em.fork() : em.fork({ cloneEventManager: true });
  if (options.deadline !== undefined) fork.getEventManager().registerSubscriber(transactionDeadline(options.deadline));
  const loaders = createLoaders(fork);
  const user = options.user ?? null;
  const deps: ServiceDeps = {
    em: fork,
    user,
    requestId,
    loaders,
    pageSizeMax: options.pageSizeMax ?? 100,
    today: options.today ?? (() => todayIn()),
    aggregates: options.aggregates ?? new AggregateCache(0),
    warehouse: options.warehouse ?? null,
    semantic: options.semantic ?? { maxCells: 20_000, cache: null },
  };
  return { requestId, user, em: fork, loaders, services: createServices(deps), today: deps.today };
}
