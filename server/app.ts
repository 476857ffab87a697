import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { GraphQLError } from 'graphql';
import { AnswerCache, type SemanticAnswer } from '../analytics/index.js';
import { docsFolder, WarehouseReader } from '../platform/warehouse-reader.js';
import { ClaimEvents } from './subscriptions/claim-events.js';
import { attachSubscriptions } from './subscriptions/subscription-server.js';
import { UnauthenticatedError } from '../schema/errors.js';
import { createTokenVerifier } from './auth/tokens.js';
import { regionCodesOf } from './auth/region-codes.js';
import { assertHeldByPolicies, openApiOrm } from '../platform/db/api-connection.js';
import { requestTransactionPlugin } from './request-transaction.js';
import { briefRouter } from './brief.route.js';
import { withRequestContexts } from './export/export-context.js';
import { EXPORT_PAGE_SIZE } from './export/export-run.js';
import { exportRouter } from './export/export.route.js';
import { EXPORT_PATH } from './export/export.service.js';
import type { Principal } from './auth/roles.js';
import { type ApiConfig, loadConfig } from '../platform/config.js';
import { createRequestContext, type RequestContext } from './context.js';
import { AggregateCache } from './services/aggregate-cache.js';
import { createFormatError, errorPlugin } from './graphql/errors.js';
import { ideRouter } from './graphql/ide.js';
import { aliasLimitRule, costCheck, costLimitPlugin, depthLimitRule, documentShapeLimit, MAX_COST_NODES } from './graphql/limits.js';
import { anonymousWorkLimit, capStatements } from './graphql/request-budget.js';
import { textInputPlugin } from './graphql/text-input.js';
import { requestLogPlugin, statementCounter } from './graphql/request-log.js';
import { buildApiSchema } from './graphql/schema.js';
import { jitGateway } from './graphql/jit-executor.js';
import { bodyErrors, clearAggregatesAfterMutations, notReadyGate } from './graphql/http-edges.js';
import { readManifest, trustedDocuments } from './graphql/trusted-documents.js';
import { fastGraphqlRoute } from './graphql/fast-http.js';
import { directResponse } from './graphql/direct-response.js';
import type { Logger } from '../platform/logger.js';
import { type EtlRunSummary, ServerMetrics } from './metrics.js';
import { closeReadPool } from './read/read-pool.js';

export interface ServerOptions {
  /** The platform's ORM (the migration role); the API itself connects as lindung_api (`apiDatabaseUrl`). */
  orm: MikroORM;
  /** The API's connection (default: config's API_DATABASE_URL, else `orm`'s URL as lindung_api). */
  apiDatabaseUrl?: string;
  log: Logger;
  /** Set when the platform is fully up (migrated, seeded); /readyz answers 503 until then. */
  isReady?: () => boolean;
  /**
   * The same with what is pending, for /readyz's body (server/background.ts). Until `ready`,
   * /graphql answers 503 NOT_READY: an empty database's answers would look like real ones.
   */
  readiness?: () => { ready: boolean; pending?: string[] };
  /** Serve Prometheus metrics at /metrics (default: outside production, or with `metricsToken`). */
  metrics?: boolean;
  /** Bearer token /metrics then requires (default: METRICS_TOKEN). */
  metricsToken?: string;
  /** The ETL's recorded runs, for /metrics (server/main.ts reads them from the warehouse's ledger). */
  etlRuns?: () => EtlRunSummary[];
  /** Auth and limits; defaults to the environment's (platform/config.ts). */
  api?: Partial<ApiConfig>;
  /** "Today" for default dates; tests pin it. */
  today?: () => string;
  /** Count SQL statements per request: `x-sql-statements` header and log field (default: outside production). */
  exposeStatementCount?: boolean;
  /** The warehouse the analytics fields read (default: the environment's, platform/config.ts); tests pass their own. */
  warehouseDir?: string;
  /** The folder served at /briefs/ (default: the environment's, platform/config.ts). */
  briefsDir?: string;
}

