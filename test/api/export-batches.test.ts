import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiOrm } from '../../platform/db/api-connection.js';
import { NATIONAL } from '../../schema/region-scope.js';
import { principal } from '../../server/auth/roles.js';
import { createRequestContext } from '../../server/context.js';
import { withRequestContexts } from '../../server/export/export-context.js';
import { ExportStalledError, runExport } from '../../server/export/export-run.js';
import type { RowWriter } from '../../server/export/export-writer.js';
import { buildApiSchema } from '../../server/graphql/schema.js';
import { startApi, type TestApi } from './api-server.js';

const BATCH = 100;
const CURSOR_FETCH = `fetch ${BATCH} from lindung_export`;

/** A writer that counts what it is handed, and whose first `flush` waits until the test lets it go (a client that stopped reading). */
function countingWriter() {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let waiting: () => void = () => {};
  const firstWait = new Promise<void>((resolve) => {
    waiting = resolve;
  });
  const seen = { rows: 0, sinceFlush: 0, mostBetweenFlushes: 0, flushes: 0 };
  const writer: RowWriter = {
    row() {
      seen.rows++;
      seen.sinceFlush++;
    },
    async flush() {
      seen.mostBetweenFlushes = Math.max(seen.mostBetweenFlushes, seen.sinceFlush);
      seen.sinceFlush = 0;
      if (++seen.flushes === 1) {
        waiting();
        await gate;
      }
    },
    end: async () => {},
  };
  return { writer, seen, firstWait, release: () => release() };
}

/**
 * The export's reading loop on a real database (no HTTP): how many rows it holds is counted in
 * batches, never timed. However long the list, the writer is handed one FETCH at a time and
 * waited for after each, and while it waits nothing more reaches it; a writer that never drains
 * cuts the download and ends its transaction.
 */
describe('export batches: bounded memory whatever the length', () => {
  let api: TestApi;
  let apiOrm: MikroORM;
  let schema: GraphQLSchema;
  const sql = async (text: string, params: unknown[] = []) => (await api.db.pool.query(text, params)).rows;
  const analyst = principal('batch-tester', 'analyst', NATIONAL);
  const inContext = () => withRequestContexts((user, requestId) => createRequestContext(apiOrm.em, requestId, { user }));

  /** The export's backend once its last FETCH has answered and it waits for the next (null when no transaction is open on it). */
  const waitingBackend = async () =>
    (
      await sql(`select state from pg_stat_activity where datname = current_database() and query = $1 and state = 'idle in transaction'`, [
        CURSOR_FETCH,
      ])
    )[0] ?? null;

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    apiOrm = await openApiOrm(api.db.orm);
    schema = await buildApiSchema();
  });
  afterAll(async () => {
    await apiOrm?.close(true);
    await api?.close();
  });

  it('hands the writer one batch at a time and reads no further while it waits', async () => {
    const [{ n }] = await sql('select count(*)::int as n from contribution');
    expect(n).toBeGreaterThan(50 * BATCH);
    const { writer, seen, firstWait, release } = countingWriter();
    const run = runExport({
      schema,
      kind: 'contributions',
      filter: {},
      user: analyst,
      requestId: 'batches',
      inContext: inContext(),
      writer,
      batchRows: BATCH,
    });
    await firstWait;
    // The batch read ahead has arrived and the backend waits, idle in its transaction: the loop is held by the writer alone.
    for (let i = 0; i < 200 && !(await waitingBackend()); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(await waitingBackend()).not.toBeNull();
    expect(seen.rows).toBe(BATCH);
    release();
    expect(await run).toBe(n);
    expect(seen.rows).toBe(n);
    expect(seen.mostBetweenFlushes).toBe(BATCH);
    // One flush a batch (a last, empty FETCH when the count is a multiple of the batch).
    expect(seen.flushes).toBe(Math.floor(n / BATCH) + 1);
    expect(await waitingBackend()).toBeNull();
  });

  it('cuts a download whose writer never drains, and ends its transaction', async () => {
    const { writer, seen } = countingWriter();
    const run = runExport({
      schema,
      kind: 'contributions',
      filter: {},
      user: analyst,
      requestId: 'stalled',
      inContext: inContext(),
      writer,
      batchRows: BATCH,
      stallMs: 200,
    });
    await expect(run).rejects.toBeInstanceOf(ExportStalledError);
    expect(seen.rows).toBe(BATCH);
    expect(await waitingBackend()).toBeNull();
  });

  it('stops after the batch in hand when the client goes away', async () => {
    const { writer, seen, release } = countingWriter();
    release();
    let gone = false;
    const rows = await runExport({
      schema,
      kind: 'contributions',
      filter: {},
      user: analyst,
      requestId: 'gone',
      inContext: inContext(),
      writer: { ...writer, row: (values) => ((gone = seen.rows + 1 >= 3 * BATCH), writer.row(values)) },
      stopped: () => gone,
      batchRows: BATCH,
    });
    expect(rows).toBe(3 * BATCH);
    expect(await waitingBackend()).toBeNull();
  });
});
