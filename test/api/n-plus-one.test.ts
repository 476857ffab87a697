import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './api-server.js';

const NESTED = `query Nested($n: Int!) {
  workers(first: $n) {
    totalCount
    edges { node { id fullName region { name parent { name } }
      enrolments { status programmes sponsor { name employer { name } } employer { name }
        claims { claimNo status programme claimedAmount enrolment { membershipNo } }
        contributions(last: 3) { period amount } } } }
  }
}`;

/**
 * Every nested list loads through a per-request DataLoader, so the number of SQL statements
 * depends on the shape of the query, never on how many rows a page holds.
 */
describe('no N+1: SQL statements per request do not grow with the page size', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
  });
  afterAll(() => api?.close());

  const statements = async (query: string, n: number) => {
    const res = await api.gql(query, { n });
    expect(res.body.errors).toBeUndefined();
    return { count: Number(res.headers.get('x-sql-statements')), body: res.body };
  };

  it('workers(first: 100) { edges { node { enrolments { claims { … } } } } } costs what first: 10 costs', async () => {
    const QUERY = `query Q($n: Int!) { workers(first: $n) { edges { node { id enrolments { id status claims { id status claimedAmount } } } } } }`;
    const small = await statements(QUERY, 10);
    const large = await statements(QUERY, 100);
    expect(large.body.data.workers.edges).toHaveLength(100);
    const claims = large.body.data.workers.edges.flatMap((e: any) => e.node.enrolments.flatMap((en: any) => en.claims));
    expect(claims.length).toBeGreaterThan(0);
    // One read and its settings, sent as one message (the compiled read path, server/read/).
    expect(small.count).toBe(1 + 1);
    expect(large.count).toBe(small.count);
  });

  it('stays flat with every nested relation selected', async () => {
    const small = await statements(NESTED, 5);
    const large = await statements(NESTED, 100);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(10 + 2);
    expect(api.logs.filter((l) => l.msg === 'graphql request' && l.operationName === 'Nested').map((l) => l.sqlStatements)).toEqual([
      small.count,
      large.count,
    ]);
  });
});
