import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createServer, type LindungServer } from '../../server/app.js';
import { mintToken } from '../../server/auth/tokens.js';
import type { Role } from '../../server/auth/roles.js';
import { type ApiConfig, loadConfig } from '../../platform/config.js';
import type { Logger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { createDemoDatabase, createTestDatabase, type TestDatabase } from '../helpers/database.js';

export const TODAY = '2026-11-26';

export interface GqlResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: Array<{ message: string; path?: string[]; extensions: Record<string, any> }> };
}

export interface TestApi {
  url: string;
  db: TestDatabase;
  server: LindungServer;
  config: ApiConfig;
  /** Every log line the server wrote, parsed. */
  logs: Array<Record<string, any>>;
  /** A token for `role`; its scopes are the whole country (["*"]) unless given. */
  token(role: Role, subject?: string, scopes?: string[]): Promise<string>;
  /** POSTs an operation as `role` (default operator; null for no token), nationally unless `scopes` are given. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { role?: Role | null; token?: string; scopes?: string[]; headers?: Record<string, string> },
  ): Promise<GqlResponse<T>>;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * A real server over HTTP on an ephemeral port, on its own database cloned from the migrated
 * template; `scale` seeds the deterministic demo (0.01 ≈ 1.200 workers) for today = TODAY (at 0.01 a
 * clone of the template global-setup.ts seeded with it);
 * `warehouseDir` is the DuckDB warehouse the analytics fields read; `briefsDir` the folder served at /briefs/.
 */
export async function startApi(
  options: {
    scale?: number;
    api?: Partial<ApiConfig>;
    db?: TestDatabase;
    warehouseDir?: string;
    briefsDir?: string;
    /** The server's "today" (default TODAY), for tests that move the clock. */
    today?: () => string;
  } = {},
): Promise<TestApi> {
  const logs: Array<Record<string, any>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) }) as unknown as Logger;
  const db =
    options.db ??
    (options.scale ? await createDemoDatabase({ seed: 1, scale: options.scale, today: TODAY }, log) : await createTestDatabase());
  if (options.db && options.scale) await seedDemo(options.db.url, { seed: 1, scale: options.scale, today: TODAY, log });
  const config: ApiConfig = { ...loadConfig({ NODE_ENV: 'test' }).api, ...options.api };
  // Never the developer's own warehouse: without one the analytics fields answer WAREHOUSE_NOT_READY.
  const warehouseDir = options.warehouseDir ?? path.join(os.tmpdir(), 'lindung-test-no-warehouse');
  const briefsDir = options.briefsDir ?? path.join(os.tmpdir(), 'lindung-test-no-briefs');
  const server = await createServer({
    orm: db.orm,
    log,
    api: config,
    today: options.today ?? (() => TODAY),
    exposeStatementCount: true,
    warehouseDir,
    briefsDir,
  });
  const http = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  const tokens = new Map<string, string>();
  // National by default, and explicit about it: every token the tests mint carries a scopes claim.
  const token = async (role: Role, subject = `${role}-tester`, scopes: string[] = ['*']) => {
    const key = `${role}:${subject}:${scopes.join(',')}`;
    if (!tokens.has(key)) tokens.set(key, await mintToken(config, { role, subject, scopes }));
    return tokens.get(key)!;
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    url,
    db,
    server,
    config,
    logs,
    token,
    post,
    async gql(query, variables = {}, opts = {}) {
      const role = opts.role === undefined ? 'operator' : opts.role;
      const auth = opts.token ?? (role ? await token(role, undefined, opts.scopes) : undefined);
      const res = await post({ query, variables }, { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...opts.headers });
      return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] };
    },
    async close() {
      await server.stop(1000);
      if (!options.db) await db.drop();
    },
  };
}

/** The first error's code, or undefined. */
export const code = (res: GqlResponse) => res.body.errors?.[0]?.extensions.code;
