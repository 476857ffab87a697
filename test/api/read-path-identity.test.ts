import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/roles.js';
import { compiledReads } from '../../server/read/switch.js';
import { startApi, type TestApi } from './api-server.js';

/**
 * The compiled read path (server/read/) must answer byte for byte what the ORM resolvers
 * answered. The fixtures were captured from the ORM path before the compiled one existed
 * (`CAPTURE_READ_FIXTURES=1` rewrites them); each case is also asked of both paths in this run,
 * so a change in the demo seed shows up as a fixture drift, not as a false pass.
 */
const FIXTURES = new URL('../fixtures/read-path/', import.meta.url);
const capture = process.env.CAPTURE_READ_FIXTURES === '1';

const WORKER_FIELDS = 'id nik fullName sex occupation sector';
const ENROLMENT_FIELDS = 'id membershipNo segment programmes status startDate endDate';
const CLAIM_FIELDS = 'id claimNo programme status claimedAmount paidAmount submittedDate';
/** Operations (a) and (b) of issue 13, exactly as server/bench/peer.bench.ts sends them. */
const benchPage = (total: boolean) =>
  `query A($kec: String) { workers(first: 50, filter: { kecamatan: $kec }) { ${total ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor }
    edges { cursor node { ${WORKER_FIELDS} region { code name }
      enrolments { ${ENROLMENT_FIELDS} sponsor { id name kind } claims { ${CLAIM_FIELDS} } } } } } }`;
/** Operation (c). */
const BENCH_CLAIM = 'query C($id: ID!) { node(id: $id) { ... on Claim { id claimNo status claimedAmount enrolment { membershipNo } } } }';
const operations = (name: string) => fs.readFileSync(new URL(`../../client/operations/${name}.graphql`, import.meta.url), 'utf8');
const PAGE = `query P($first: Int, $after: String, $last: Int, $before: String, $kec: String) {
  workers(first: $first, after: $after, last: $last, before: $before, filter: { kecamatan: $kec }) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id fullName birthYear birthDate phone nonAsn version } } } }`;
const ALIASED = `query Aliased($kec: String) { w: workers(first: 7, filter: { kecamatan: $kec }) { __typename n: totalCount
  edges { c: cursor node { __typename ...W wid: id enrolments { __typename m: membershipNo id sponsor { code name } } } } }
  again: workers(first: 2) { edges { node { id } } } }
  fragment W on Worker { name: fullName nik id region { __typename id code level } }`;
const OTHER_LISTS = `query Lists { claims(first: 15) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id claimNo status approvedAmount paidDate rejectionReason version incidentDate
      enrolment { id membershipNo worker { id nik fullName } } } } }
  enrolments(first: 12, filter: { status: [ACTIVE] }) { totalCount edges { cursor node { id membershipNo declaredIncome startDate status
    worker { fullName } sponsor { name } claims { claimNo } } } }
  contributions(first: 9) { totalCount edges { cursor node { id period programme amount paidDate enrolment { membershipNo } sponsor { code } } } } }`;

/** '' when equal, else both texts from a little before their first difference (a whole page would drown the report). */
function excerpt(actual: string, expected: string): string {
  if (actual === expected) return '';
  let i = 0;
  while (actual[i] === expected[i]) i++;
  return `at ${i}: got …${actual.slice(Math.max(0, i - 80), i + 120)}… expected …${expected.slice(Math.max(0, i - 80), i + 120)}…`;
}

interface Case {
  name: string;
  role: Role;
  query: string;
  variables: Record<string, unknown>;
}

