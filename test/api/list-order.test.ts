import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import { DB_ROLES } from '../../platform/db/roles.js';
import { EXPORT_KINDS, nodeSelection } from '../../server/export/export-kinds.js';
import { CONNECTIONS, type ListName } from '../../server/read/connections.js';
import { Statement } from '../../server/read/compile.js';
import { listConditions } from '../../server/read/list-query.js';
import { compiledReads } from '../../server/read/switch.js';
import { code, startApi, type TestApi } from './api-server.js';
import { ordersOf as orders, pager, planOf, underLimit } from './list-paging.js';

/** A slice of each list small enough to page through many times (a few hundred rows). */
const SLICE: Record<ListName, { where: object; sql: string }> = {
  workers: { where: { regionCode: { startsWith: '64.02.0' } }, sql: `left(region_code, 7) = '64.02.0'` },
  claims: { where: { submittedDate: { greaterThanOrEqualTo: '2023-01-01' } }, sql: `submitted_date >= '2023-01-01'` },
  enrolments: { where: { status: { in: ['ACTIVE', 'LAPSED'] } }, sql: `status in ('ACTIVE', 'LAPSED')` },
  contributions: { where: { paidDate: { greaterThanOrEqualTo: '2026-11-01' } }, sql: `paid_date >= '2026-11-01'` },
};
const OPERATOR = { role: 'operator', seesPersonalData: true };

/**
 * `orderBy:` over HTTP: every offered order of every list, both directions, paged forward and
 * backward through a slice and compared with SQL's own `order by`; cursors bound to their order;
 * every order served by an index (no Sort in its plan); the trigram index for name search; and an
 * export of a filtered, ordered list equal to the connection's nodes.
 */
