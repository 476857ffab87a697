import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './api-server.js';

/**
 * Issue 13's operations (a), (b), (c) cost one SQL statement per root field, plus its opening
 * (a read-only transaction with the settings row-level security reads and the statement
 * timeout), sent together as one message, whatever the page size and however deep the nesting
 * (server/read/read-pool.ts). Counted twice: by the server's `x-sql-statements` header
 * (statements), and independently by wrapping `pg.Client#query`, which every message of both
 * the ORM and the compiled path goes through (round trips).
 */
/** Header and wire counts of a request with `roots` compiled root fields. */
const expected = (roots: number) => ({ header: 2 * roots, wire: roots });
const WORKER = 'id nik fullName sex occupation sector';
const ENROLMENT = 'id membershipNo segment programmes status startDate endDate';
const CLAIM = 'id claimNo programme status claimedAmount paidAmount submittedDate';
const page = (opts: { total: boolean; nested: number }) => {
  const claims = opts.nested >= 2 ? ` claims { ${CLAIM} }` : '';
  const enrolments = opts.nested >= 1 ? ` enrolments { ${ENROLMENT} sponsor { id name kind }${claims} }` : '';
  return `query A($kec: String, $n: Int) { workers(first: $n, filter: { kecamatan: $kec }) { ${opts.total ? 'totalCount ' : ''}
    pageInfo { hasNextPage endCursor } edges { cursor node { ${WORKER} region { code name }${enrolments} } } } }`;
};
const CLAIM_BY_ID = `query C($id: ID!) { node(id: $id) { ... on Claim { id claimNo status claimedAmount enrolment { membershipNo
  worker { fullName enrolments { claims { enrolment { membershipNo } } } } } } } }`;
const CLAIM_SHORT = 'query C($id: ID!) { node(id: $id) { ... on Claim { id claimNo status claimedAmount enrolment { membershipNo } } } }';

describe('SQL statements per request: one per root field, flat in page size and nesting', () => {
  let api: TestApi;
  let sent = 0;
  const query = pg.Client.prototype.query;
  let claimId = '';
  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    const row = (await api.db.pool.query('select id::text from claim order by id desc limit 1')).rows[0];
    claimId = Buffer.from(`Claim:${row.id}`).toString('base64url');
    // Warm the pools: a new connection's own `set statement_timeout` would otherwise count in the first request.
    await Promise.all([1, 2, 3, 4].map(() => api.gql(CLAIM_SHORT, { id: claimId })));
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      sent++;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });
  afterAll(async () => {
    pg.Client.prototype.query = query;
    await api?.close();
  });

  /** Statements of one request, by both counts; the commit may leave just after the answer, so wait for it. */
  const count = async (doc: string, variables: Record<string, unknown>) => {
    const before = sent;
    const res = await api.gql(doc, variables);
    expect(res.body.errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    return { header: Number(res.headers.get('x-sql-statements')), wire: sent - before, body: res.body };
  };

  it('(a) and (b): one statement for 5 or 50 workers, with or without enrolments and claims', async () => {
    const seen = new Set<string>();
    for (const total of [true, false]) {
      for (const nested of [0, 1, 2]) {
        for (const n of [5, 50]) {
          const c = await count(page({ total, nested }), { kec: '64.02.06', n });
          expect(c.body.data.workers.edges).toHaveLength(n);
          seen.add(`${c.header}/${c.wire}`);
        }
      }
    }
    expect([...seen]).toEqual([`${expected(1).header}/${expected(1).wire}`]);
  });

  it('(c): one statement for a claim by id, also with a deep nesting under it', async () => {
    expect(await count(CLAIM_SHORT, { id: claimId })).toMatchObject(expected(1));
    const deep = await count(CLAIM_BY_ID, { id: claimId });
    expect(deep.body.data.node.enrolment.worker.enrolments.length).toBeGreaterThan(0);
    expect(deep).toMatchObject(expected(1));
  });

  it('two root fields: one message each', async () => {
    const doc = `query Two($kec: String) { a: workers(first: 10, filter: { kecamatan: $kec }) { totalCount edges { node { id } } }
      b: claims(first: 10) { edges { node { claimNo enrolment { membershipNo } } } } }`;
    expect(await count(doc, { kec: '64.02.06' })).toMatchObject(expected(2));
  });

  it('the ORM path, for comparison, grows with nesting', async () => {
    // monthlyContribution is not compiled, so the whole root field takes the ORM path, in the request's scoped transaction.
    const doc = `query O { workers(first: 20) { edges { node { id region { name } enrolments { monthlyContribution sponsor { name } claims { id } } } } } }`;
    const c = await count(doc, {});
    expect(c.header).toBeGreaterThan(expected(1).header);
    // Plus the `set statement_timeout` each new knex connection gets (request-budget.ts), which knex does not report.
    expect(c.wire).toBeGreaterThanOrEqual(c.header);
  });
});
