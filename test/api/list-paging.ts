import { expect } from 'vitest';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import { DB_ROLES } from '../../platform/db/roles.js';
import { CONNECTIONS, type ConnectionName, type ListUser } from '../../server/read/connections.js';
import { listPage } from '../../server/read/list-query.js';
import type { TestApi } from './api-server.js';

/** The database id inside a global ID. */
export const idOf = (gid: string) => Buffer.from(gid, 'base64url').toString().split(':')[1]!;

/** Every order a connection offers, read from its declaration (a new order is tested without editing a test). */
export const ordersOf = (list: ConnectionName) =>
  Object.entries(CONNECTIONS[list]!.fields)
    .filter(([, f]) => f.order)
    .map(([, f]) => ({ field: f.order!, column: f.column, nullable: !!f.nullable }));

/**
 * Paging through a connection over HTTP, as a screen does: one page, every edge forward
 * (`first`/`after`), every node backward (`last`/`before`), checking `pageInfo` on each page.
 */
export function pager(api: TestApi) {
  const query = (list: ConnectionName) => {
    const type = CONNECTIONS[list]!.name;
    return `query P($where: ${type}Where, $orderBy: [${type}Order!], $first: Int, $after: String, $last: Int, $before: String) {
      l: ${list}(where: $where, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`;
  };

  async function one(list: ConnectionName, variables: Record<string, unknown>, options = {}): Promise<any> {
    const res: any = await api.gql(query(list), variables, options);
    expect(res.body.errors, JSON.stringify(variables)).toBeUndefined();
    return res.body.data.l;
  }

  /** Every edge, page by page forward: its node's database id and its cursor. */
  async function forwardEdges(list: ConnectionName, variables: object, size: number): Promise<Array<{ id: string; cursor: string }>> {
    const edges: Array<{ id: string; cursor: string }> = [];
    let after: string | null = null;
    for (let n = 0; n < 200; n++) {
      const l = await one(list, { ...variables, first: size, after });
      expect(l.pageInfo.hasPreviousPage).toBe(after !== null);
      edges.push(...l.edges.map((e: any) => ({ id: idOf(e.node.id), cursor: e.cursor })));
      if (!l.pageInfo.hasNextPage) return edges;
      after = l.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  const forward = async (list: ConnectionName, variables: object, size: number) =>
    (await forwardEdges(list, variables, size)).map((e) => e.id);

  /** Every node's database id, read backward from the end, in the list's order. */
  async function backward(list: ConnectionName, variables: object, size: number): Promise<string[]> {
    const pages: string[][] = [];
    let before: string | null = null;
    for (let n = 0; n < 200; n++) {
      const l = await one(list, { ...variables, last: size, before });
      expect(l.pageInfo.hasNextPage).toBe(before !== null);
      pages.unshift(l.edges.map((e: any) => idOf(e.node.id)));
      if (!l.pageInfo.hasPreviousPage) return pages.flat();
      before = l.pageInfo.startCursor;
    }
    throw new Error('too many pages');
  }

  return { query, one, forwardEdges, forward, backward };
}

/**
 * The plan of a connection's page as the API builds it (alias and parameters included), with seq
 * scans and sorts priced out: a small table would be read whole and sorted whatever indexes
 * exist, so a plan without Sort proves an index gives the order. `asApi`: read as the API reads,
 * its role under row-level security with a regency scope, where only leakproof conditions may use
 * an index.
 */
export async function planOf(api: TestApi, list: ConnectionName, args: object, user: ListUser, asApi = false): Promise<string> {
  const p = listPage(list, args, user, 100);
  const client = await api.db.pool.connect();
  try {
    await client.query('begin');
    if (asApi) {
      await client.query(`set local role ${DB_ROLES.api}`);
      const settings = requestSettingsSql({ scope: { national: false, codes: ['64.02'] }, actor: 'plan-check' });
      await client.query(settings.text, settings.values);
    }
    await client.query('set local enable_seqscan = off; set local enable_sort = off; set local enable_bitmapscan = on');
    const { rows } = await client.query(`explain select t.id, ${p.cursorSql} from ${p.fromSql()} order by ${p.orderSql}`, p.st.values);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback');
    client.release();
  }
}

/** The part of a page's plan under its `Limit` (the outer Sort orders only the page's rows). */
export const underLimit = (plan: string) => {
  const lines = plan.split('\n');
  return lines.slice(lines.findIndex((l) => l.includes('Limit'))).join('\n');
};