export interface LindungServer {
  app: express.Express;
  listen(port: number, host: string): Promise<http.Server>;
  /** Stops taking requests, lets those in flight finish (up to `graceMs`), then stops Apollo and closes the warehouse. */
  stop(graceMs?: number): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Compiled query functions kept; a client inventing documents (where arbitrary ones are allowed) recompiles past this. */
const COMPILED_DOCUMENTS_MAX = 500;

/** Builds the HTTP server; the entry point only calls this, and tests build their own. */
export async function createServer(options: ServerOptions): Promise<LindungServer> {
  const config = loadConfig();
  const api: ApiConfig = { ...config.api, ...options.api };
  const schema = await buildApiSchema();
  // One reader for the server's lifetime: it follows the ETL's catalogue swaps by itself (platform/warehouse-reader.ts).
  const warehouseDir = options.warehouseDir ?? config.etl.warehouseDir;
  const warehouse = new WarehouseReader(warehouseDir);
  // Every request's SQL goes through lindung_api, held by row-level security (server/README.md, Region scopes).
  const apiOrm = await openApiOrm(options.orm, options.apiDatabaseUrl ?? config.apiDatabaseUrl);
  let rolesChecked: Promise<void> | undefined;
  const checkRole = () =>
    (rolesChecked ??= assertHeldByPolicies(apiOrm).catch((error: Error) => {
      rolesChecked = undefined;
      throw error;
    }));
  const regionCodes = regionCodesOf(apiOrm);
  // Warmed now when the database is ready; before the first migration (npm start serves at once) they fail quietly and run on first use.
  void checkRole().catch(() => {});
  void regionCodes().catch(() => {});
  const verify = createTokenVerifier(api, { regionCodes });
  const aggregates = new AggregateCache(api.dashboardCacheSeconds * 1000);
  const documents = readManifest(api.trustedDocumentsManifest);
  if (api.trustedDocuments && documents.size === 0)
    throw new Error(
      `trusted documents are on (GRAPHQL_TRUSTED_DOCUMENTS, the production default) but ${api.trustedDocumentsManifest} lists none: run npm run codegen`,
    );
  // `analytics` answers of the published catalogue, shared by every request until the next publish.
  const semantic = { maxCells: api.analyticsMaxCells, cache: new AnswerCache<SemanticAnswer>(api.analyticsCacheEntries) };
  // Counting needs AsyncLocalStorage on every promise of the request, so production skips it.
  const countStatements = options.exposeStatementCount ?? !api.production;
  const readiness: () => { ready: boolean; pending?: string[] } = options.readiness ?? (() => ({ ready: options.isReady?.() ?? true }));
  const metricsToken = options.metricsToken ?? config.metricsToken;
  const metrics =
    (options.metrics ?? (!api.production || metricsToken !== undefined))
      ? new ServerMetrics({ orm: apiOrm, warehouseDir, isReady: () => readiness().ready, etlRuns: options.etlRuns })
      : undefined;
  const validationRules = [depthLimitRule(api.maxDepth), aliasLimitRule(api.maxAliases)];
  const apollo = new ApolloServer<RequestContext>({
    // Queries run as graphql-jit compiles them (server/graphql/jit-executor.ts); Apollo takes a custom executor only as a gateway.
    gateway: jitGateway(schema, { cacheEntries: COMPILED_DOCUMENTS_MAX }),
    introspection: api.introspection,
    // Without introspection, "Did you mean …?" hints would leak the schema one field at a time.
    hideSchemaDetailsFromClientErrors: !api.introspection,
    includeStacktraceInErrorResponses: false,
    // Both are Apollo Server 5 defaults; stated because the protection depends on them.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries, in Apollo's bounded in-memory cache.
    persistedQueries: { ttl: 900 },
    // Selections with fragments inlined, counted once per fragment (linear): the doubling-fragment
    // query is refused here, before the cost estimate would walk its first 10 000 selections.
    maxRecursiveSelections: MAX_COST_NODES,
    // The parser stops at this many tokens, so no later pass (validation, cost) sees a larger document.
    parseOptions: { maxTokens: api.maxTokens },
    // main.ts owns SIGTERM: it drains HTTP, then closes the ORM and the database.
    stopOnTerminationSignals: false,
    validationRules,
    formatError: createFormatError({ hideSuggestions: !api.introspection }),
    plugins: [
      // Apollo's default landing page loads from a CDN, which this network cannot reach; /graphiql is served locally.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used; the plugin would otherwise wrap every field resolver (measured: ~10 % of a page's CPU).
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(schema, api.maxCost),
      textInputPlugin(),
      errorPlugin(options.log),
      requestLogPlugin(options.log, { countStatements }),
      clearAggregatesAfterMutations(aggregates),
      requestTransactionPlugin(),
      ...(metrics ? [metrics.plugin()] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // An ETag on a POST answer is never used, and hashing every GraphQL response is not free.
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const { ready: platformReady, pending, ...parts } = readiness();
    const ready = platformReady && (await options.orm.isConnected());
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting', ...parts, ...(pending?.length ? { pending } : {}) });
  });
  if (metrics) app.get('/metrics', metrics.handler(metricsToken));
  // POST /briefs writes one on demand (analysts, administrators); PDFs in a child process.
  const briefsDir = options.briefsDir ?? config.briefs.dir;
  app.use('/briefs', briefRouter({ verify, warehouse, warehouseDir, briefsDir, chromiumPath: config.briefs.chromiumPath }));
  // GET /exports/<token>: the files the export… mutations prepare, each page in a context from the same factory as /graphql's.
  const exportContext = (user: Principal | null, requestId: string) =>
    createRequestContext(apiOrm.em, requestId, {
      user,
      pageSizeMax: EXPORT_PAGE_SIZE,
      today: options.today,
      aggregates,
      warehouse,
      semantic,
    });
  app.use(EXPORT_PATH, exportRouter({ schema, verify, log: options.log, withContext: withRequestContexts(exportContext) }));
  // Aggregate figures with no personal data, for readers without a token (the Bupati's office).
  // The briefs fetch nothing, and the policy says so to the browser too.
  app.use(
    '/briefs',
    express.static(briefsDir, {
      dotfiles: 'ignore',
      setHeaders: (res, file) => {
        res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        res.setHeader('x-content-type-options', 'nosniff');
        if (file.endsWith('.md')) res.setHeader('content-type', 'text/markdown; charset=utf-8');
      },
    }),
  );
  // The warehouse's docs (tables, models, columns, tests, lineage), rewritten at each publish: no personal data.
  app.use(
    '/docs/warehouse',
    express.static(docsFolder(warehouseDir), {
      dotfiles: 'ignore',
      setHeaders: (res) => {
        res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
        res.setHeader('x-content-type-options', 'nosniff');
      },
    }),
  );
  if (api.introspection) {
    app.use('/graphiql', ideRouter());
    app.get('/', (_req, res) => res.redirect('/graphiql'));
  }
  /** A /graphql request's context: for Apollo, and for the direct response, which runs ahead of it. */
  const contextFor = async (req: express.Request, res: express.Response): Promise<RequestContext> => {
    // One budget per HTTP request, if the direct response passes it on to Apollo too.
    const deadline = (res.locals.deadline ??= Date.now() + api.requestTimeoutMs) as number;
    capStatements(apiOrm, api.requestTimeoutMs);
    await checkRole().catch((error: Error) => {
      options.log.fatal({ err: error.message }, 'the API connection is not held by row-level security');
      throw error;
    });
    let user: Principal | null;
    try {
      user = await verify(req.headers.authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      throw new GraphQLError(error.message, {
        extensions: { code: error.code, http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
      });
    }
    const context = createRequestContext(apiOrm.em, res.locals.requestId as string, {
      user,
      pageSizeMax: api.pageSizeMax,
      today: options.today,
      aggregates,
      warehouse,
      semantic,
      deadline,
    });
    // Opened by requestTransactionPlugin once the operation is known; rolled back here if GraphQL never ended it.
    res.once('close', () => void context.transaction.release());
    return context;
  };
  const jsonParser = express.json({ limit: api.bodyLimit });
  // Mounted on express below, and served by fastGraphqlRoute for POSTs of JSON (listen()): one list, one order.
  const graphqlHandlers: express.RequestHandler[] = [
    (req, res, next) => {
      const given = req.headers['x-request-id'];
      res.locals.requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', res.locals.requestId);
      // A browser opening the endpoint gets the IDE rather than a CSRF refusal.
      if (req.method === 'GET' && api.introspection && req.accepts(['json', 'html']) === 'html' && !req.query.query)
        return res.redirect('/graphiql');
      next();
    },
    notReadyGate(readiness, aggregates, metrics),
    anonymousWorkLimit(api.anonymousWorkMsPerMinute),
    jsonParser,
    trustedDocuments({ documents, enforce: api.trustedDocuments, arbitraryRoles: api.arbitraryDocumentRoles, verify }),
    documentShapeLimit(api),
    countStatements ? statementCounter(apiOrm) : (_req: unknown, _res: unknown, next: () => void) => next(),
    // Queries of compiled root fields alone, answered in their response form; everything else goes on to Apollo.
    directResponse({
      schema,
      validationRules,
      maxTokens: api.maxTokens,
      cost: costCheck(schema, api.maxCost),
      contextFor,
      metrics,
      log: options.log,
      countStatements,
      cacheEntries: COMPILED_DOCUMENTS_MAX,
    }),
    expressMiddleware(apollo, { context: ({ req, res }) => contextFor(req, res) }),
  ];
  app.use('/graphql', ...graphqlHandlers);
  const graphqlErrors = bodyErrors(options.log);
  app.use(graphqlErrors);

  let server: http.Server | undefined;
  const claimEvents = new ClaimEvents(apiOrm.config.getClientUrl(), options.log);
  let subscriptions: { close(): Promise<void> } | undefined;
  return {
    app,
    async listen(port, host) {
      const listening = await new Promise<http.Server>((resolve, reject) => {
        const handle = fastGraphqlRoute({
          path: '/graphql',
          bodyLimit: api.bodyLimit,
          handlers: graphqlHandlers,
          jsonParser,
          onError: graphqlErrors,
          fallback: app,
        });
        server = http.createServer(handle);
        server.once('error', reject);
        server.listen(port, host, () => resolve(server!));
      });
      await claimEvents.start();
      subscriptions = attachSubscriptions(listening, {
        schema,
        verify,
        trusted: { documents, enforce: api.trustedDocuments, arbitraryRoles: api.arbitraryDocumentRoles },
        contextFor: (user, requestId) =>
          createRequestContext(apiOrm.em, requestId, {
            user,
            pageSizeMax: api.pageSizeMax,
            today: options.today,
            aggregates,
            warehouse,
          }),
        claimEvents,
        maxPerConnection: api.subscriptionsPerConnection,
        maxTokens: api.maxTokens,
        validationRules,
        formatError: createFormatError({ hideSuggestions: !api.introspection }),
        hideSuggestions: !api.introspection,
        log: options.log,
      });
      return listening;
    },
    async stop(graceMs = 10_000) {
      await subscriptions?.close();
      await claimEvents.close();
      if (server) {
        const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
        // Keep-alive sockets go as soon as their request is answered, not when their idle timeout ends.
        const idle = setInterval(() => server!.closeIdleConnections(), 50);
        const force = setTimeout(() => server!.closeAllConnections(), graceMs);
        server.closeIdleConnections();
        await closed;
        clearInterval(idle);
        clearTimeout(force);
      }
      await apollo.stop();
      warehouse.close();
      await closeReadPool(apiOrm.em);
      await apiOrm.close();
    },
  };
}
