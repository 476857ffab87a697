import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { DB_ROLES, setRoleSql } from '../platform/db/roles.js';
import { to as copyTo } from 'pg-copy-streams';
import { isConnectionError, SourceUnavailableError } from './errors.js';
import { hmacPads, IPAD_SETTING, OPAD_SETTING } from './pseudonym.js';

export interface SourceOptions {
  /** How long to wait for PostgreSQL to accept the connection (default 10 s). */
  connectTimeoutMs?: number;
  /** Aborting it drops the connection, which ends a running COPY at once; statements then reject with the signal's reason. */
  signal?: AbortSignal;
  /**
   * How long a statement may go without a byte from PostgreSQL before the server counts as
   * hung (default 10 min): a stopped or wedged server keeps the socket open and answers
   * TCP keepalives, so nothing else would end the wait. Generous, because a count(*) over
   * every contribution at scale 20, or the worker table's sorts, legitimately send nothing for
   * a minute or more.
   */
  silenceTimeoutMs?: number;
  /**
   * Read the snapshot another open SourceSnapshot exported (its exportSnapshot()) instead of
   * taking a new one: several connections then read one instant, and the extract can use more
   * than one of PostgreSQL's processes (cores) at a time.
   */
  snapshotId?: string;
}

/**
 * One consistent read of PostgreSQL: every table of a snapshot is read inside a single
 * REPEATABLE READ, READ ONLY transaction, so all of them are from the same instant however
 * long the extract takes. Rows leave as CSV through COPY … TO STDOUT and are never held in
 * memory: the stream goes straight to whatever the loader gives it.
 *
 * Any statement that fails because the connection is gone (the server stopped, the backend was
 * terminated, the network dropped) rejects with SourceUnavailableError.
 */
export class SourceSnapshot {
  /** Set when the connection dropped between statements: node-postgres then emits 'error' on the client. */
  private lost: Error | null = null;

  private constructor(
    private readonly client: pg.Client,
    private readonly signal: AbortSignal | undefined,
    private readonly silenceMs: number,
  ) {
    // Without a listener a connection lost while idle is an uncaught 'error' event: a stack trace and exit 1.
    client.on('error', (error) => {
      this.lost ??= error;
    });
  }

