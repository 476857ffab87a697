import type { GraphQLSchema } from 'graphql';
import type pg from 'pg';
import { loadConfig } from '../../platform/config.js';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import type { Principal } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { requestTransaction } from '../read/index.js';
import type { ExportKind } from './export-kinds.js';
import { type ExportArguments, exportStatement } from './export-query.js';
import type { RowWriter } from './export-writer.js';

/** Rows per FETCH: the writer is waited for once a batch, and memory holds two batches (the one written, the one read ahead). */
export const EXPORT_PAGE_SIZE = 500;

/**
 * How long the writer may wait for a client that stopped reading before the download is cut:
 * the export holds a transaction (and so a snapshot that keeps vacuum from older rows) while it
 * waits, and a client that is alive but never reads must not hold it for ever.
 */
export const EXPORT_STALL_MS = 60_000;

/** Runs `work` in a request context built by the same factory as /graphql's (server/app.ts supplies it). */
export type InRequestContext = <T>(user: Principal, requestId: string, work: (context: RequestContext) => Promise<T>) => Promise<T>;

/** The client has read nothing for EXPORT_STALL_MS: the download is cut, its transaction ended. */
export class ExportStalledError extends Error {
  constructor(ms: number) {
    super(`the client read nothing for ${ms} ms: download cut`);
  }
}

const CURSOR = 'lindung_export';
let batchTimeoutMs: number | undefined;

/**
 * Reads the list through ONE server-side cursor over export-query.ts's statement, in the
 * request context's own scoped transaction (row-level security as lindung_api with the caller's
 * region scope, set by server/request-transaction.ts as for any request), and writes each batch.
 * The next batch is fetched while this one is written; the writer's `flush` (the socket's
 * backpressure) holds the loop back. The file is one snapshot of the database. Stops when
 * `stopped()` says the client went away; ending the transaction closes the cursor.
 */
export async function runExport(
  options: ExportArguments & {
    schema: GraphQLSchema;
    kind: ExportKind;
    user: Principal;
    requestId: string;
    inContext: InRequestContext;
    writer: RowWriter;
    stopped?: () => boolean;
    batchRows?: number;
    stallMs?: number;
  },
): Promise<number> {
  const batch = options.batchRows ?? EXPORT_PAGE_SIZE;
  const stopped = options.stopped ?? (() => false);
  return options.inContext(options.user, options.requestId, async (ctx) => {
    // Checked (and refused, naming the field) before the first byte, so the route can still answer with a status.
    const statement = exportStatement(options.schema, options.kind, options, options.user);
    const trx = requestTransaction(ctx);
    if (!trx) throw new Error('an export runs inside its request context’s scoped transaction');
    const connection = await trx.client.acquireConnection();
    // The request's settings again, with the limits of a long read: read only, and each FETCH (one statement) a
    // request's whole budget, as each page of the list would have; the whole file has none. No JIT: the planner's
    // cost for a whole list (a masked name's subquery per row) bought up to 0.6 s of compiling before the first row
    // and no faster reading (measured on the scale-1 demo).
    batchTimeoutMs ??= loadConfig().api.requestTimeoutMs;
    const settings = requestSettingsSql(
      { scope: options.user.scope, actor: options.user.subject },
      { readOnly: true, statementTimeoutMs: batchTimeoutMs },
    );
    await connection.query(`${settings.text}, set_config('jit', 'off', true)`, settings.values);
    await connection.query(`declare ${CURSOR} no scroll cursor for ${statement.text}`, statement.values);
    const fetchBatch = () => connection.query<unknown[]>({ text: `fetch ${batch} from ${CURSOR}`, rowMode: 'array' });
    let rows = 0;
    let next: Promise<pg.QueryArrayResult<unknown[]>> | null = fetchBatch();
    try {
      while (next) {
        const fetched: pg.QueryArrayResult<unknown[]> = await next;
        next = fetched.rows.length === batch && !stopped() ? fetchBatch() : null;
        next?.catch(() => {}); // awaited on the next turn; a failure is thrown there, not reported as unhandled
        for (const row of fetched.rows) options.writer.row(statement.cells(row));
        rows += fetched.rows.length;
        await flushWithin(options.writer, options.stallMs ?? EXPORT_STALL_MS);
        if (stopped()) break;
      }
    } finally {
      // A batch still being read when the loop ends (stopped, stalled, a writer's error) is let finish
      // before the transaction's end goes to the same connection: pg sends one query at a time.
      await next?.catch(() => {});
    }
    return rows;
  });
}

async function flushWithin(writer: RowWriter, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExportStalledError(ms)), ms);
  });
  try {
    await Promise.race([writer.flush(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}
