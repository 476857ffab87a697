import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { hmacPads, IPAD_SETTING, OPAD_SETTING } from './pseudonym.js';

/**
 * One consistent read of PostgreSQL: every table of a snapshot is read inside a single
 * REPEATABLE READ, READ ONLY transaction, so all of them are from the same instant however
 * long the extract takes. Rows leave as CSV through COPY … TO STDOUT and are never held in
 * memory: the stream goes straight to whatever the loader gives it.
 */
export class SourceSnapshot {
  private constructor(private readonly client: pg.Client) {}

  static async open(databaseUrl: string, workerKeySecret: string): Promise<SourceSnapshot> {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'lindung-etl' });
    await client.connect();
    try {
      const { ipad, opad } = hmacPads(workerKeySecret);
      // Session settings, set before the transaction: a READ ONLY transaction may still read them.
      await client.query('select set_config($1, $2, false), set_config($3, $4, false)', [IPAD_SETTING, ipad, OPAD_SETTING, opad]);
      await client.query('begin isolation level repeatable read read only');
      // The snapshot is taken by the first query; take it now so "the instant" is the open.
      await client.query('select 1');
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return new SourceSnapshot(client);
  }

  /** Streams `select` as CSV through `streams` (the last one the sink); resolves with the row count PostgreSQL reports. */
  async copy(select: string, streams: [Writable, ...Writable[]]): Promise<number> {
    const stream = this.client.query(copyTo(`copy (${select}) to stdout with (format csv)`));
    await pipeline([stream, ...streams]);
    // The stream ends at CopyDone; rowCount comes with CommandComplete, parsed later: a queued query waits for it.
    await this.client.query('select 1');
    return stream.rowCount;
  }

  /** count(*) and sums over the same rows as `select` (its columns named by `columns`). */
  async aggregate(select: string, columns: string[], money: string[]): Promise<{ rows: number; sums: Record<string, string> }> {
    const list = columns.map((c) => `"${c}"`).join(', ');
    const sums = money.map((m) => `coalesce(sum("${m}"), 0)::text as "${m}"`);
    const { rows } = await this.client.query(
      `select count(*)::text as rows${sums.map((s) => `, ${s}`).join('')} from (${select}) as source (${list})`,
    );
    const row = rows[0] as Record<string, string>;
    return { rows: Number(row.rows), sums: Object.fromEntries(money.map((m) => [m, row[m]!])) };
  }

  /**
   * Disconnects, which ends the transaction (nothing to commit: it only read). No ROLLBACK
   * first: after a failed COPY the connection may still be streaming and would not answer.
   */
  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}
