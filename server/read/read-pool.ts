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

/**
 * Two pools per ORM: national requests take the national role in their transaction
 * (platform/db/request-settings.ts), every other scope stays lindung_api. A prepared statement's
 * plan under row-level security belongs to the role it was planned for, and PostgreSQL replans
 * it when a connection's next execution runs as the other role; a connection that always runs as
 * one role keeps its plans.
 */
type ReadPools = { national?: pg.Pool; scoped?: pg.Pool };
const pools = new WeakMap<object, ReadPools>();

function poolFor(em: EntityManager, national: boolean): pg.Pool {
  const key = em.config;
  let entry = pools.get(key);
  if (!entry) pools.set(key, (entry = {}));
  const which = national ? 'national' : 'scoped';
  // The same database as the ORM (tests give each file its own); the size of the ORM's pool.
  entry[which] ??= createReadPool(em.config.getClientUrl(), loadConfig().dbPoolMax);
  return entry[which];
}

/** Closes the read pools of an ORM (server shutdown); a later read opens new ones. */
export async function closeReadPool(em: EntityManager): Promise<void> {
  const entry = pools.get(em.config);
  pools.delete(em.config);
  await Promise.all([entry?.national?.end(), entry?.scoped?.end()]);
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
 * One request's reads. Inside the request's scoped transaction (server/request-transaction.ts
 * opened it: an operation with a root field the compiler does not answer), a root field is one
 * named prepared statement on that transaction's connection. Otherwise each root field is ONE
 * message on the read pool of two statements: the settings row-level security reads, read-only
 * and the statement timeout, all local to the transaction (`execute` of their own prepared
 * `select set_config(…)`), and `execute` of the field's prepared statement — one round trip and one implicit transaction,
 * ending with the message, so the connection goes back to the pool carrying nothing. Each
 * statement is prepared on a connection the first time that connection runs it, in the same message.
 */
export class ReadSession {
  /** pg runs one query at a time per connection; root fields on the request's transaction wait their turn here. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly em: EntityManager,
    private readonly request: ReadRequest,
    private readonly transaction: OpenTransaction,
  ) {}

  async rows<T>(text: string, values: unknown[], types: string[]): Promise<T[]> {
    const trx = this.transaction();
    if (trx) {
      const connection = await trx.client.acquireConnection();
      countStatement();
      const result = this.turn.then(() => connection.query({ name: statementName(text), text, values }));
      this.turn = result.catch(() => {});
      return (await result).rows as T[];
    }
    return this.alone<T>(text, values, types);
  }

  private async alone<T>(text: string, values: unknown[], types: string[]): Promise<T[]> {
    const client = await poolFor(this.em, this.request.scope.national).connect();
    const literal = (v: unknown) => literalOf(client, v);
    const settings = requestSettingsSql(this.request, {
      readOnly: true,
      statementTimeoutMs: this.request.deadline - Date.now(),
    });
    const prepared = preparedOn(client);
    const list = (items: string[]) => (items.length ? ` (${items.join(', ')})` : '');
    // The settings are a prepared statement too: parsing and planning their select anew took
    // PostgreSQL about as long as executing a claim by id (90 µs of 180). Its PREPARE touches no table.
    const settingsName = statementName(settings.text);
    const settingsValues = settings.values.map(literal);
    const settingsSql = settingsName
      ? `${prepared.has(settingsName) ? '' : `prepare ${settingsName}${list(settings.values.map(() => 'text'))} as ${settings.text}; `}execute ${settingsName}${list(settingsValues)}`
      : settings.text.replace(/\$(\d+)/g, (_m, n: string) => settingsValues[Number(n) - 1]!);
    const name = statementName(text);
    const prepare = name && !prepared.has(name) ? `prepare ${name}${list(types)} as ${text}; ` : '';
    const read = name ? `execute ${name}${list(values.map(literal))}` : inline(text, values, literal);
    // The settings and the read, counted as the statements they are.
    countStatement();
    countStatement();
    try {
      // One simple-protocol message of several statements is one implicit transaction: the
      // settings are local to it and end with it, as an explicit begin … commit would make them,
      // for two statements fewer. PREPARE goes after the timeout: analysing the statement takes
      // its tables' locks, and a lock held elsewhere must cost this request its budget, not hang it.
      const results = (await client.query(`${settingsSql}; ${prepare}${read}`)) as unknown as pg.QueryResult[];
      if (settingsName) prepared.add(settingsName);
      if (prepare) prepared.add(name!);
      client.release();
      return results[results.length - 1]!.rows as T[];
    } catch (error) {
      // The transaction ended with the message (an error inside it rolls it back); a half-known
      // prepared state is not worth keeping: the connection is closed, the pool opens another.
      client.release(error as Error);
      throw error;
    }
  }
}

const preparedStatements = new WeakMap<object, Set<string>>();
function preparedOn(client: object): Set<string> {
  let set = preparedStatements.get(client);
  if (!set) preparedStatements.set(client, (set = new Set()));
  return set;
}

/** A parameter as SQL text for `execute` (the prepared statement's declared types cast it). */
function literalOf(client: pg.PoolClient, value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (Array.isArray(value))
    return client.escapeLiteral(`{${value.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`);
  if (typeof value === 'string') return client.escapeLiteral(value);
  throw new Error(`the compiled read path has no literal form for ${typeof value}`);
}

/** Past the named shapes' limit: the statement's text with its parameters written in. */
function inline(text: string, values: unknown[], literal: (v: unknown) => string): string {
  return text.replace(/\$(\d+)::/g, (_m, n: string) => `${literal(values[Number(n) - 1])}::`);
}