describe('orderBy: sorted lists with stable pagination', () => {
  let api: TestApi;
  const sql = async (text: string, params: unknown[] = []) => (await api.db.pool.query(text, params)).rows;

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
  });
  afterAll(() => api?.close());

  const paging = () => pager(api);
  const page = (list: ListName) => paging().query(list);
  const forward = (list: ListName, orderBy: object[], size: number) => paging().forward(list, { where: SLICE[list].where, orderBy }, size);
  const backward = (list: ListName, orderBy: object[], size: number) =>
    paging().backward(list, { where: SLICE[list].where, orderBy }, size);

  it.each([
    'workers',
    'claims',
    'enrolments',
    'contributions',
  ] as const)('%s: every order, ascending and descending, pages forward and backward exactly as SQL orders the rows', async (list) => {
    const table = CONNECTIONS[list]!.table;
    for (const { field, column } of orders(list)) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const dir = direction.toLowerCase();
        const rows = await sql(`select id::text as key from ${table} where ${SLICE[list].sql} order by ${column} ${dir}, id ${dir}`);
        const want = rows.map((r) => r.key);
        expect(want.length, list).toBeGreaterThan(60);
        const orderBy = [{ field, direction }];
        expect(await forward(list, orderBy, 37), `${list} ${field} ${direction} forward`).toEqual(want);
        expect(await backward(list, orderBy, 41), `${list} ${field} ${direction} backward`).toEqual(want);
      }
    }
  });

  it('a mixed-direction order of two keys pages as SQL orders it, on the compiled and the ORM path alike', async () => {
    const orderBy = [{ field: 'STATUS' }, { field: 'CLAIMED_AMOUNT', direction: 'DESC' }];
    const want = (
      await sql(`select id::text as key from claim where ${SLICE.claims.sql} order by status asc, claimed_amount desc, id desc`)
    ).map((r) => r.key);
    expect(await forward('claims', orderBy, 29)).toEqual(want);
    expect(await backward('claims', orderBy, 31)).toEqual(want);
    const first: any = await api.gql(page('claims'), { where: SLICE.claims.where, orderBy, first: 13 });
    const variables = { where: SLICE.claims.where, orderBy, first: 17, after: first.body.data.l.pageInfo.endCursor };
    const compiled = await api.post({ query: page('claims'), variables });
    compiledReads.enabled = false;
    try {
      const orm = await api.post({ query: page('claims'), variables });
      expect(await orm.text()).toBe(await compiled.text());
    } finally {
      compiledReads.enabled = true;
    }
  });

  it('refuses a cursor made for another order, naming the argument and both orders', async () => {
    const cursorOf = async (list: ListName, orderBy: object[] | null) => {
      const res: any = await api.gql(page(list), { orderBy, first: 2 });
      return res.body.data.l.pageInfo.endCursor as string;
    };
    const byName = await cursorOf('workers', [{ field: 'FULL_NAME' }]);
    const byDefault = await cursorOf('workers', null);
    const cases: Array<[ListName, object[] | null, string, string, RegExp]> = [
      ['workers', null, 'after', byName, /made for fullName ASC, id ASC, this query asks for the default order/],
      [
        'workers',
        [{ field: 'FULL_NAME', direction: 'DESC' }],
        'after',
        byName,
        /made for fullName ASC, id ASC, this query asks for fullName DESC, id DESC/,
      ],
      [
        'workers',
        [{ field: 'REGION_CODE' }],
        'before',
        byDefault,
        /made for the default order, this query asks for regionCode ASC, id ASC/,
      ],
      ['claims', [{ field: 'STATUS' }], 'after', await cursorOf('claims', null), /made for the default order/],
    ];
    for (const [list, orderBy, name, cursor, message] of cases) {
      const res = await api.gql(page(list), { orderBy, [name]: cursor, ...(name === 'before' ? { last: 2 } : { first: 2 }) });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.message).toMatch(new RegExp(`^${name}: is not a cursor from this connection`));
      expect(res.body.errors![0]!.message).toMatch(message);
    }
    // Asking explicitly for the default order is the default order: its cursors go both ways.
    const explicit = await cursorOf('claims', [{ field: 'SUBMITTED_DATE', direction: 'DESC' }]);
    expect(explicit).toBe(await cursorOf('claims', null));
  });

  it('refuses an order that is not one: repeated keys, keys after ID, too many keys', async () => {
    const cases: Array<[string, RegExp]> = [
      ['[{ field: STATUS }, { field: STATUS, direction: DESC }]', /^orderBy\[1\]\.field: STATUS is given twice/],
      ['[{ field: ID }, { field: STATUS }]', /^orderBy\[1\]\.field: ID is unique: nothing may follow it/],
      ['[{ field: STATUS }, { field: PROGRAMME }, { field: CLAIM_NO }, { field: ID }]', /^orderBy: takes at most 3 entries/],
    ];
    for (const [orderBy, message] of cases) {
      const res = await api.gql(`{ claims(orderBy: ${orderBy}) { edges { cursor } } }`);
      expect(code(res), orderBy).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.message).toMatch(message);
    }
  });

  it('every offered order, both ways and after a cursor, is read from an index in its order (no Sort of the table)', async () => {
    for (const list of ['workers', 'claims', 'enrolments', 'contributions'] as const) {
      for (const { field } of orders(list)) {
        for (const direction of ['ASC', 'DESC']) {
          const first: any = await api.gql(page(list), { orderBy: [{ field, direction }], first: 3 });
          for (const after of [null, first.body.data.l.pageInfo.endCursor]) {
            const text = await planOf(api, list, { orderBy: [{ field, direction }], first: 20, after }, OPERATOR);
            // The outer Sort orders the page's 21 rows; the table itself must come from an index, in order, under a Limit.
            expect(underLimit(text), `${list} ${field} ${direction}\n${text}`).toMatch(/Index (Only )?Scan/);
            expect(underLimit(text), `${list} ${field} ${direction}\n${text}`).not.toMatch(/\bSort\b/);
          }
        }
      }
    }
  });

  it('includesInsensitive and startsWith on fullName can use the trigram index under row-level security (the count, the aggregates and the export read it)', async () => {
    // The demo was seeded after the index was made: its rows wait in GIN's pending list until a vacuum, as autovacuum would run.
    await sql('vacuum analyze worker');
    // startsWith may also be a range on the (full_name, id) B-tree: the database's collation is C.
    for (const [op, index] of [
      ['includesInsensitive', /Bitmap Index Scan on worker_full_name_trgm_idx\s+\(.*\n\s+Index Cond: \(full_name ~~\* '%aminah%'/],
      ['startsWith', /Index Scan on worker_full_name_(trgm|order)_idx\s+\(.*\n\s+Index Cond: \(full_name ~~ 'Siti A%'/],
    ] as const) {
      const st = new Statement();
      const conditions = listConditions(
        'workers',
        { where: { fullName: { [op]: op === 'startsWith' ? 'Siti A' : 'aminah' } } },
        st,
        OPERATOR,
      );
      const client = await api.db.pool.connect();
      try {
        await client.query('begin');
        // As the API reads: its role, under row-level security, where only LEAKPROOF conditions may use an index.
        await client.query(`set local role ${DB_ROLES.api}`);
        const settings = requestSettingsSql({ scope: { national: false, codes: ['64.02'] }, actor: 'plan-check' });
        await client.query(settings.text, settings.values);
        await client.query('set local enable_seqscan = off');
        const { rows } = await client.query(`explain select count(*) from worker t where ${conditions.join(' and ')}`, st.values);
        const text = rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(text, text).toMatch(index);
      } finally {
        await client.query('rollback');
        client.release();
      }
    }
  });

  it('an export of a filtered, ordered list is the connection’s nodes in the same order, masked for a viewer', async () => {
    const where = { or: [{ status: { equalTo: 'REJECTED' } }, { claimedAmount: { greaterThan: '15000000' } }] };
    const orderBy = [{ field: 'CLAIMED_AMOUNT', direction: 'DESC' }];
    for (const role of ['operator', 'viewer'] as const) {
      const res = await api.gql(
        'mutation X($where: ClaimWhere, $orderBy: [ClaimOrder!]) { exportClaims(format: CSV, where: $where, orderBy: $orderBy) { url } }',
        { where, orderBy },
        { role },
      );
      expect(res.body.errors).toBeUndefined();
      const file = await fetch(new URL(res.body.data.exportClaims.url, api.url));
      expect(file.status).toBe(200);
      const [, ...rows] = parse(await file.text(), { bom: true }) as string[][];
      const columns = EXPORT_KINDS.claims.columns;
      const nodes: any[] = [];
      let after: string | null = null;
      do {
        const l: any = (
          await api.gql(
            `query L($where: ClaimWhere, $orderBy: [ClaimOrder!], $after: String) { l: claims(where: $where, orderBy: $orderBy, first: 100, after: $after) {
              pageInfo { hasNextPage endCursor } edges { node ${nodeSelection(columns)} } } }`,
            { where, orderBy, after },
            { role },
          )
        ).body.data.l;
        nodes.push(...l.edges.map((e: any) => e.node));
        after = l.pageInfo.hasNextPage ? l.pageInfo.endCursor : null;
      } while (after);
      expect(nodes.length).toBeGreaterThan(20);
      const at = (node: any, path: string) => path.split('.').reduce((v, k) => (v == null ? null : v[k]), node) ?? null;
      expect(rows).toEqual(nodes.map((n) => columns.map((c) => (at(n, c.path) === null ? '' : String(at(n, c.path))))));
      const nik = columns.findIndex((c) => c.path.endsWith('nik'));
      expect(rows.every((r) => (role === 'viewer' ? /^[0-9]{4}\*{12}$/ : /^[0-9]{16}$/).test(r[nik]!))).toBe(true);
      const amounts = rows.map((r) => BigInt(r[columns.findIndex((c) => c.path === 'claimedAmount')]!));
      expect(amounts.every((a, i) => i === 0 || a <= amounts[i - 1]!)).toBe(true);
    }
    const [logged] = await sql('select list_where, list_order from export_log order by id desc limit 1');
    expect(logged).toEqual({ list_where: where, list_order: [{ field: 'CLAIMED_AMOUNT', direction: 'DESC' }] });
  });
});
