import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import { z } from 'zod';
import { PROGRAMME_TIME_ZONE } from './dates.js';

/**
 * The one place that reads the environment. Every value is validated at start so a typo in
 * a deployment fails with the variable's name and the rule, not with a stack trace later.
 */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // The API's own connection (role lindung_api, row-level security); default: DATABASE_URL with that user.
  API_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  LINDUNG_DATA_DIR: z.string().min(1).default('.lindung'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  // The demo's size when `npm start` seeds an empty database (1: about 160,000 workers, 128,000 of them in Kukar); tests use a small one.
  DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
  // Prometheus /metrics: open outside production; in production only with this bearer token.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** A development-only signing secret: refused when NODE_ENV=production (server/README.md, Auth). */
export const DEV_JWT_SECRET = 'lindung-development-secret-not-for-production';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The GraphQL API: token verification and the limits that protect the server (server/README.md). */
const ApiEnvSchema = z.object({
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 key)').default(DEV_JWT_SECRET),
  JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().min(1).default('lindung'),
  JWT_AUDIENCE: z.string().min(1).default('lindung-api'),
  GRAPHQL_INTROSPECTION: flag.optional(),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(500).default(15),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(25_000),
  PAGE_SIZE_MAX: z.coerce.number().int().min(1).max(1000).default(100),
  GRAPHQL_BODY_LIMIT: z
    .string()
    .regex(/^[0-9]+(b|kb|mb)$/, 'must look like 100kb')
    .default('100kb'),
  DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(2_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  ANONYMOUS_WORK_MS_PER_MINUTE: z.coerce.number().int().min(0).max(3_600_000).default(20_000),
  ANALYTICS_MAX_CELLS: z.coerce.number().int().min(1).max(10_000_000).default(20_000),
  ANALYTICS_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(100).default(10),
  // Trusted documents (server/README.md): on in production unless set.
  GRAPHQL_TRUSTED_DOCUMENTS: flag.optional(),
  GRAPHQL_TRUSTED_DOCUMENTS_MANIFEST: z.string().min(1).optional(),
  GRAPHQL_ARBITRARY_DOCUMENT_ROLES: z
    .string()
    .regex(
      /^((viewer|analyst|operator|admin)(,(viewer|analyst|operator|admin))*)?$/,
      'must be a comma-separated list of viewer, analyst, operator, admin',
    )
    .default(''),
});

/** The manifest `npm run codegen` writes (client preset, persisted documents). */
const CLIENT_MANIFEST = fileURLToPath(new URL('../client/generated/persisted-documents.json', import.meta.url));

/** A development-only key for worker pseudonyms: refused when NODE_ENV=production (etl/README.md, Personal data). */
export const DEV_WAREHOUSE_KEY_SECRET = 'lindung-development-warehouse-key-not-for-production';

/** The nightly ETL into the DuckDB warehouse (etl/README.md). */
const EtlEnvSchema = z.object({
  LINDUNG_WAREHOUSE_DIR: z.string().min(1).optional(),
  ETL_CRON: z
    .string()
    .min(1)
    .default('0 1 * * *')
    .refine((expr) => {
      try {
        new Cron(expr, { paused: true }).stop();
        return true;
      } catch {
        return false;
      }
    }, 'must be a cron expression such as "0 1 * * *"'),
  ETL_TIMEZONE: z
    .string()
    .min(1)
    .default(PROGRAMME_TIME_ZONE)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Makassar'),
  WAREHOUSE_KEY_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_WAREHOUSE_KEY_SECRET),
});