describe('the compiled read path answers byte for byte what the ORM path answered', () => {
  let api: TestApi;
  const cases: Case[] = [];
  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    const sample = async (sql: string) => (await api.db.pool.query(sql)).rows[0];
    const claim = await sample('select id::text from claim order by id desc limit 1');
    const rejected = await sample(`select id::text from claim where status = 'REJECTED' order by id limit 1`);
    const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');
    const kec = '64.02.06';
    compiledReads.enabled = false;
    const first = await api.gql(PAGE, { first: 10, kec });
    const after = first.body.data.workers.pageInfo.endCursor;
    const later = await api.gql(PAGE, { first: 10, after, kec });
    const before = later.body.data.workers.pageInfo.endCursor;
    compiledReads.enabled = true;
    const workersPage = operations('workers');
    const claimsOps = operations('claims');
    for (const role of ['operator', 'viewer'] as const) {
      cases.push(
        { name: `a-${role}`, role, query: benchPage(true), variables: { kec } },
        { name: `b-${role}`, role, query: benchPage(false), variables: { kec } },
        { name: `c-${role}`, role, query: BENCH_CLAIM, variables: { id: gid('Claim', claim.id) } },
        { name: `workers-page-${role}`, role, query: workersPage, variables: { first: 50, filter: { kecamatan: kec } } },
        { name: `claim-by-id-${role}`, role, query: claimsOps, variables: { id: gid('Claim', rejected.id) } },
        { name: `page-2-${role}`, role, query: PAGE, variables: { first: 10, after, kec } },
        { name: `last-before-${role}`, role, query: PAGE, variables: { last: 4, before, kec } },
        { name: `last-only-${role}`, role, query: PAGE, variables: { last: 3, kec } },
        { name: `aliased-${role}`, role, query: ALIASED, variables: { kec } },
        { name: `other-lists-${role}`, role, query: OTHER_LISTS, variables: {} },
      );
    }
    cases.push(
      { name: 'claim-queue-viewer', role: 'viewer', query: claimsOps, variables: { first: 20 } },
      { name: 'node-missing-operator', role: 'operator', query: BENCH_CLAIM, variables: { id: gid('Claim', '999999999') } },
      {
        name: 'node-worker-viewer',
        role: 'viewer',
        query: `query W($id: ID!) { node(id: $id) { __typename id ... on Worker { nik fullName birthYear enrolments { membershipNo } } } }`,
        variables: { id: gid('Worker', '1') },
      },
    );
  });
  afterAll(() => api?.close());

  /** The ORM resolvers, the compiled read under graphql-jit, or the direct response. */
  const ask = async (c: Case, path: 'orm' | 'compiled' | 'direct') => {
    compiledReads.enabled = path !== 'orm';
    compiledReads.responses = path === 'direct';
    try {
      const operationName = /^(?:query|mutation)\s+(\w+)/m.exec(c.query)?.[1];
      const name = c.query.includes('query ClaimById')
        ? c.variables.id
          ? 'ClaimById'
          : 'ClaimQueue'
        : c.query.includes('query WorkersPage')
          ? 'WorkersPage'
          : operationName;
      const res = await api.post(
        { query: c.query, variables: c.variables, operationName: name },
        { authorization: `Bearer ${await api.token(c.role)}` },
      );
      const requestId = res.headers.get('x-request-id');
      const direct = api.logs.some((l) => l.msg === 'graphql request' && l.requestId === requestId && l.direct === true);
      return { text: await res.text(), statements: Number(res.headers.get('x-sql-statements')), direct, headers: res.headers };
    } finally {
      compiledReads.enabled = true;
      compiledReads.responses = true;
    }
  };

  it('matches the fixtures captured from the ORM path, and the ORM path in this run', async () => {
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const file = new URL(`${c.name}.json`, FIXTURES);
      const orm = await ask(c, 'orm');
      expect(orm.text, c.name).not.toContain('"errors"');
      expect(orm.direct, c.name).toBe(false);
      if (capture) fs.writeFileSync(file, orm.text);
      const compiled = await ask(c, 'compiled');
      expect(compiled.direct, c.name).toBe(false);
      if (compiled.text.includes('"errors"')) console.error(c.name, JSON.stringify(api.logs.filter((l) => l.level >= 50).slice(-1)));
      expect(excerpt(compiled.text, orm.text), `${c.name}: compiled vs ORM in this run`).toBe('');
      expect(excerpt(compiled.text, fs.readFileSync(file, 'utf8')), `${c.name}: compiled vs fixture`).toBe('');
      // Proof the compiled path answered: per root field, its settings and its one statement (one message).
      const roots = c.name.startsWith('aliased') ? 2 : c.name.startsWith('other-lists') ? 3 : 1;
      expect(compiled.statements, c.name).toBe(2 * roots);
      // The direct response: the same bytes and headers, from the same statements, without Apollo.
      const direct = await ask(c, 'direct');
      expect(excerpt(direct.text, orm.text), `${c.name}: direct vs ORM`).toBe('');
      expect(direct.direct, `${c.name}: answered directly`).toBe(true);
      expect(direct.statements, c.name).toBe(2 * roots);
      const same = (h: Headers) => [...h].filter(([k]) => !['date', 'x-request-id', 'x-sql-statements'].includes(k));
      expect(same(direct.headers), c.name).toEqual(same(orm.headers));
    }
  });
});
