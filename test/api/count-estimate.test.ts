import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledReads } from '../../server/read/switch.js';
import { startApi, type TestApi } from './api-server.js';

/**
 * `totalCountEstimate`: the planner's estimate of a connection's filtered count, within a factor of three of the
 * exact `totalCount` on analysed tables, from the compiled read path (inside the page's one
 * statement) and from the ORM path alike, and never a count: its cost does not depend on the rows.
 */
describe('totalCountEstimate', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    await api.db.pool.query('analyze');
  });
  afterAll(() => api?.close());

  const LISTS = [
    ['workers', '{ kecamatan: "64.02.06" }'],
    ['workers', '{ sector: FORMAL }'],
    ['claims', '{ status: [PAID] }'],
    ['enrolments', '{ status: [ACTIVE] }'],
    ['contributions', '{ fromMonth: "2025-01" }'],
  ] as const;

  it.each(LISTS)('%s(filter: %s) is within a factor of three of totalCount, on both paths', async (list, filter) => {
    const doc = `{ ${list}(first: 1, filter: ${filter}) { totalCount totalCountEstimate edges { cursor } } }`;
    for (const compiled of [true, false]) {
      compiledReads.enabled = compiled;
      try {
        const res = await api.gql(doc);
        expect(res.body.errors).toBeUndefined();
        const { totalCount, totalCountEstimate } = res.body.data[list];
        expect(totalCount).toBeGreaterThan(10);
        expect(totalCountEstimate / totalCount, `${list} ${filter} compiled=${compiled}`).toBeGreaterThan(1 / 3);
        expect(totalCountEstimate / totalCount, `${list} ${filter} compiled=${compiled}`).toBeLessThan(3);
      } finally {
        compiledReads.enabled = true;
      }
    }
  });

  it('adds no statement to the compiled page', async () => {
    const with_ = await api.gql('{ workers(first: 5) { totalCountEstimate edges { cursor } } }');
    const without = await api.gql('{ workers(first: 5) { edges { cursor } } }');
    expect(with_.headers.get('x-sql-statements')).toBe(without.headers.get('x-sql-statements'));
  });
});
