import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditTrailByActorDocument,
  ClaimsByPaidDateDocument,
  LargestAllocationsDocument,
  SponsorsByKindAndNameDocument,
} from '../../client/generated/graphql.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { CONNECTIONS, type ConnectionName } from '../../server/read/connections.js';
import { compiledReads } from '../../server/read/switch.js';
import { expected, insertScopeFixture, nodeIds, PRINCIPALS, type ScopeFixture, tokenOf } from '../security/region-scopes.fixture.js';
import { code, startApi, type TestApi } from './api-server.js';
import { idOf, ordersOf as orders, pager, planOf, underLimit } from './list-paging.js';

type Reference = 'sponsors' | 'employers' | 'budgetAllocations' | 'auditEntries';
const REFERENCE: Reference[] = ['sponsors', 'employers', 'budgetAllocations', 'auditEntries'];
const TYPE = (list: ConnectionName) => CONNECTIONS[list]!.name;
const OPERATOR = { role: 'operator', seesPersonalData: true };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const unb64 = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString());

/**
 * `orderBy:` on the reference lists and the audit log, and sorting by nullable columns, over HTTP:
 * every order of each connection, both ways, paged forward and backward and compared with SQL's
 * own `order by` (ties included: the rows below share names, kinds, years, amounts and
 * timestamps); nulls after every value, with cursors on both sides of the boundary; the default
 * orders' cursors as MikroORM wrote them; every order read from an index; refusals; and the
 * region scope under every order.
 */
