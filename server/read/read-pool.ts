import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { loadConfig } from '../../platform/config.js';
import { requestSettingsSql, type RequestScope } from '../../platform/db/request-settings.js';
import { countStatement } from '../graphql/request-log.js';

/**
 * The compiled read path's own connections, apart from MikroORM's knex pool: plain `pg`, named
 * prepared statements, rows never hydrated. One pool per database the ORM talks to.
 */
export function createReadPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // A connection the server closes (a dropped test database, a restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

const pools = new WeakMap<object, pg.Pool>();

function poolFor(em: EntityManager): pg.Pool {
  const key = em.config;
  let pool = pools.get(key);
  if (!pool) {
    // The same database as the ORM (tests give each file its own); the size of the ORM's pool.
    pool = createReadPool(em.config.getClientUrl(), loadConfig().dbPoolMax);
    pools.set(key, pool);
  }
  return pool;
}

/** Closes the read pool of an ORM (server shutdown); a later read opens a new one. */
export async function closeReadPool(em: EntityManager): Promise<void> {
  const pool = pools.get(em.config);
  pools.delete(em.config);
  await pool?.end();
}

/** Shapes get a prepared-statement name up to this many; past it (a client inventing shapes) they are parsed each time. */
const NAMED_SHAPES_MAX = 500;
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < NAMED_SHAPES_MAX) {
    name = `lindung_read_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

export interface ReadRequest extends RequestScope {
  /** Epoch ms by which the request's SQL must be done (statement_timeout is what is left). */
  deadline: number;
}

/** The request's own scoped transaction (server/request-transaction.ts), as knex holds it, when one is open. */
export type OpenTransaction = () => { client: { acquireConnection(): Promise<pg.ClientBase> } } | undefined;

/**
 * One request's reads. A signed-in request already runs in its scoped transaction (begun with
 * the settings row-level security reads, and its statement_timeout): each root field is then one
 * named prepared statement on that transaction's connection, and nothing else. Without one (a
 * context built outside the HTTP server's plugin), the session opens its own on the read pool:
 * a read-only transaction whose opening (begin, statement_timeout, settings) is one message, a
 * statement per root field, then commit, sent when the last root field has its rows.
 */
export class ReadSession {
  private client: Promise<pg.PoolClient> | undefined;
  private pending = 0;
  /** pg runs one query at a time per connection; root fields resolved together wait their turn here. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    private readonly request: ReadRequest,
    private readonly transaction: OpenTransaction,
  ) {}

  async rows<T>(text: string, values: unknown[]): Promise<T[]> {
    const trx = this.transaction();
    if (trx) {
      const connection = await trx.client.acquireConnection();
      countStatement();
      const result = this.turn.then(() => connection.query({ name: statementName(text), text, values }));
      this.turn = result.catch(() => {});
      return (await result).rows as T[];
    }
    this.pending++;
    const client = (this.client ??= this.open());
    try {
      const c = await client;
      countStatement();
      const result = this.turn.then(() => c.query({ name: statementName(text), text, values }));
      this.turn = result.catch(() => {});
      return (await result).rows as T[];
    } finally {
      if (--this.pending === 0) this.finish(client);
    }
  }

  private async open(): Promise<pg.PoolClient> {
    const client = await poolFor(this.em).connect();
    const settings = requestSettingsSql(this.request);
    const literal = settings.text.replace(/\$(\d+)/g, (_m, n: string) => client.escapeLiteral(settings.values[Number(n) - 1]!));
    const left = this.request.deadline - Date.now();
    countStatement();
    try {
      await client.query(`begin transaction read only; set local statement_timeout = ${Math.max(1, Math.floor(left))}; ${literal}`);
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    return client;
  }

  private finish(client: Promise<pg.PoolClient>): void {
    this.client = undefined;
    this.turn = Promise.resolve();
    client.then(
      (c) => {
        countStatement();
        // After an error the transaction is aborted; commit then rolls it back, which is what we want.
        c.query('commit').then(
          () => c.release(),
          (error: Error) => c.release(error),
        );
      },
      () => {},
    );
  }
}
