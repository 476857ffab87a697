import type { EntityManager } from '@mikro-orm/postgresql';
import type { SemanticOptions } from '../analytics/index.js';
import type { WarehouseReader } from '../platform/warehouse-reader.js';
import type { PersonalDataContext } from '../schema/personal-data.js';
import type { Principal } from './auth/roles.js';
import { transactionDeadline } from './graphql/request-budget.js';
import { createLoaders, type Loaders } from './loaders.js';
import { RequestTransaction } from './request-transaction.js';
import { todayIn } from '../platform/dates.js';
import { AggregateCache } from './services/aggregate-cache.js';
import { AnalyticsService } from './services/analytics.service.js';
import { AuditService } from './services/audit.service.js';
import { BudgetService } from './services/budget.service.js';
import { ClaimService } from './services/claim.service.js';
import { ContributionService } from './services/contribution.service.js';
import { DashboardService } from './services/dashboard.service.js';
import { EnrolmentService } from './services/enrolment.service.js';
import { ExportService } from './export/export.service.js';
import { ListAggregateService } from './services/list-aggregates.service.js';
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
  services: Services;
  /** Today in Asia/Makassar (YYYY-MM-DD). */
  today: () => string;
  /** For the compiled read path (server/read/): the server's unforked EntityManager (its pool's key), the page size limit, the SQL deadline. */
  read: {
    em: EntityManager;
    pageSizeMax: number;
    deadline?: number;
    /** Root fields answer in their response form (server/read/response.ts), for the direct response: set by it alone. */
    response?: boolean;
  };
  /** The scoped transaction the request's statements run in (server/request-transaction.ts). */
  transaction: RequestTransaction;
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

const SERVICES = {
  analytics: (deps: ServiceDeps) => new AnalyticsService(deps),
  audit: (deps: ServiceDeps) => new AuditService(deps),
  budgets: (deps: ServiceDeps) => new BudgetService(deps),
  claims: (deps: ServiceDeps) => new ClaimService(deps),
  contributions: (deps: ServiceDeps) => new ContributionService(deps),
  dashboard: (deps: ServiceDeps) => new DashboardService(deps),
  enrolments: (deps: ServiceDeps) => new EnrolmentService(deps),
  exports: (deps: ServiceDeps) => new ExportService(deps),
  listAggregates: (deps: ServiceDeps) => new ListAggregateService(deps),
  nodes: (deps: ServiceDeps) => new NodeService(deps),
  regions: (deps: ServiceDeps) => new RegionService(deps.em),
  sponsors: (deps: ServiceDeps) => new SponsorService(deps),
  workers: (deps: ServiceDeps) => new WorkerService(deps),
};
type Services = { [K in keyof typeof SERVICES]: ReturnType<(typeof SERVICES)[K]> };

/** Each service is built when a resolver first asks for it: a request uses one or two of the eleven. */
class LazyServices {
  readonly made: Partial<Services> = {};
  constructor(readonly deps: ServiceDeps) {}
}
// The getters live on the prototype, defined once: a request pays one small object, not eleven property definitions.
for (const [name, make] of Object.entries(SERVICES)) {
  Object.defineProperty(LazyServices.prototype, name, {
    enumerable: true,
    get(this: LazyServices) {
      return (this.made[name as keyof Services] ??= make(this.deps) as never);
    },
  });
}
const lazyServices = (deps: ServiceDeps): Services => new LazyServices(deps) as unknown as Services;

export function createRequestContext(em: EntityManager, requestId: string, options: ContextOptions = {}): RequestContext {
  // Forked on first use, like the loaders and the services below: what a request never touches costs it nothing.
  let fork: EntityManager | undefined;
  const forked = () => {
    if (fork) return fork;
    // A cloned event manager, so the deadline subscriber belongs to this request alone.
    // A signed-in request's one transaction sets its own statement_timeout (request-transaction.ts).
    const perTransaction = options.deadline !== undefined && !options.user;
    fork = perTransaction ? em.fork({ cloneEventManager: true }) : em.fork();
    if (perTransaction) fork.getEventManager().registerSubscriber(transactionDeadline(options.deadline!));
    return fork;
  };
  const user = options.user ?? null;
  let loaders: Loaders | undefined;
  const transaction = new RequestTransaction(forked, user ? { scope: user.scope, actor: user.subject } : null, options.deadline);
  const aggregates = options.aggregates ?? new AggregateCache(0);
  const deps = {
    get em() {
      return forked();
    },
    user,
    requestId,
    get loaders() {
      return (loaders ??= createLoaders(forked()));
    },
    pageSizeMax: options.pageSizeMax ?? 100,
    today: options.today ?? (() => todayIn()),
    aggregates,
    shared: <T>(name: string, compute: () => Promise<T>) =>
      // Without a user nothing is visible: such a figure is keyed apart from every scope's.
      aggregates.get(user ? AggregateCache.key(user.scope, name) : `anonymous|${name}`, () => transaction.hold(compute())),
    warehouse: options.warehouse ?? null,
    semantic: options.semantic ?? { maxCells: 20_000, cache: null },
  } satisfies ServiceDeps;
  const lazy: LazyParts = { em: forked, loaders: () => deps.loaders };
  return Object.assign(Object.create(CONTEXT_PROTOTYPE) as RequestContext, {
    requestId,
    user,
    services: lazyServices(deps),
    today: deps.today,
    read: { em, pageSizeMax: deps.pageSizeMax, deadline: options.deadline },
    transaction,
    [LAZY]: lazy,
  });
}

/**
 * `em` and `loaders` are getters on a prototype, over parts kept in one own property: Apollo
 * gives each request a copy of its context (`Object.assign` onto the same prototype), which
 * would call own getters and fork an EntityManager and build nine loaders for a request that
 * reads only through the compiled path. The copy shares the parts, so it forks the same one.
 */
const LAZY = Symbol('lazy request parts');
interface LazyParts {
  em(): EntityManager;
  loaders(): Loaders;
}
const CONTEXT_PROTOTYPE = Object.defineProperties(
  {},
  {
    em: {
      get(this: { [LAZY]: LazyParts }) {
        return this[LAZY].em();
      },
    },
    loaders: {
      get(this: { [LAZY]: LazyParts }) {
        return this[LAZY].loaders();
      },
    },
  },
);

/** A context with more parts (a subscription's), keeping the lazy getters a spread would drop. */
export function extendContext<T extends object>(context: RequestContext, more: T): RequestContext & T {
  return Object.assign(Object.create(Object.getPrototypeOf(context)) as RequestContext, context, more);
}
