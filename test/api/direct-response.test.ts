import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/roles.js';
import { compiledReads } from '../../server/read/switch.js';
import { startApi, type TestApi } from './api-server.js';

/**
 * The direct response (server/graphql/direct-response.ts) answers a query of compiled root fields
 * alone ahead of Apollo. It must answer exactly what Apollo answers (status, headers, bytes) for
 * every operation the client ships and every kind of caller, and pass on (so Apollo answers)
 * whatever it cannot answer that way: errors of every kind, anonymous callers, fields outside
 * the compiled read path. Each request is asked both ways: with the direct response on, and off.
 */
const manifest = JSON.parse(fs.readFileSync(new URL('../../client/generated/persisted-documents.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const KEC = '64.02.06';

/** Who asks: national roles with and without personal data, a kecamatan officer's scope, nobody. */
const CALLERS: Array<{ name: string; role: Role | null; scopes?: string[] }> = [
  { name: 'operator', role: 'operator' },
  { name: 'viewer', role: 'viewer' },
  { name: 'kecamatan viewer', role: 'viewer', scopes: [KEC] },
  { name: 'kecamatan operator', role: 'operator', scopes: [KEC] },
  { name: 'anonymous', role: null },
];

interface Asked {
  status: number;
  headers: Array<[string, string]>;
  text: string;
  direct: boolean;
  statements: number;
}

describe('the direct response answers as Apollo does, or passes the request on', () => {
  let api: TestApi;
  let ids: { claim: string; worker: string; enrolment: string; sponsor: string };
  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    const one = async (sql: string) => (await api.db.pool.query(sql)).rows[0].id as string;
    const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
    ids = {
      // A claim inside the kecamatan, so the scoped callers see one and the others a null node.
      claim: gid(
        'Claim',
        await one(
          `select c.id::text as id from claim c join enrolment e on e.id = c.enrolment_id join worker w on w.id = e.worker_id where w.region_code like '${KEC}%' order by c.id limit 1`,
        ),
      ),
      worker: gid('Worker', await one(`select id::text as id from worker where region_code not like '${KEC}%' order by id limit 1`)),
      enrolment: gid('Enrolment', await one('select id::text as id from enrolment order by id desc limit 1')),
      sponsor: gid('Sponsor', await one(`select id::text as id from sponsor where code = 'PEMKAB-KUKAR'`)),
    };
  });
  afterAll(() => api?.close());

  const ask = async (body: unknown, caller: (typeof CALLERS)[number], direct: boolean, headers: Record<string, string> = {}) => {
    compiledReads.responses = direct;
    try {
      const token = caller.role ? await api.token(caller.role, `${caller.name}-tester`, caller.scopes) : undefined;
      const res = await api.post(body, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
      const requestId = res.headers.get('x-request-id');
      const text = (await res.text()).replaceAll(requestId ?? '-', '<request id>');
      return {
        status: res.status,
        headers: [...res.headers].filter(([k]) => !['date', 'x-request-id', 'x-sql-statements'].includes(k)),
        text,
        direct: api.logs.some((l) => l.msg === 'graphql request' && l.requestId === requestId && l.direct === true),
        statements: Number(res.headers.get('x-sql-statements')),
      } satisfies Asked;
    } finally {
      compiledReads.responses = true;
    }
  };

  /** Both ways, compared; the direct one's result. */
  const both = async (body: unknown, caller: (typeof CALLERS)[number], headers?: Record<string, string>) => {
    const usual = await ask(body, caller, false, headers);
    const direct = await ask(body, caller, true, headers);
    const what = `${JSON.stringify(body).slice(0, 120)} as ${caller.name}`;
    expect(usual.direct, what).toBe(false);
    expect(direct.text, what).toBe(usual.text);
    expect(direct.status, what).toBe(usual.status);
    expect(direct.headers, what).toEqual(usual.headers);
    return direct;
  };

  const variablesFor = (name: string): Record<string, unknown> =>
    ({
      ClaimById: { id: ids.claim },
      DashboardSummary: { sponsorId: ids.sponsor, year: 2023 },
      YearOverYearPanel: { metric: 'BENEFITS_PAID', year: 2023 },
      TrendChart: { metric: 'BENEFITS_PAID', from: '2023-01-01', to: '2023-12-31' },
      WorkerSearch: { name: 'ari' },
      LargestAllocations: { fiscalYear: 2023 },
      AuditTrailByActor: { action: 'UPDATE', since: '2020-01-01T00:00:00.000Z' },
      ClaimQueue: { filter: { kecamatan: KEC } },
      WorkersPage: { first: 20, filter: { kecamatan: KEC } },
    })[name] ?? {};

  it('answers every query the client ships exactly as Apollo does, for every caller, and directly where it can', async () => {
    const queries = Object.values(manifest).flatMap((text) => [...text.matchAll(/\bquery (\w+)/g)].map((m) => ({ text, name: m[1]! })));
    expect(queries.length).toBeGreaterThanOrEqual(18);
    const answeredDirectly = new Set<string>();
    for (const { text, name } of queries) {
      for (const caller of CALLERS) {
        const direct = await both({ query: text, operationName: name, variables: variablesFor(name) }, caller);
        if (direct.direct) {
          answeredDirectly.add(name);
          expect(caller.role, `${name}: an anonymous caller goes the usual way`).not.toBeNull();
          expect(direct.text, name).not.toContain('"errors"');
        }
      }
    }
    // The operations of the compiled root fields alone (workers, claims, enrolments, contributions, node);
    // the others ask for aggregates or a computed field (Enrolment.monthlyContribution), or another root field.
    expect([...answeredDirectly].sort()).toEqual([
      'ClaimById',
      'ClaimQueue',
      'ClaimsByPaidDate',
      'Contributions',
      'WorkerSearch',
      'WorkersPage',
    ]);
  });

  it('answers aliases, fragments, __typename, @include and @skip in graphql-js order, and scoped callers see only their rows', async () => {
    const query = `query Shapes($with: Boolean!, $id: ID!) {
      __typename
      second: claims(first: 3, filter: { kecamatan: "${KEC}" }) @skip(if: $with) { edges { node { id } } }
      w: workers(first: 4, orderBy: [{ field: FULL_NAME, direction: DESC }]) {
        __typename
        n: totalCount @include(if: $with)
        est: totalCountEstimate
        pageInfo { __typename hasPreviousPage startCursor ...P }
        edges { __typename c: cursor node { ...W __typename fullName k: nik region { __typename id code level } } }
      }
      one: node(id: $id) { __typename id ... on Worker { sex birthDate phone } ... on Claim { claimNo } }
      months: contributions(first: 2) { edges { node { period p: period amount } } }
    }
    fragment P on PageInfo { endCursor hasNextPage }
    fragment W on Worker { id fullName nonAsn version createdAt updatedAt enrolments { status programmes declaredIncome contributions(last: 2) { period amount } } }`;
    for (const caller of CALLERS) {
      for (const variables of [
        { with: true, id: ids.worker },
        { with: false, id: ids.claim },
      ]) {
        const direct = await both({ query, variables }, caller);
        expect(direct.direct, caller.name).toBe(caller.role !== null && caller.role !== 'viewer');
        if (!direct.direct) continue;
        const data = JSON.parse(direct.text).data;
        expect(Object.keys(data)).toEqual(
          variables.with ? ['__typename', 'w', 'one', 'months'] : ['__typename', 'second', 'w', 'one', 'months'],
        );
        expect(Object.keys(data.w)).toEqual(
          variables.with ? ['__typename', 'n', 'est', 'pageInfo', 'edges'] : ['__typename', 'est', 'pageInfo', 'edges'],
        );
        expect(Object.keys(data.w.pageInfo)).toEqual(['__typename', 'hasPreviousPage', 'startCursor', 'endCursor', 'hasNextPage']);
        expect(data.months.edges[0].node.period).toMatch(/^\d{4}-\d{2}$/);
        // The kecamatan operator's token reaches no worker outside the kecamatan, and the other claim is its own.
        if (caller.scopes) expect(data.one === null).toBe(variables.id === ids.worker);
      }
    }
  });

  it('passes on every request it cannot answer exactly, so each gets Apollo’s own answer', async () => {
    const operator = CALLERS[0]!;
    const viewer = CALLERS[1]!;
    const cases: Array<{ why: string; body: unknown; caller?: (typeof CALLERS)[number]; headers?: Record<string, string> }> = [
      { why: 'a global ID that is not one', body: { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: 'garbage' } } },
      {
        why: 'a node type outside the catalogue',
        body: {
          query: 'query($id: ID!) { node(id: $id) { id } }',
          variables: { id: Buffer.from('BudgetAllocation:1').toString('base64url') },
        },
      },
      { why: 'a page past the limit', body: { query: '{ workers(first: 1000) { edges { node { id } } } }' } },
      { why: 'first with last', body: { query: '{ workers(first: 2, last: 2) { edges { node { id } } } }' } },
      { why: 'a cursor not from this list', body: { query: '{ claims(first: 2, after: "bm90LWEtY3Vyc29y") { edges { node { id } } } }' } },
      {
        why: 'a masked filter for a viewer',
        body: { query: '{ workers(first: 2, where: { nik: { equalTo: "6402000000000001" } }) { edges { node { id } } } }' },
        caller: viewer,
      },
      {
        why: 'a variable that does not coerce',
        body: { query: 'query($n: Int) { workers(first: $n) { edges { node { id } } } }', variables: { n: 'many' } },
      },
      {
        why: 'a NUL byte in a variable',
        body: {
          query: 'query($k: String) { workers(first: 1, filter: { kecamatan: $k }) { edges { node { id } } } }',
          variables: { k: 'a\u0000b' },
        },
      },
      { why: 'a validation error', body: { query: '{ workers(first: 1) { edges { node { idd } } } }' } },
      {
        why: 'too deep',
        body: {
          query: `{ workers(first: 1) { edges { node { enrolments { claims { enrolment { worker { enrolments { claims { enrolment { worker { enrolments { id } } } } } } } } } } } } }`,
        },
      },
      {
        why: 'too costly',
        body: { query: '{ workers(first: 100) { edges { node { enrolments { contributions(last: 120) { amount } } } } } }' },
      },
      { why: 'a root field outside the compiled path', body: { query: '{ me { role } workers(first: 1) { totalCount } }' } },
      { why: 'a connection field outside the response form', body: { query: '{ claims(first: 1) { aggregates { count } } }' } },
      { why: 'edges under two keys', body: { query: '{ claims(first: 2) { a: edges { cursor } b: edges { node { id } } } }' } },
      { why: 'a mutation', body: { query: 'mutation { verifyClaim(id: "x", version: 1) { id } }' } },
      {
        why: 'an operation name that is not in the document',
        body: { query: 'query A { workers(first: 1) { totalCount } }', operationName: 'B' },
      },
      { why: 'a persisted-query extension', body: { query: '{ workers(first: 1) { totalCount } }', extensions: { foo: 1 } } },
      { why: 'a bad token', body: { query: '{ workers(first: 1) { totalCount } }' }, headers: { authorization: 'Bearer nope' } },
      {
        why: 'the other media type asked for',
        body: { query: '{ workers(first: 1) { totalCount } }' },
        headers: { accept: 'application/graphql-response+json' },
      },
      { why: 'anonymous', body: { query: '{ workers(first: 1) { totalCount } }' }, caller: CALLERS[4]! },
    ];
    for (const c of cases) {
      const direct = await both(c.body, c.caller ?? operator, c.headers);
      expect(direct.direct, c.why).toBe(false);
      // Each is the caller's mistake or a refusal, never the server's fault.
      expect(direct.text, c.why).not.toContain('INTERNAL_SERVER_ERROR');
    }
    // Answered directly, as the compiled read under graphql-jit could not (it keeps one slot per field of a row).
    const twice =
      '{ w: workers(first: 2) { totalCount } v: workers(first: 3) { edges { node { enrolments { c: contributions(last: 1) { amount } d: contributions(last: 2) { period } } } } } }';
    expect((await both({ query: twice }, operator)).direct).toBe(true);
  });

  it('counts the same statements per request as the compiled read: two per root field, whatever the page size or nesting', async () => {
    const page = (first: number, nested: boolean) =>
      `{ workers(first: ${first}) { totalCount edges { node { id ${nested ? 'enrolments { id sponsor { name } claims { id enrolment { id } } }' : ''} } } } }`;
    for (const [first, nested] of [
      [1, false],
      [50, false],
      [50, true],
      [100, true],
    ] as const) {
      const direct = await both({ query: page(first, nested) }, CALLERS[0]!);
      expect(direct.direct).toBe(true);
      expect(direct.statements, `first ${first}, nested ${nested}`).toBe(2);
    }
  });
});

describe('the direct response in production: trusted documents by id', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({
      scale: 0.01,
      api: { production: true, introspection: false, trustedDocuments: true, arbitraryDocumentRoles: [] },
    });
  });
  afterAll(() => api?.close());

  it('answers a manifest document named by documentId directly, and the same as Apollo', async () => {
    const [id] = Object.entries(manifest).find(([, text]) => text.includes('query WorkersPage'))!;
    const token = await api.token('operator');
    const asked = async (direct: boolean) => {
      compiledReads.responses = direct;
      try {
        const res = await api.post({ documentId: id, variables: { first: 5 } }, { authorization: `Bearer ${token}` });
        const requestId = res.headers.get('x-request-id');
        return { text: await res.text(), direct: api.logs.some((l) => l.requestId === requestId && l.direct === true) };
      } finally {
        compiledReads.responses = true;
      }
    };
    const usual = await asked(false);
    const direct = await asked(true);
    expect(usual.direct).toBe(false);
    expect(direct.direct).toBe(true);
    expect(direct.text).toBe(usual.text);
    expect(JSON.parse(direct.text).data.workers.edges).toHaveLength(5);
  });
});