  static async open(databaseUrl: string, workerKeySecret: string, options: SourceOptions = {}): Promise<SourceSnapshot> {
    options.signal?.throwIfAborted();
    const client = new pg.Client({
      connectionString: databaseUrl,
      application_name: 'lindung-etl',
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      // A server that vanished without closing the socket is noticed by the OS, not left to hang a COPY.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    const source = new SourceSnapshot(client, options.signal, options.silenceTimeoutMs ?? 600_000);
    const drop = () => void source.close();
    options.signal?.addEventListener('abort', drop, { once: true });
    try {
      await client.connect();
      // The ETL reads every region, through its own role's policies (migration region_scopes), never as the owner.
      await client.query(setRoleSql(DB_ROLES.etl));
      const { ipad, opad } = hmacPads(workerKeySecret);
      // Session settings, set before the transaction: a READ ONLY transaction may still read them.
      await client.query('select set_config($1, $2, false), set_config($3, $4, false)', [IPAD_SETTING, ipad, OPAD_SETTING, opad]);
      await client.query('begin isolation level repeatable read read only');
      if (options.snapshotId !== undefined) {
        await client.query(`set transaction snapshot '${options.snapshotId.replace(/[^0-9A-F-]/gi, '')}'`);
      } else {
        // The snapshot is taken by the first query; take it now so "the instant" is the open.
        await client.query('select 1');
      }
    } catch (error) {
      options.signal?.removeEventListener('abort', drop);
      await source.close();
      throw source.explain(error, 'PostgreSQL unreachable');
    }
    return source;
  }

  /** Names this connection's snapshot for others to read (SourceOptions.snapshotId), valid while it stays open. */
  async exportSnapshot(): Promise<string> {
    try {
      const { rows } = await this.client.query<{ id: string }>('select pg_export_snapshot() as id');
      return rows[0]!.id;
    } catch (error) {
      throw this.explain(error, 'PostgreSQL connection lost while sharing the snapshot');
    }
  }

  /** Streams `select` as CSV through `streams` (the last one the sink); resolves with the row count PostgreSQL reports. */
  async copy(select: string, streams: [Writable, ...Writable[]]): Promise<number> {
    try {
      return await this.watched('during the extract', async (heard) => {
        const stream = this.client.query(copyTo(`copy (${select}) to stdout with (format csv)`));
        await pipeline([stream, activity(heard), ...streams]);
        // The stream ends at CopyDone; rowCount comes with CommandComplete, parsed later: a queued query waits for it.
        await this.client.query('select 1');
        return stream.rowCount;
      });
    } catch (error) {
      throw this.explain(error, 'PostgreSQL connection lost during the extract');
    }
  }

  /** count(*) and sums over the same rows as `select` (its columns named by `columns`). */
  async aggregate(select: string, columns: string[], money: string[]): Promise<{ rows: number; sums: Record<string, string> }> {
    const list = columns.map((c) => `"${c}"`).join(', ');
    const sums = money.map((m) => `coalesce(sum("${m}"), 0)::text as "${m}"`);
    try {
      const { rows } = await this.watched('during the verification', () =>
        this.client.query(`select count(*)::text as rows${sums.map((s) => `, ${s}`).join('')} from (${select}) as source (${list})`),
      );
      const row = rows[0] as Record<string, string>;
      return { rows: Number(row.rows), sums: Object.fromEntries(money.map((m) => [m, row[m]!])) };
    } catch (error) {
      throw this.explain(error, 'PostgreSQL connection lost during the verification');
    }
  }

  /** Counts and sums of several dates from one statement (TableSpec.historyCounts), by snapshot date. */
  async aggregateByDate(sql: string, money: string[]): Promise<Map<string, { rows: number; sums: Record<string, string> }>> {
    try {
      const { rows } = await this.watched('during the verification', () => this.client.query<Record<string, string>>(sql));
      return new Map(rows.map((r) => [r.snapshot_date!, { rows: Number(r.rows), sums: Object.fromEntries(money.map((m) => [m, r[m]!])) }]));
    } catch (error) {
      throw this.explain(error, 'PostgreSQL connection lost during the verification');
    }
  }

  /**
   * Disconnects, which ends the transaction (nothing to commit: it only read). No ROLLBACK
   * first: after a failed COPY the connection may still be streaming and would not answer.
   * With a statement running, node-postgres destroys the socket rather than wait for it. Bounded
   * all the same: a server that stopped answering must not hold the run's lock.
   */
  async close(): Promise<void> {
    await Promise.race([this.client.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }

  /**
   * Runs `work` with a silence timer, restarted by `heard()`: when it fires the connection is
   * dropped and the statement rejects with SourceUnavailableError.
   */
  private async watched<T>(when: string, work: (heard: () => void) => Promise<T>): Promise<T> {
    let silent: SourceUnavailableError | null = null;
    let timer: NodeJS.Timeout | undefined;
    const heard = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        silent = new SourceUnavailableError(`PostgreSQL sent nothing for ${this.silenceMs / 1000} s ${when}: taken as hung`);
        void this.close();
      }, this.silenceMs);
    };
    heard();
    try {
      return await work(heard);
    } catch (error) {
      throw silent ?? error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The error a caller can act on: the stop request, a lost connection, or the statement's own error. */
  private explain(error: unknown, what: string): unknown {
    if (this.signal?.aborted) return this.signal.reason;
    const cause = this.lost ?? error;
    if (this.lost || isConnectionError(error)) {
      return new SourceUnavailableError(`${what}: ${(cause as Error).message}`, { cause });
    }
    return error;
  }
}

/** Passes the COPY's bytes on unchanged, saying each time that the server is still sending. */
function activity(heard: () => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      heard();
      done(null, chunk);
    },
  });
}