describe('orderBy on every connection, nulls included', () => {
  let api: TestApi;
  let fixture: ScopeFixture;
  const sql = async (text: string, params: unknown[] = []) => (await api.db.pool.query(text, params)).rows;

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    fixture = await insertScopeFixture(api.db.pool, 'lo');
    // Ties on every offered column: a few names, kinds, industries, years, amounts and instants shared by many rows.
    await sql(`
      insert into employer (code, name, region_code, industry)
      select 'EMP-LO-' || g, 'PT Sama ' || (g % 4), (array['64.02.06', '64.02.01', '64.72.01'])[1 + g % 3], (array['PERTAMBANGAN', 'LAINNYA'])[1 + g % 2]
      from generate_series(1, 70) g;
      insert into sponsor (code, name, kind, region_code)
      select 'SP-LO-' || g, 'Sponsor ' || (g % 5), (array['REGENCY_BUDGET', 'COMPANY_CSR', 'SELF'])[1 + g % 3], (array['64.02', '64.72', '64.02.06'])[1 + g % 3]
      from generate_series(1, 70) g;
      insert into budget_allocation (sponsor_id, fiscal_year, kind, amount)
      select s.id, y, 'ORIGINAL', ((s.id + y) % 4) * 1000000000
      from (select id from sponsor order by id limit 30) s, generate_series(2019, 2024) y
      on conflict do nothing;
      insert into audit_entry (occurred_at, actor, action, entity_type, entity_id)
      select timestamptz '2026-11-20 08:00:00+00' + (g % 23) * interval '1 second'
               + case when g % 3 = 0 then (g % 7) * interval '1 microsecond' else interval '0' end,
             'actor-' || (g % 4), (array['UPDATE_WORKER', 'APPROVE_CLAIM', 'PAY_CLAIM'])[1 + g % 3],
             (array['Claim', 'Worker', 'workforce'])[1 + g % 3], (1000000 + g)::text
      from generate_series(1, 160) g;
    `);
  });
  afterAll(() => api?.close());

  const paging = () => pager(api);
  const page = (list: ConnectionName) => paging().query(list);
  const one = (list: ConnectionName, variables: Record<string, unknown>, options = {}) => paging().one(list, variables, options);
  const forwardEdges = (list: ConnectionName, variables: object, size: number) => paging().forwardEdges(list, variables, size);
  const forward = (list: ConnectionName, variables: object, size: number) => paging().forward(list, variables, size);
  const backward = (list: ConnectionName, variables: object, size: number) => paging().backward(list, variables, size);

  it.each(
    REFERENCE,
  )('%s: every order, ascending and descending, pages forward and backward exactly as SQL orders the rows', async (list) => {
    const table = CONNECTIONS[list]!.table;
    expect(orders(list).length).toBeGreaterThanOrEqual(4);
    for (const { field, column } of orders(list)) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const dir = direction.toLowerCase();
        const want = (await sql(`select id::text as key from ${table} order by ${column} ${dir}, id ${dir}`)).map((r) => r.key);
        expect(want.length, list).toBeGreaterThan(60);
        // Ties are what a tie-breaker is for: most orders here hold many rows of one value.
        const values = await sql(`select count(distinct ${column})::int as n from ${table}`);
        if (field !== 'ID') expect(values[0].n, `${list} ${field}`).toBeLessThan(want.length);
        const orderBy = [{ field, direction }];
        expect(await forward(list, { orderBy }, 17), `${list} ${field} ${direction} forward`).toEqual(want);
        expect(await backward(list, { orderBy }, 19), `${list} ${field} ${direction} backward`).toEqual(want);
      }
    }
  });

  it('the default orders are unchanged, and so are their cursors (MikroORM’s encoding of the order values)', async () => {
    const defaults: Array<[Reference, string, (node: any) => unknown[]]> = [
      ['sponsors', 'id', (n) => [Number(idOf(n.id))]],
      ['employers', 'id', (n) => [Number(idOf(n.id))]],
      ['budgetAllocations', 'fiscal_year desc, id desc', (n) => [n.fiscalYear, Number(idOf(n.id))]],
      ['auditEntries', 'occurred_at desc, id desc', (n) => [n.occurredAt, Number(idOf(n.id))]],
    ];
    for (const [list, order, values] of defaults) {
      const fields = list === 'budgetAllocations' ? 'id fiscalYear' : list === 'auditEntries' ? 'id occurredAt' : 'id';
      const res: any = await api.gql(`{ l: ${list}(first: 100) { edges { cursor node { ${fields} } } } }`);
      expect(res.body.errors).toBeUndefined();
      const want = (await sql(`select id::text as key from ${CONNECTIONS[list]!.table} order by ${order} limit 100`)).map((r) => r.key);
      expect(res.body.data.l.edges.map((e: any) => idOf(e.node.id))).toEqual(want);
      // Entries written with a JavaScript Date (milliseconds) keep exactly the cursor MikroORM gave them.
      for (const e of res.body.data.l.edges) {
        const decoded = unb64(e.cursor);
        if (list === 'auditEntries' && decoded[0].length > 24) continue;
        expect(e.cursor, list).toBe(b64(values(e.node)));
      }
    }
  });

  it('an audit entry written by SQL (microseconds) gets a cursor that keeps them, so a page never skips its millisecond neighbours', async () => {
    const want = (await sql('select id::text as key from audit_entry order by occurred_at desc, id desc')).map((r) => r.key);
    const micro = await sql(`select count(*)::int as n from audit_entry where extract(microseconds from occurred_at)::bigint % 1000 <> 0`);
    expect(micro[0].n).toBeGreaterThan(10);
    // Page sizes of 1 and 3 put a cursor on every such row.
    const edges = await forwardEdges('auditEntries', {}, 1);
    expect(edges.map((e) => e.id)).toEqual(want);
    expect(await backward('auditEntries', {}, 3)).toEqual(want);
    const precise = edges.map((e) => unb64(e.cursor)[0]).filter((t: string) => /\.\d{6}Z$/.test(t));
    expect(precise.length).toBe(micro[0].n);
  });

  /** Nullable orders of the four lists: a slice holding both nulls and values, and SQL's order with the placement spelled out. */
  const NULLABLE: Array<{
    list: ConnectionName;
    field: string;
    column: string;
    table: string;
    where: object;
    slice: string;
    sizes: [number, number];
  }> = [
    { list: 'claims', field: 'PAID_DATE', column: 'paid_date', table: 'claim', where: {}, slice: 'true', sizes: [23, 29] },
    {
      list: 'enrolments',
      field: 'END_DATE',
      column: 'end_date',
      table: 'enrolment',
      where: { status: { in: ['ACTIVE', 'TERMINATED'] } },
      slice: `status in ('ACTIVE', 'TERMINATED')`,
      sizes: [61, 67],
    },
    {
      list: 'workers',
      field: 'PHONE',
      column: 'phone',
      table: 'worker',
      where: { regionCode: { startsWith: '64.02.06' } },
      slice: `left(region_code, 8) = '64.02.06'`,
      sizes: [23, 29],
    },
  ];

  it.each(NULLABLE)('$list by $field: nulls last ascending and first descending, paged across the boundary both ways', async ({
    list,
    field,
    column,
    table,
    where,
    slice,
    sizes,
  }) => {
    for (const [direction, nulls] of [
      ['ASC', 'nulls last'],
      ['DESC', 'nulls first'],
    ] as const) {
      const dir = direction.toLowerCase();
      const rows = await sql(
        `select id::text as key, ${column} is null as empty from ${table} where ${slice} order by ${column} ${dir} ${nulls}, id ${dir}`,
      );
      const want = rows.map((r) => r.key);
      const boundary = rows.findIndex((r, i) => i > 0 && r.empty !== rows[i - 1].empty);
      expect(rows.filter((r) => r.empty).length, `${list} nulls`).toBeGreaterThan(5);
      expect(rows.filter((r) => !r.empty).length, `${list} values`).toBeGreaterThan(5);
      expect(rows[0].empty).toBe(direction === 'DESC');
      const orderBy = [{ field, direction }];
      const edges = await forwardEdges(list, { where, orderBy }, sizes[0]);
      expect(
        edges.map((e) => e.id),
        `${list} ${direction} forward`,
      ).toEqual(want);
      expect(await backward(list, { where, orderBy }, sizes[1]), `${list} ${direction} backward`).toEqual(want);
      // Each cursor says whether its value is null; paging on from either side of the boundary, both ways.
      expect(edges.map((e) => unb64(e.cursor)[0] === null)).toEqual(rows.map((r) => r.empty));
      for (const at of [boundary - 1, boundary]) {
        const next = await one(list, { where, orderBy, first: 4, after: edges[at]!.cursor });
        expect(next.edges.map((e: any) => idOf(e.node.id))).toEqual(want.slice(at + 1, at + 5));
        const back = await one(list, { where, orderBy, last: 4, before: edges[at]!.cursor });
        expect(back.edges.map((e: any) => idOf(e.node.id))).toEqual(want.slice(at - 4, at));
      }
    }
  });

  it('a nullable key after another of the other direction pages as SQL orders it, on the compiled and the ORM path alike', async () => {
    const orderBy = [{ field: 'STATUS' }, { field: 'PAID_DATE', direction: 'DESC' }];
    const want = (await sql('select id::text as key from claim order by status asc, paid_date desc nulls first, id desc')).map(
      (r) => r.key,
    );
    expect(await forward('claims', { orderBy }, 23)).toEqual(want);
    expect(await backward('claims', { orderBy }, 31)).toEqual(want);
    const first = await one('claims', { orderBy, first: 11 });
    const variables = { orderBy, first: 17, after: first.pageInfo.endCursor };
    const compiled = await api.post({ query: page('claims'), variables }, { authorization: `Bearer ${await api.token('operator')}` });
    compiledReads.enabled = false;
    try {
      const orm = await api.post({ query: page('claims'), variables }, { authorization: `Bearer ${await api.token('operator')}` });
      expect(await orm.text()).toBe(await compiled.text());
    } finally {
      compiledReads.enabled = true;
    }
  });

  it('refuses an unknown order field, a masked one, and a hand-made cursor whose null sits where no null may be', async () => {
    const unknown = await api.gql('{ sponsors(orderBy: [{ field: FISCAL_YEAR }]) { totalCount } }');
    expect(code(unknown)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.body.errors![0]!.message).toMatch(/SponsorOrderField.*FISCAL_YEAR|FISCAL_YEAR.*SponsorOrderField/);
    const variable = await api.gql('query Q($o: [AuditEntryOrder!]) { auditEntries(orderBy: $o) { totalCount } }', {
      o: [{ field: 'PHONE' }],
    });
    expect(code(variable)).toBe('BAD_USER_INPUT');
    expect(variable.body.errors![0]!.message).toMatch(/\$o.*PHONE.*AuditEntryOrderField|AuditEntryOrderField.*PHONE/);
    const masked = await api.gql('{ workers(orderBy: [{ field: PHONE }]) { totalCount } }', {}, { role: 'viewer' });
    expect(code(masked)).toBe('FORBIDDEN');
    expect(masked.body.errors![0]!.message).toMatch(/^orderBy\[0\]\.field: role viewer may not sort by phone/);
    const cases: Array<[string, string]> = [
      ['budgetAllocations(first: 2, after: $c, orderBy: [{ field: AMOUNT }])', b64([null, 1, 'order:amount ASC, id ASC'])],
      ['auditEntries(first: 2, after: $c)', b64([null, 1])],
      ['auditEntries(first: 2, after: $c)', b64(['2026-11-20T08:00:00.1234Z', 1])],
      ['auditEntries(first: 2, after: $c)', b64(['2026-02-30T08:00:00.000Z', 1])],
      ['auditEntries(first: 2, after: $c)', b64(['2026-11-20T24:00:00.000001Z', 1])],
      ['claims(first: 2, after: $c, orderBy: [{ field: PAID_DATE }])', b64([null, null, 'order:paidDate ASC, id ASC'])],
      ['claims(first: 2, after: $c, orderBy: [{ field: PAID_DATE }])', b64(['2026-02-30', 1, 'order:paidDate ASC, id ASC'])],
    ];
    for (const [field, cursor] of cases) {
      const res = await api.gql(`query Q($c: String) { ${field} { totalCount } }`, { c: cursor });
      expect(code(res), `${field} ${unb64(cursor)}`).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.message).toMatch(/^after: is not a cursor from this connection/);
    }
  });

  it('where with operators on the new connections means what SQL means, beside their own arguments', async () => {
    const cases: Array<[Reference, string, object, string]> = [
      [
        'employers',
        'kecamatan: "64.02.06"',
        { name: { startsWith: 'PT Sama 1' } },
        `region_code like '64.02.06%' and name like 'PT Sama 1%'`,
      ],
      [
        'sponsors',
        'kind: [SELF, COMPANY_CSR]',
        { or: [{ regionCode: { equalTo: '64.72' } }, { name: { equalTo: 'Sponsor 2' } }] },
        `kind in ('SELF', 'COMPANY_CSR') and (region_code = '64.72' or name = 'Sponsor 2')`,
      ],
      ['budgetAllocations', 'fiscalYear: 2021', { amount: { greaterThan: '1000000000' } }, 'fiscal_year = 2021 and amount > 1000000000'],
      [
        'auditEntries',
        'actor: "actor-1"',
        { occurredAt: { lessThan: '2026-11-20T08:00:10.000Z' }, entityType: { notEqualTo: 'Worker' } },
        `actor = 'actor-1' and occurred_at < '2026-11-20T08:00:10Z' and entity_type <> 'Worker'`,
      ],
    ];
    for (const [list, args, where, condition] of cases) {
      const order = CONNECTIONS[list]!.defaultOrder.map((k) => `${CONNECTIONS[list]!.fields[k.field]!.column} ${k.desc ? 'desc' : 'asc'}`);
      const want = (
        await sql(`select id::text as key from ${CONNECTIONS[list]!.table} where ${condition} order by ${order.join(', ')}`)
      ).map((r) => r.key);
      expect(want.length, list).toBeGreaterThan(2);
      const res: any = await api.gql(
        `query Q($where: ${TYPE(list)}Where) { l: ${list}(${args}, where: $where, first: 100) { totalCount edges { node { id } } } }`,
        { where },
      );
      expect(res.body.errors, list).toBeUndefined();
      expect(
        res.body.data.l.edges.map((e: any) => idOf(e.node.id)),
        list,
      ).toEqual(want);
      expect(res.body.data.l.totalCount).toBe(want.length);
    }
    // The audit log stays operator and admin only, whatever its arguments.
    const viewer = await api.gql(
      '{ auditEntries(orderBy: [{ field: ACTOR }], where: { actor: { equalTo: "actor-1" } }) { totalCount } }',
      {},
      { role: 'viewer' },
    );
    expect(code(viewer)).toBe('FORBIDDEN');
  });

  it('every new order (and every nullable one), both ways and after a cursor, is an index range in its order under row-level security', async () => {
    const cases: Array<[ConnectionName, string]> = [
      ...REFERENCE.flatMap((list) => orders(list).map(({ field }) => [list, field] as [ConnectionName, string])),
      ['claims', 'PAID_DATE'],
      ['enrolments', 'END_DATE'],
      ['workers', 'PHONE'],
    ];
    for (const [list, field] of cases) {
      for (const direction of ['ASC', 'DESC']) {
        const orderBy = [{ field, direction }];
        const first = await one(list, { orderBy, first: 3 });
        for (const after of [null, first.pageInfo.endCursor]) {
          // As the API reads: under row-level security, where only leakproof conditions may use an index.
          const text = await planOf(api, list, { orderBy, first: 20, after }, OPERATOR, true);
          const label = `${list} ${field} ${direction} after ${after}\n${text}`;
          expect(underLimit(text), label).toMatch(/Index (Only )?Scan/);
          expect(underLimit(text), label).not.toMatch(/\bSort\b/);
          // After a cursor the page starts where the cursor is: the keyset is the index condition, not a filter over the index from its start.
          if (after) expect(underLimit(text), label).toMatch(/Index Cond: \((ROW\(|id [<>] )/);
        }
      }
    }
  });

  it('the example operations (client/operations/sorted-lists.graphql) answer by their manifest id what SQL says', async () => {
    const post = async (document: unknown, variables: object) => {
      const documentId = (document as { __meta__: { hash: string } }).__meta__.hash;
      const res = await api.post({ documentId, variables }, { authorization: `Bearer ${await api.token('operator')}` });
      const body: any = await res.json();
      expect(body.errors, documentId).toBeUndefined();
      return body.data;
    };
    const ids = (connection: any) => connection.edges.map((e: any) => idOf(e.node.id));
    const keys = async (text: string, params: unknown[] = []) => (await sql(text, params)).map((r) => r.key);
    for (const [direction, nulls] of [
      ['DESC', 'nulls first'],
      ['ASC', 'nulls last'],
    ]) {
      const want = await keys(`select id::text as key from claim order by paid_date ${direction} ${nulls}, id ${direction}`);
      const first = await post(ClaimsByPaidDateDocument, { direction, first: 25 });
      const second = await post(ClaimsByPaidDateDocument, { direction, first: 25, after: first.claims.pageInfo.endCursor });
      expect([...ids(first.claims), ...ids(second.claims)]).toEqual(want.slice(0, 50));
    }
    const sponsors = await post(SponsorsByKindAndNameDocument, { name: 'sponsor 3', first: 50 });
    expect(ids(sponsors.sponsors)).toEqual(
      await keys(`select id::text as key from sponsor where name ilike '%sponsor 3%' order by kind, name, id limit 50`),
    );
    const allocations = await post(LargestAllocationsDocument, { fiscalYear: 2022, first: 20 });
    expect(ids(allocations.budgetAllocations)).toEqual(
      await keys('select id::text as key from budget_allocation where fiscal_year = 2022 order by amount desc, id desc limit 20'),
    );
    const trail = await post(AuditTrailByActorDocument, { action: 'PAY_CLAIM', since: '2026-11-20T08:00:05.000Z', first: 50 });
    expect(ids(trail.auditEntries)).toEqual(
      await keys(
        `select id::text as key from audit_entry where action = 'PAY_CLAIM' and occurred_at >= '2026-11-20T08:00:05Z'
         order by actor, occurred_at desc, id desc limit 50`,
      ),
    );
    expect(trail.auditEntries.edges.length).toBeGreaterThan(10);
  });

  describe.each(PRINCIPALS)('$name ($scopes)', (p) => {
    it('sorting the reference lists and the audit log by any order shows only the scope’s rows', async () => {
      const want = expected(fixture, p);
      const fixtureIds = {
        sponsors: Object.values(fixture.sponsors).map((s) => toGlobalId('Sponsor', s.id)),
        employers: fixture.employers.map((e) => toGlobalId('Employer', e.id)),
        budgetAllocations: Object.values(fixture.sponsors).map((s) => toGlobalId('BudgetAllocation', s.allocationId)),
      };
      const seen = { sponsors: want.sponsors, employers: want.employers, budgetAllocations: want.allocations };
      for (const list of ['sponsors', 'employers', 'budgetAllocations'] as const) {
        for (const { field } of orders(list)) {
          for (const direction of ['ASC', 'DESC']) {
            const ids = new Set<string>();
            let after: string | null = null;
            do {
              const l = await one(list, { orderBy: [{ field, direction }], first: 100, after }, tokenOf(p));
              for (const e of l.edges) ids.add(e.node.id);
              after = l.pageInfo.hasNextPage ? l.pageInfo.endCursor : null;
            } while (after);
            const mine = fixtureIds[list].filter((id) => ids.has(id)).sort();
            expect(mine, `${list} ${field} ${direction}`).toEqual(seen[list]);
          }
        }
      }
      if (p.role === 'viewer') return;
      // One entry per fixture claim: a scope sees the entries of the claims it sees, under any order.
      const claims = fixture.workers.map((w) => w.claimId);
      await sql(
        `insert into audit_entry (actor, action, entity_type, entity_id)
         select 'scope-${p.scopes.join('-')}', 'APPROVE_CLAIM', 'Claim', c from unnest($1::text[]) c`,
        [claims],
      );
      for (const { field } of orders('auditEntries')) {
        const l = await one(
          'auditEntries',
          { orderBy: [{ field, direction: 'DESC' }], where: { actor: { equalTo: `scope-${p.scopes.join('-')}` } }, first: 50 },
          tokenOf(p),
        );
        const seenClaims = new Set(want.claims.map(idOf));
        const entries = await sql(`select id::text, entity_id from audit_entry where actor = $1`, [`scope-${p.scopes.join('-')}`]);
        const wantEntries = entries
          .filter((e) => seenClaims.has(e.entity_id))
          .map((e) => toGlobalId('AuditEntry', e.id))
          .sort();
        expect(nodeIds(l), `auditEntries ${field}`).toEqual(wantEntries);
      }
    });
  });
});
