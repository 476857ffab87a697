import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../schema/types/global-id.js';
import { compiledReads } from '../../server/read/switch.js';
import { startApi, type TestApi } from '../api/api-server.js';
import { expected, insertScopeFixture, nodeIds, PRINCIPALS, type ScopeFixture, tokenOf } from './region-scopes.fixture.js';

/**
 * The scope matrix (region-scopes.test.ts) for `where:` operators and `orderBy:`: conditions that
 * match every row anywhere, in any order, on the compiled and the ORM path, still show each
 * principal only the rows of its scope; and naming a row outside it (its exact id, its exact
 * amount) finds nothing, counts nothing and sums nothing.
 */
describe('region scopes hold under where and orderBy', () => {
  let api: TestApi;
  let fixture: ScopeFixture;
  const as = tokenOf;
  const ids = nodeIds;

  beforeAll(async () => {
    api = await startApi();
    fixture = await insertScopeFixture(api.db.pool, 'rl');
  });
  afterAll(() => api?.close());

  const EVERYTHING = `{ or: [{ id: { isNull: false } }, { not: { id: { isNull: false } } }] }`;
  const QUERY = `{
    workers(first: 50, where: { and: [${EVERYTHING}, { regionCode: { greaterThanOrEqualTo: "0" } }] }, orderBy: [{ field: REGION_CODE, direction: DESC }]) {
      totalCount edges { node { id } } aggregates { count } }
    enrolments(first: 50, where: ${EVERYTHING}, orderBy: [{ field: STATUS }, { field: DECLARED_INCOME, direction: DESC }]) {
      totalCount edges { node { id } } }
    claims(first: 50, where: { or: [{ claimedAmount: { greaterThanOrEqualTo: "0" } }, { paidDate: { isNull: true } }] }, orderBy: [{ field: CLAIMED_AMOUNT, direction: DESC }]) {
      totalCount edges { node { id } } aggregates { count sum { claimedAmount } } }
    contributions(first: 50, where: { not: { amount: { lessThan: "0" } } }, orderBy: [{ field: AMOUNT }]) { totalCount edges { node { id } } } }`;

  describe.each(PRINCIPALS)('$name ($scopes)', (p) => {
    it.each([true, false])('conditions matching every row show only the scope’s rows (compiled path: %s)', async (compiled) => {
      const want = expected(fixture, p);
      compiledReads.enabled = compiled;
      try {
        const res = await api.gql(QUERY, {}, as(p));
        expect(res.body.errors).toBeUndefined();
        const d = res.body.data;
        for (const name of ['workers', 'enrolments', 'claims', 'contributions'] as const) {
          expect(ids(d[name]), name).toEqual(want[name]);
          expect(d[name].totalCount, `${name} totalCount`).toBe(want[name].length);
        }
        expect(d.workers.aggregates.count).toBe(want.workers.length);
        expect(d.claims.aggregates.count).toBe(want.claims.length);
      } finally {
        compiledReads.enabled = true;
      }
    });

    it('naming a row outside the scope by its exact id or amount finds, counts and sums nothing', async () => {
      const want = expected(fixture, p);
      for (const w of want.unseenEnrolments) {
        const [{ amount }] = (await api.db.pool.query('select claimed_amount::text as amount from claim where id = $1', [w.claimId])).rows;
        const res = await api.gql(
          `query Q($claim: ID!, $amount: Rupiah!) {
            claims(where: { or: [{ id: { equalTo: $claim } }, { and: [{ id: { in: [$claim] } }, { claimedAmount: { equalTo: $amount } }] }] },
                   orderBy: [{ field: CLAIMED_AMOUNT }]) { totalCount edges { node { id } } aggregates { count sum { claimedAmount } } } }`,
          { claim: toGlobalId('Claim', w.claimId), amount },
          as(p),
        );
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data.claims).toEqual({ totalCount: 0, edges: [], aggregates: { count: 0, sum: { claimedAmount: '0' } } });
      }
    });
  });
});
