import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type TestApi } from './api-server.js';

describe('protections (OWASP GraphQL cheat sheet)', () => {
  let api: TestApi;
  let production: TestApi;

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    production = await startApi({ db: api.db, api: { introspection: false, production: true } });
  });
  afterAll(async () => {
    await production?.close();
    await api?.close();
  });

  it('refuses an over-deep query before running it', async () => {
    const res = await api.gql(`{ claims(first: 1) { edges { node { enrolment { worker { enrolments { claims { enrolment { worker {
      enrolments { claims { id } } } } } } } } } } } }`);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('QUERY_TOO_DEEP');
    expect(res.body.errors![0]!.message).toBe('query depth 12 exceeds the limit of 10: select fewer nested levels');
    expect(res.body.errors![0]!.extensions).toMatchObject({ depth: 12, limit: 10 });
    const viaFragments = await api.gql(`query { claims(first: 1) { edges { node { ...E } } } }
      fragment E on Claim { enrolment { worker { enrolments { claims { enrolment { worker { enrolments { claims { id } } } } } } } } }`);
    expect(code(viaFragments)).toBe('QUERY_TOO_DEEP');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { role }`).join(' ');
    const res = await api.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('TOO_MANY_ALIASES');
    expect(res.body.errors![0]!.message).toMatch(/16 aliases exceed the limit of 15/);
    expect(code(await api.gql(`{ ${aliases.split(' a15')[0]} }`))).toBeUndefined();
  });

  it('refuses an over-costly query, counting page sizes given as variables', async () => {
    const query = 'query C($n: Int) { workers(first: $n) { edges { node { enrolments { contributions(last: 120) { amount } } } } } }';
    const res = await api.gql(query, { n: 100 });
    expect(res.status).toBe(400);
    expect(code(res)).toBe('QUERY_TOO_COSTLY');
    expect(res.body.errors![0]!.message).toMatch(
      /^query cost [0-9]+ exceeds the limit of 25000: ask for smaller pages or fewer nested lists$/,
    );
    expect(res.body.errors![0]!.extensions.cost).toBeGreaterThan(25_000);
    expect(res.body.errors![0]!.extensions.http).toBeUndefined();
    expect(code(await api.gql(query, { n: 5 }))).toBeUndefined();
  });

  it('keeps batched HTTP requests off', async () => {
    const res = await api.post([{ query: '{ me { role } }' }, { query: '{ me { role } }' }], {
      authorization: `Bearer ${await api.token('viewer')}`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/batching/i);
  });

  it('blocks CSRF-style requests: simple POSTs and GETs without a preflight header', async () => {
    const token = await api.token('viewer');
    const form = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/Cross-Site Request Forgery/);
    const get = await fetch(`${api.url}?query=${encodeURIComponent('{ regions(level: PROVINCE) { code } }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    const allowed = await fetch(`${api.url}?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
    });
    expect(await allowed.json()).toEqual({ data: { me: { role: 'viewer' } } });
  });

  it('caps the body size and answers unparsable bodies with JSON errors, not HTML', async () => {
    const big = await api.post({ query: `{ me { role } } # ${'x'.repeat(120_000)}` });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await api.post('{"query": ');
    expect(broken.status).toBe(400);
    const body = (await broken.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|node_modules/);
  });

  it('supports automatic persisted queries', async () => {
    const query = '{ regions(parentCode: "64.02") { code } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = (await (await api.post({ extensions })).json()) as any;
    expect(miss.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = (await (await api.post({ query, extensions })).json()) as any;
    expect(register.data.regions).toHaveLength(20);
    const hit = (await (await api.post({ extensions })).json()) as any;
    expect(hit.data.regions).toHaveLength(20);
  });

  it('in production: no introspection, no field suggestions, no IDE', async () => {
    const intro = await production.gql('{ __schema { types { name } } }');
    expect(code(intro)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(intro.body.errors![0]!.message).toMatch(/introspection/i);
    const typo = await production.gql('{ workerz { totalCount } }');
    expect(code(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.body.errors![0]!.message).toBe('Cannot query field "workerz" on type "Query".');
    expect(code(await production.gql('{ me { role }'))).toBe('GRAPHQL_PARSE_FAILED');
    expect((await api.gql('{ workerz { totalCount } }')).body.errors![0]!.message).toMatch(/Did you mean "workers"/);
    const ide = await fetch(production.url.replace('/graphql', '/graphiql'));
    expect(ide.status).toBe(404);
  });

  it('turns internal failures into a generic message with a request id, logged with the details', async () => {
    await api.db.pool.query('alter table sponsor rename to sponsor_gone');
    try {
      const res = await production.gql('{ sponsors(first: 1) { totalCount } }', {}, { headers: { 'x-request-id': 'req-internal-42' } });
      expect(res.body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['sponsors'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-internal-42' },
        },
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/sponsor_gone|relation|select|stack/i);
      expect(res.headers.get('x-request-id')).toBe('req-internal-42');
      const logged = production.logs.find((l) => l.msg === 'internal error' && l.requestId === 'req-internal-42');
      expect(logged?.err?.message).toMatch(/relation "sponsor" does not exist/);
    } finally {
      await api.db.pool.query('alter table sponsor_gone rename to sponsor');
    }
  });
});