/** The policy briefs the platform keeps and serves at /briefs/ (analytics/README.md, Briefs). */
const BriefsEnvSchema = z.object({
  LINDUNG_BRIEFS_DIR: z.string().min(1).optional(),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

export interface BriefsConfig {
  /** Default `<LINDUNG_DATA_DIR>/briefs`. */
  dir: string;
  /** Debian's chromium, which prints the PDFs; without it the briefs are HTML and Markdown only. */
  chromiumPath: string;
}

export interface EtlConfig {
  /** Default `<LINDUNG_DATA_DIR>/warehouse`. */
  warehouseDir: string;
  cron: string;
  timezone: string;
  /** HMAC key of worker pseudonyms; changing it changes every worker_key. */
  workerKeySecret: string;
}

export interface ApiConfig {
  /** HS256 key; ignored when `jwksUrl` is set. */
  jwtSecret: string;
  /** Verify RS256/ES256 tokens against this JWKS instead of the shared secret. */
  jwksUrl: string | undefined;
  jwtIssuer: string;
  jwtAudience: string;
  /** Introspection, field suggestions and the IDE: on unless NODE_ENV=production. */
  introspection: boolean;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  pageSizeMax: number;
  bodyLimit: string;
  /** How long dashboard aggregates are shared across requests (0: computed on every request). */
  dashboardCacheSeconds: number;
  /** Lexical tokens per document (graphql-js `maxTokens`): the parser stops there, so no later pass sees a larger document. */
  maxTokens: number;
  /** Time budget of one request: every SQL statement it runs is cancelled by PostgreSQL past it (statement_timeout). */
  requestTimeoutMs: number;
  /** Server time (ms) a client without a valid token may use per minute, per IP address (0: no limit). */
  anonymousWorkMsPerMinute: number;
  /** The most cells (periods × ranges × members of each dimension) one `analytics` query may plan; over it QUERY_TOO_LARGE. */
  analyticsMaxCells: number;
  /** `analytics` answers kept per published catalogue (0: none). */
  analyticsCacheEntries: number;
  /** Live subscriptions one WebSocket connection may hold at once (TOO_MANY_SUBSCRIPTIONS past it). */
  subscriptionsPerConnection: number;
  /** Accept only documents of the manifest (by id), except from `arbitraryDocumentRoles`: default in production. */
  trustedDocuments: boolean;
  /** graphql-codegen's persisted-documents manifest (`{ "sha256:<hex>": "<document>" }`). */
  trustedDocumentsManifest: string;
  /** Roles that may send documents outside the manifest while `trustedDocuments` is on. */
  arbitraryDocumentRoles: Array<'viewer' | 'analyst' | 'operator' | 'admin'>;
  production: boolean;
}

export interface Config {
  /** Absent: run the embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * The API's connection as lindung_api (server/README.md, Region scopes). Absent: the platform's
   * URL with the user lindung_api and the same password, which `npm start` gives that role.
   */
  apiDatabaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  port: number;
  host: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  nodeEnv: z.infer<typeof EnvSchema>['NODE_ENV'];
  dbPoolMax: number;
  /** Human log lines or JSON (default: human on a terminal). */
  logFormat: 'pretty' | 'json' | undefined;
  demoScale: number;
  /** /metrics: served when NODE_ENV is not production or when this token is set (then required as a bearer token). */
  metricsToken: string | undefined;
  api: ApiConfig;
  etl: EtlConfig;
  briefs: BriefsConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as it does in most shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const api = ApiEnvSchema.safeParse(present);
  if (!api.success) {
    throw new ConfigError(api.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const a = api.data;
  const etl = EtlEnvSchema.safeParse(present);
  if (!etl.success) {
    throw new ConfigError(etl.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const t = etl.data;
  const briefs = BriefsEnvSchema.safeParse(present);
  if (!briefs.success) {
    throw new ConfigError(briefs.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const b = briefs.data;
  if (e.NODE_ENV === 'production' && !a.JWKS_URL && a.JWT_SECRET === DEV_JWT_SECRET) {
    throw new ConfigError(['JWT_SECRET: the development default is refused in production; set JWT_SECRET or JWKS_URL']);
  }
  // The development key is in the source: with it anyone can recompute worker_key from a NIK, and a
  // NIK's structure makes that search small, so production must bring its own.
  if (e.NODE_ENV === 'production' && t.WAREHOUSE_KEY_SECRET === DEV_WAREHOUSE_KEY_SECRET) {
    throw new ConfigError([
      'WAREHOUSE_KEY_SECRET: production needs its own key (at least 16 characters, kept stable); the development default is refused',
    ]);
  }
  return {
    databaseUrl: e.DATABASE_URL,
    apiDatabaseUrl: e.API_DATABASE_URL,
    dataDir: path.resolve(e.LINDUNG_DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    dbPoolMax: e.DB_POOL_MAX,
    logFormat: e.LOG_FORMAT,
    demoScale: e.DEMO_SCALE,
    metricsToken: e.METRICS_TOKEN,
    api: {
      jwtSecret: a.JWT_SECRET,
      jwksUrl: a.JWKS_URL,
      jwtIssuer: a.JWT_ISSUER,
      jwtAudience: a.JWT_AUDIENCE,
      introspection: a.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      maxDepth: a.GRAPHQL_MAX_DEPTH,
      maxAliases: a.GRAPHQL_MAX_ALIASES,
      maxCost: a.GRAPHQL_MAX_COST,
      pageSizeMax: a.PAGE_SIZE_MAX,
      bodyLimit: a.GRAPHQL_BODY_LIMIT,
      dashboardCacheSeconds: a.DASHBOARD_CACHE_SECONDS,
      maxTokens: a.GRAPHQL_MAX_TOKENS,
      requestTimeoutMs: a.REQUEST_TIMEOUT_MS,
      anonymousWorkMsPerMinute: a.ANONYMOUS_WORK_MS_PER_MINUTE,
      analyticsMaxCells: a.ANALYTICS_MAX_CELLS,
      analyticsCacheEntries: a.ANALYTICS_CACHE_ENTRIES,
      subscriptionsPerConnection: a.SUBSCRIPTIONS_PER_CONNECTION,
      trustedDocuments: a.GRAPHQL_TRUSTED_DOCUMENTS ?? e.NODE_ENV === 'production',
      trustedDocumentsManifest: path.resolve(a.GRAPHQL_TRUSTED_DOCUMENTS_MANIFEST ?? CLIENT_MANIFEST),
      arbitraryDocumentRoles: a.GRAPHQL_ARBITRARY_DOCUMENT_ROLES.split(',').filter(Boolean) as ApiConfig['arbitraryDocumentRoles'],
      production: e.NODE_ENV === 'production',
    },
    etl: {
      warehouseDir: path.resolve(t.LINDUNG_WAREHOUSE_DIR ?? path.join(e.LINDUNG_DATA_DIR, 'warehouse')),
      cron: t.ETL_CRON,
      timezone: t.ETL_TIMEZONE,
      workerKeySecret: t.WAREHOUSE_KEY_SECRET,
    },
    briefs: {
      dir: path.resolve(b.LINDUNG_BRIEFS_DIR ?? path.join(e.LINDUNG_DATA_DIR, 'briefs')),
      chromiumPath: b.CHROMIUM_PATH,
    },
  };
}
