import { SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLError, parse } from 'graphql';
import { initORM } from '../../platform/db/orm.js';
import { costLimitPlugin } from '../../server/graphql/limits.js';
import { buildApiSchema } from '../../server/graphql/schema.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { code, type GqlResponse, type TestApi } from '../api/api-server.js';
import { ENROL, expectContained, REGISTER, rowCounts, SUBMIT, startProductionApi, workerInput } from './hostile.fixture.js';

/**
 * Issue 11's hostile-client findings, each as a case against a production-mode server, plus the
 * OWASP GraphQL cheat sheet items that test/api/protection.test.ts and auth.test.ts do not
 * already cover (introspection, batching, aliases, depth, CSRF, body size and forged or
 * alg-none tokens live there). Every answer is also checked by `expectContained`.
 */

const tally = { cases: 0, requests: 0, fiveXx: 0 };

describe('hostile input against a production server', () => {
  let api: TestApi;
  let regency: string;
  let enrolmentId: string;
  const gql = async (query: string, variables: Record<string, unknown> = {}, options: Parameters<TestApi['gql']>[2] = {}) => {
    const res = await api.gql(query, variables, options);
    expectContained(res, tally);
    return res;
  };
  const newWorker = async (overrides: Record<string, unknown> = {}) => {
    const res = await gql(REGISTER, { input: workerInput(overrides) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.registerWorker.id as string;
  };
  const enrol = (workerId: string, overrides: Record<string, unknown> = {}) =>
    gql(ENROL, {
      input: {
        workerId,
        sponsorId: regency,
        segment: 'BPU',
        programmes: ['JKK', 'JKM'],
        startDate: '2026-11-01',
        declaredIncome: '1000000',
        ...overrides,
      },
    });

  beforeAll(async () => {
    api = await startProductionApi();
    const row = (await api.db.pool.query(`select id from sponsor where kind = 'REGENCY_BUDGET' order by id limit 1`)).rows[0];
    regency = toGlobalId('Sponsor', row.id);
    enrolmentId = (await enrol(await newWorker())).body.data.enrol.id;
  });
  afterAll(async () => {
    await api?.close();
    console.log(`security suite: ${tally.cases} hostile cases, ${tally.requests} hostile requests, ${tally.fiveXx} answered 5xx`);
  });
  const hostile = (name: string, fn: () => Promise<void>, timeout?: number) =>
    it(
      name,
      async () => {
        tally.cases++;
        await fn();
      },
      timeout,
    );

  describe('no query stalls the server', () => {
    const doubling = (n: number, leaf: string) =>
      Array.from({ length: n }, (_, i) =>
        i < n - 1 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Query { ${leaf} }`,
      ).join('\n');

    hostile('refuses 21 and 40 doubling fragments at once, anonymous, while /healthz stays fast', async () => {
      const healthz = api.url.replace('/graphql', '/healthz');
      for (const n of [21, 40]) {
        const started = performance.now();
        const probes = (async () => {
          const times: number[] = [];
          for (let i = 0; i < 5; i++) {
            const t = performance.now();
            await fetch(healthz);
            times.push(performance.now() - t);
          }
          return times;
        })();
        const res = await gql(`{ ...F0 }\n${doubling(n, 'regions { code }')}`, {}, { role: null });
        const took = performance.now() - started;
        console.log(
          `${n} doubling fragments: refused in ${took.toFixed(1)} ms, /healthz meanwhile at most ${Math.max(...(await probes)).toFixed(1)} ms`,
        );
        expect(res.status).toBe(400);
        // Apollo's recursive-selection count (memoised per fragment, capped at 10 000 here) refuses it during validation.
        expect(code(res)).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.body.errors![0]!.message).toBe('Anonymous operation recursively requests too many selections.');
        // Before: 2^21 walks of the depth rule, about 7 s on this machine, doubling per fragment.
        expect(took).toBeLessThan(1000);
        expect(Math.max(...(await probes))).toBeLessThan(500);
      }
    });

    hostile('keeps the cost limit when fragments fan out (it used to let the query run)', async () => {
      const costly = 'workers(first: 100) { edges { node { enrolments { contributions(last: 120) { amount } } } } }';
      const plain = await gql(`{ ${costly} }`);
      expect(code(plain)).toBe('QUERY_TOO_COSTLY');
      const fanned = await gql(`{ ...F0 ${costly} }\n${doubling(14, '__typename')}`);
      expect(fanned.status).toBe(400);
      expect(code(fanned)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(fanned.body.data).toBeUndefined();
      // Behind that, the cost plugin itself fails closed: an estimate that cannot finish refuses the operation.
      const schema = await buildApiSchema();
      const document = parse(`{ ...F0 ${costly} }\n${doubling(14, '__typename')}`);
      const listener = await costLimitPlugin(schema, 25_000).requestDidStart!({} as never);
      const refused = await listener!.didResolveOperation!({
        request: { variables: {} },
        document,
        operation: document.definitions[0],
      } as never).then(
        () => undefined,
        (e: unknown) => e as GraphQLError,
      );
      expect(refused?.extensions.code).toBe('QUERY_TOO_COSTLY');
      expect(refused?.message).toMatch(/expands to more than 10000 selections once fragments are inlined/);
      // Variables that do not coerce are still the caller's error, with the argument named, and nothing runs.
      const bad = await gql('query Q($n: Int) { workers(first: $n) { totalCount } }', { n: 'many' });
      expect(code(bad)).toBe('BAD_USER_INPUT');
    });

    hostile('stops reading at the token cap, and refuses deep, repetitive or fragment-heavy shapes before validating them', async () => {
      for (const query of [`{ me { ${'role '.repeat(6000)} } }`, `{ me { role ${'@include(if: true) '.repeat(1500)} } }`]) {
        const started = performance.now();
        const res = await gql(query, {}, { role: null });
        expect(res.status).toBe(400);
        expect(code(res)).toBe('GRAPHQL_PARSE_FAILED');
        // graphql-js spells it "more that 2000 tokens".
        expect(res.body.errors![0]!.message).toMatch(/Document contains more th[ae]t? 2000 tokens/);
        expect(performance.now() - started).toBeLessThan(1000);
      }
      // Nested list literals within the cap would exhaust the recursive parser's stack: refused before it.
      const deep = await gql(`{ regions(parentCode: ${'['.repeat(2000)}"64"${']'.repeat(2000)}) { code } }`, {}, { role: null });
      expect(deep.status).toBe(400);
      expect(code(deep)).toBe('GRAPHQL_PARSE_FAILED');
      expect(deep.body.errors![0]!.message).toMatch(/nests brackets deeper than 64 levels/);
      // Shapes whose validation is quadratic are refused before validation: a key repeated, many spreads, many aliases.
      const shapes: Array<[string, string, RegExp]> = [
        [
          `{ ${'me { role } '.repeat(150)} }`,
          'GRAPHQL_VALIDATION_FAILED',
          /the field `me` is selected 150 times in one selection set \(limit 3\)/,
        ],
        [
          `{ me { ${Array.from({ length: 30 }, (_, i) => `...M${i}`).join(' ')} } }\n${Array.from({ length: 30 }, (_, i) => `fragment M${i} on Principal { role }`).join('\n')}`,
          'GRAPHQL_VALIDATION_FAILED',
          /30 fragments are spread in one selection set \(limit 20\)/,
        ],
        [
          `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: me { role }`).join(' ')} }`,
          'TOO_MANY_ALIASES',
          /300 aliases exceed the limit of 15/,
        ],
      ];
      for (const [query, expected, message] of shapes) {
        const res = await gql(query, {}, { role: null });
        expect(res.status).toBe(400);
        expect(code(res)).toBe(expected);
        expect(res.body.errors![0]!.message).toMatch(message);
      }
      // Brackets inside strings and comments do not count.
      const quoted = await gql(`{ regions(parentCode: "${'['.repeat(100)}") { code } } # ${'{'.repeat(100)}`, {}, { role: null });
      expect(quoted.body.data.regions).toEqual([]);
    });

    hostile('refuses fragment cycles and variables nested 10,000 deep without exhausting the stack', async () => {
      const cycle = await gql('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A regions { code } }');
      expect(code(cycle)).toBe('GRAPHQL_VALIDATION_FAILED');
      // Written by hand: JSON.stringify itself runs out of stack on it.
      const body = `{"query":"query Q($p: String) { regions(parentCode: $p) { code } }","variables":{"p":${'['.repeat(10_000)}"x"${']'.repeat(10_000)}}}`;
      const res = await api.post(body);
      const deep = { status: res.status, body: (await res.json()) as GqlResponse['body'] };
      expectContained(deep, tally);
      expect(code(deep as never)).toBe('BAD_USER_INPUT');
    });
  });

  describe('every argument is parsed at the edge', () => {
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    hostile('refuses hand-made cursors with BAD_USER_INPUT naming the argument, and logs no SQL', async () => {
      const cases: Array<[string, string]> = [
        ['workers(first: 2, after: $c) { totalCount }', b64(['abc'])],
        ['workers(first: 2, after: $c) { totalCount }', b64(["1' or 1=1 --"])],
        ['workers(first: 2, before: $c) { totalCount }', b64([1.5])],
        ['workers(first: 2, after: $c) { totalCount }', b64([-1])],
        ['workers(first: 2, after: $c) { totalCount }', b64({ id: 1 })],
        ['workers(first: 2, after: $c) { totalCount }', 'not a cursor!'],
        ['workers(first: 2, after: $c) { totalCount }', 'A'.repeat(2000)],
        ['claims(first: 2, after: $c) { totalCount }', b64([3, 4])],
        ['claims(first: 2, after: $c) { totalCount }', b64(['2026-02-30', 4])],
        ['claims(first: 2, after: $c) { totalCount }', b64(['2026-11-26T00:00:00.000Z', 4])],
        ['enrolments(first: 2, after: $c) { totalCount }', b64(['2026-01-01', '7'])],
        ['contributions(first: 2, after: $c) { totalCount }', b64([null, 1])],
        ['budgetAllocations(first: 2, after: $c) { totalCount }', b64(['2023', 1])],
        ['budgetAllocations(first: 2, after: $c) { totalCount }', b64([2023.5, 1])],
        ['auditEntries(first: 2, after: $c) { totalCount }', b64(['2026-11-26', 1])],
        ['auditEntries(first: 2, after: $c) { totalCount }', b64(['9999-01-01T00:00:00.000Z', 1])],
      ];
      const logged = api.logs.length;
      for (const [field, cursor] of cases) {
        const res = await gql(`query Q($c: String) { ${field} }`, { c: cursor });
        expect(code(res), `${field} ${cursor.slice(0, 40)}`).toBe('BAD_USER_INPUT');
        expect(res.body.errors![0]!.extensions.argumentPath).toBe(field.includes('before') ? 'before' : 'after');
        expect(res.body.errors![0]!.message).toMatch(/^(after|before): is not a cursor from this connection/);
      }
      expect(api.logs.slice(logged).filter((l) => l.msg === 'internal error')).toEqual([]);
      // A real cursor still pages.
      const first = await gql('{ claims(first: 2) { pageInfo { endCursor } } }');
      const next = await gql('query Q($c: String) { claims(first: 2, after: $c) { edges { node { id } } } }', {
        c: first.body.data.claims.pageInfo.endCursor,
      });
      expect(next.body.data.claims.edges).toHaveLength(2);
    });

    hostile('refuses NUL and lone surrogates in any text argument, variable or literal, naming the field, writing nothing', async () => {
      const before = await rowCounts(api);
      const cases: Array<[string, Record<string, unknown>, string]> = [
        [REGISTER, { input: workerInput({ fullName: 'Siti\u0000Aminah' }) }, 'input.fullName'],
        [REGISTER, { input: workerInput({ fullName: 'Siti \ud800 Aminah' }) }, 'input.fullName'],
        [REGISTER, { input: workerInput({ regionCode: '64.02.06\u0000' }) }, 'input.regionCode'],
        [REGISTER, { input: workerInput({ phone: '\udc000812345678' }) }, 'input.phone'],
        ['query Q($f: WorkerFilter) { workers(first: 1, filter: $f) { totalCount } }', { f: { search: 'ab\u0000c' } }, 'f.search'],
        ['query Q($k: String) { employers(first: 1, kecamatan: $k) { totalCount } }', { k: '\ud83d' }, 'k'],
        ['mutation P($id: ID!, $k: String!) { payClaim(id: $id, paymentKey: $k) { id } }', { id: 'x\u0000', k: 'key-00000001' }, 'id'],
      ];
      for (const [query, variables, field] of cases) {
        const res = await gql(query, variables);
        expect(code(res), field).toBe('BAD_USER_INPUT');
        expect(res.status).toBe(400);
        expect(res.body.errors![0]!.extensions.argumentPath).toBe(field);
        expect(res.body.errors![0]!.message).toMatch(
          new RegExp(`^${field.replace('.', '\\.')}: (must not contain NUL|contains an unpaired UTF-16 surrogate)`),
        );
      }
      // A literal with the escape \u0000 is text the parser accepts: the same check names it.
      const literal = await gql(
        `mutation { registerWorker(input: { nik: "6402061203859999", fullName: "A\\u0000B", sex: L, birthDate: "1985-03-12",
          regionCode: "64.02.06", occupation: NELAYAN, sector: INFORMAL }) { id } }`,
      );
      expect(code(literal)).toBe('BAD_USER_INPUT');
      expect(literal.body.errors![0]!.extensions.argumentPath).toBe('input.fullName');
      // A raw NUL inside the document's text is refused the same way.
      const raw = await gql('{ regions(parentCode: "64\u0000") { code } }', {}, { role: null });
      expect(code(raw)).toBe('BAD_USER_INPUT');
      expect(raw.body.errors![0]!.extensions.argumentPath).toBe('parentCode');
      expect(await rowCounts(api)).toEqual(before);
      // Real Unicode names are fine.
      await newWorker({ fullName: 'Ngatini Dayak Kenyah 🌿 É' });
    });

    hostile('refuses implausible amounts and dates, per field, writing nothing', async () => {
      const before = await rowCounts(api);
      const workerId = await newWorker({ nik: '6402062506060001', birthDate: '2006-06-25' });
      const after1 = await rowCounts(api);
      const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
        [
          SUBMIT,
          { input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', claimedAmount: '9223372036854775807' } },
          'input.claimedAmount',
          /Rp 10 miliar/,
        ],
        [
          SUBMIT,
          { input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', submittedDate: '2100-01-01', claimedAmount: '100000' } },
          'input.submittedDate',
          /after today/,
        ],
        [
          SUBMIT,
          { input: { enrolmentId, programme: 'JKK', incidentDate: '2099-01-01', claimedAmount: '100000' } },
          'input.incidentDate',
          /after today/,
        ],
        [
          ENROL,
          {
            input: {
              workerId,
              sponsorId: regency,
              segment: 'BPU',
              programmes: ['JKK'],
              startDate: '1900-01-01',
              declaredIncome: '1000000',
            },
          },
          'input.startDate',
          /1977/,
        ],
        [
          ENROL,
          {
            input: {
              workerId,
              sponsorId: regency,
              segment: 'BPU',
              programmes: ['JKK'],
              startDate: '2019-01-01',
              declaredIncome: '1000000',
            },
          },
          'input.startDate',
          /working age of 15/,
        ],
        [
          ENROL,
          {
            input: {
              workerId,
              sponsorId: regency,
              segment: 'BPU',
              programmes: ['JKK'],
              startDate: '2040-01-01',
              declaredIncome: '1000000',
            },
          },
          'input.startDate',
          /a year ahead/,
        ],
        [
          ENROL,
          {
            input: {
              workerId,
              sponsorId: regency,
              segment: 'BPU',
              programmes: ['JKK'],
              startDate: '2026-11-01',
              declaredIncome: '9223372036854775807',
            },
          },
          'input.declaredIncome',
          /Rp 1 miliar/,
        ],
        [REGISTER, { input: workerInput({ nik: '6402060101250001', birthDate: '2025-01-01' }) }, 'input.birthDate', /at least 15/],
        [
          'mutation B($input: SetBudgetAllocationInput!) { setBudgetAllocation(input: $input) { id } }',
          { input: { sponsorId: regency, fiscalYear: 2027, kind: 'ORIGINAL', amount: '9200000000000000000' } },
          'input.amount',
          /Rp 10 triliun/,
        ],
        [
          'mutation C($input: RecordContributionsInput!) { recordContributions(input: $input) { recorded } }',
          { input: { sponsorId: regency, month: '2099-01' } },
          'input.month',
          /a year ahead/,
        ],
      ];
      for (const [query, variables, field, rule] of cases) {
        const res = await gql(query, variables, { role: 'admin' });
        expect(code(res), field).toBe('BAD_USER_INPUT');
        expect(res.body.errors![0]!.extensions.argumentPath, field).toBe(field);
        expect(res.body.errors![0]!.message).toMatch(rule);
      }
      expect(await rowCounts(api)).toEqual(after1);
      expect(after1.worker).toBe(before.worker + 1);
    });

    hostile('computes monthlyContribution in bigint, even for an income that slipped past validation', async () => {
      const worker = (await api.db.pool.query(`select id from worker order by id limit 1`)).rows[0].id;
      const sponsor = (
        await api.db.pool.query(
          `insert into sponsor (code, name, kind, region_code) values ('SELF-BIG', 'Mandiri', 'SELF', '64.02') returning id`,
        )
      ).rows[0].id;
      const enrolment = (
        await api.db.pool.query(
          `insert into enrolment (membership_no, worker_id, sponsor_id, segment, programmes, start_date, declared_income, status)
           values ('BPU26BIG', $1, $2, 'BPU', '{JKK,JKM}', '2026-01-01', 9223372036854775807, 'ACTIVE') returning id`,
          [worker, sponsor],
        )
      ).rows[0].id;
      const res = await gql('query Q($id: ID!) { node(id: $id) { ... on Enrolment { monthlyContribution } } }', {
        id: toGlobalId('Enrolment', enrolment),
      });
      // JKK 1 % of 9223372036854775807 rounded, plus JKM Rp 6.800; the float path printed …54560 for the JKK alone.
      expect(res.body.data.node.monthlyContribution).toBe(String(92_233_720_368_547_758n + 6_800n));
      await api.db.pool.query('delete from enrolment where id = $1', [enrolment]);
    });
  });

  describe('no schema hints, no anonymous actors, no personal data in free text', () => {
    hostile('names no field or enum value in variable-coercion errors', async () => {
      const field = await gql('query Q($f: WorkerFilter) { workers(first: 1, filter: $f) { totalCount } }', {
        f: { kecamatn: '64.02.06' },
      });
      expect(code(field)).toBe('BAD_USER_INPUT');
      expect(field.body.errors![0]!.message).not.toMatch(/kecamatan"|Did you mean/);
      const value = await gql('query Q($f: ClaimFilter) { claims(first: 1, filter: $f) { totalCount } }', { f: { programme: ['JKKK'] } });
      expect(code(value)).toBe('BAD_USER_INPUT');
      expect(value.body.errors![0]!.message).not.toMatch(/"JKK"|"JKM"|Did you mean/);
      const arg = await gql('{ workers(frist: 1) { totalCount } }');
      expect(arg.body.errors![0]!.message).not.toMatch(/first|Did you mean/);
    });

    hostile('refuses a token whose subject is empty, blank, missing or holds control characters', async () => {
      const sign = (sub: string | undefined) => {
        const jwt = new SignJWT({ role: 'admin', scopes: ['*'] })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(api.config.jwtIssuer)
          .setAudience(api.config.jwtAudience);
        if (sub !== undefined) jwt.setSubject(sub);
        return jwt.setExpirationTime('1h').sign(new TextEncoder().encode(api.config.jwtSecret));
      };
      for (const sub of ['', '   ', undefined, 'ana\u0000', 'ana\nbob', 'x'.repeat(201)]) {
        const res = await gql('{ me { subject } }', {}, { token: await sign(sub) });
        expect(res.status, JSON.stringify(sub)).toBe(401);
        expect(code(res)).toBe('UNAUTHENTICATED');
        expect(res.body.errors![0]!.message).toMatch(/sub/);
      }
      expect((await gql('{ me { subject } }', {}, { token: await sign('ana@kukar.go.id') })).body.data.me.subject).toBe('ana@kukar.go.id');
    });

    hostile('masks rejectionReason like the personal fields, on every path, for viewer and analyst', async () => {
      const submitted = await gql(SUBMIT, {
        input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', claimedAmount: '500000' },
      });
      const claim = submitted.body.data.submitClaim;
      const reason = 'NIK 6402061203850001 (Budi Santoso, 0812-3456-7890) already claimed';
      const rejected = await gql(
        'mutation J($id: ID!, $v: Int!, $r: String!) { rejectClaim(id: $id, version: $v, reason: $r) { rejectionReason } }',
        {
          id: claim.id,
          v: claim.version,
          r: reason,
        },
      );
      expect(rejected.body.data.rejectClaim.rejectionReason).toBe(reason);
      const paths = [
        'query Q($id: ID!) { node(id: $id) { ... on Claim { rejectionReason } } }',
        'query Q($e: ID) { claims(first: 5, filter: { status: [REJECTED], enrolmentId: $e }) { edges { node { rejectionReason } } } }',
        'query Q($e: ID!) { node(id: $e) { ... on Enrolment { claims { rejectionReason } } } }',
      ];
      for (const role of ['viewer', 'analyst'] as const) {
        for (const query of paths) {
          const text = JSON.stringify((await gql(query, { id: claim.id, e: enrolmentId }, { role })).body.data);
          expect(text, `${role}: ${query}`).toContain('[masked: free text may contain personal data]');
          expect(text).not.toMatch(/6402061203850001|Budi|0812/);
        }
      }
      const operator = await gql(paths[0]!, { id: claim.id });
      expect(operator.body.data.node.rejectionReason).toBe(reason);
    });
  });

  describe('one sponsor pays for a worker once a month', () => {
    hostile('refuses an overlapping enrolment with CONFLICT, also under concurrency, and allows it once the first has ended', async () => {
      const workerId = await newWorker();
      const attempts = await Promise.all(Array.from({ length: 6 }, () => enrol(workerId)));
      const won = attempts.filter((r) => r.body.data?.enrol);
      expect(won).toHaveLength(1);
      for (const r of attempts.filter((a) => !a.body.data?.enrol)) {
        expect(code(r)).toBe('CONFLICT');
        expect(r.body.errors![0]!.message).toMatch(/^input\.startDate: the worker already has ACTIVE enrolment/);
      }
      const key = Number(Buffer.from(workerId, 'base64url').toString().split(':')[1]);
      expect(Number((await api.db.pool.query('select count(*) from enrolment where worker_id = $1', [key])).rows[0].count)).toBe(1);
      const end = await gql('mutation X($id: ID!) { endEnrolment(id: $id, input: { endDate: "2026-11-15" }) { status } }', {
        id: won[0]!.body.data.enrol.id,
      });
      expect(end.body.data.endEnrolment.status).toBe('TERMINATED');
      expect((await enrol(workerId, { startDate: '2026-11-16' })).body.data.enrol.status).toBe('ACTIVE');
    });

    hostile('names the database constraint as a CONFLICT when a write slips past the service', async () => {
      const { fromDatabaseError } = await import('../../server/graphql/errors.js');
      const error = await api.db.pool
        .query(
          `insert into enrolment (membership_no, worker_id, sponsor_id, segment, programmes, start_date, declared_income, status)
           select 'DUP-' || id, worker_id, sponsor_id, segment, programmes, start_date, declared_income, status from enrolment
           where status = 'ACTIVE' order by id limit 1`,
        )
        .catch((e: unknown) => e);
      expect(fromDatabaseError(error)).toMatchObject({
        extensions: { code: 'CONFLICT', argumentPath: 'input.startDate', constraint: 'enrolment_no_overlap' },
      });
    });
  });

  describe('a time budget per request, enforced by PostgreSQL', () => {
    let timed: TestApi;
    let holder: pg.Client;
    beforeAll(async () => {
      // Its own pool: the statement cap is per pool, and this server's budget is 300 ms.
      const orm = await initORM(api.db.url, { pool: { min: 0, max: 4 } });
      timed = await startProductionApi({ requestTimeoutMs: 300 }, { ...api.db, orm, drop: async () => void (await orm.close(true)) });
      holder = new pg.Client({ connectionString: api.db.url });
      await holder.connect();
    });
    afterAll(async () => {
      await holder?.end();
      await timed?.close();
      await timed?.db.drop();
    });

    hostile('cancels a write waiting on a lock at the deadline, writes nothing and leaves no lock behind', async () => {
      const workerId = (await gql(REGISTER, { input: workerInput() })).body.data.registerWorker.id;
      const sponsorKey = Number(Buffer.from(regency, 'base64url').toString().split(':')[1]);
      const before = await rowCounts(api);
      await holder.query('begin');
      await holder.query('select id from sponsor where id = $1 for update', [sponsorKey]);
      const started = performance.now();
      const res = await timed.gql(ENROL, {
        input: { workerId, sponsorId: regency, segment: 'BPU', programmes: ['JKK'], startDate: '2026-11-01', declaredIncome: '1000000' },
      });
      expectContained(res, tally);
      expect(code(res)).toBe('REQUEST_TIMEOUT');
      expect(performance.now() - started).toBeLessThan(2000);
      await holder.query('rollback');
      expect(await rowCounts(api)).toEqual(before);
      const locks = await api.db.pool.query(`select count(*)::int as n from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where a.datname = current_database() and l.locktype in ('tuple', 'transactionid') and a.pid <> pg_backend_pid() and a.state like 'idle in transaction%'`);
      expect(locks.rows[0].n).toBe(0);
      const retry = await timed.gql(ENROL, {
        input: { workerId, sponsorId: regency, segment: 'BPU', programmes: ['JKK'], startDate: '2026-11-01', declaredIncome: '1000000' },
      });
      expect(retry.body.data.enrol.status).toBe('ACTIVE');
    });

    hostile('cancels a read past the budget', async () => {
      await holder.query('begin');
      await holder.query('lock table worker in access exclusive mode');
      try {
        const started = performance.now();
        const res = await timed.gql('{ workers(first: 1) { totalCount } }');
        expectContained(res, tally);
        expect(code(res)).toBe('REQUEST_TIMEOUT');
        expect(performance.now() - started).toBeLessThan(2000);
      } finally {
        await holder.query('rollback');
      }
      expect((await timed.gql('{ workers(first: 1) { totalCount } }')).body.data.workers.totalCount).toBeGreaterThan(0);
    });
  });

  describe('a bound on the work of clients without a token', () => {
    hostile('answers 429 once an address has used its share, and never refuses a signed-in client for it', async () => {
      const limited = await startProductionApi({ anonymousWorkMsPerMinute: 40 }, api.db);
      try {
        const statuses: number[] = [];
        let refused: Response | undefined;
        for (let i = 0; i < 200 && !refused; i++) {
          const res = await limited.post({ query: '{ regions { code name parent { code } } }' });
          statuses.push(res.status);
          if (res.status === 429) refused = res;
          else await res.arrayBuffer();
        }
        expect(refused, `statuses: ${statuses.join(',')}`).toBeDefined();
        expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
        const body = (await refused!.json()) as any;
        expect(body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
        const signedIn = await limited.gql('{ me { role } }', {}, { role: 'viewer' });
        expect(signedIn.body.data.me.role).toBe('viewer');
      } finally {
        await limited.server.stop(1000);
      }
    });
  });

  describe('OWASP cheat sheet items not covered in test/api', () => {
    hostile('refuses mutations over GET even with the preflight header', async () => {
      const token = await api.token('admin');
      const query =
        encodeURIComponent(`mutation { registerWorker(input: { nik: "6402061203859998", fullName: "X", sex: L, birthDate: "1985-03-12",
        regionCode: "64.02.06", occupation: NELAYAN, sector: INFORMAL }) { id } }`);
      const before = await rowCounts(api);
      const res = await fetch(`${api.url}?query=${query}`, {
        headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(405);
      expect(await rowCounts(api)).toEqual(before);
    });

    hostile('replaces a request id that could forge log lines or headers with one of its own', async () => {
      for (const given of ['x'.repeat(101), 'ok"},{"level":60,"msg":"forged', 'a b']) {
        const res = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': given },
          body: JSON.stringify({ query: '{ regions(level: PROVINCE) { code } }' }),
        });
        tally.requests++;
        expect(res.status).toBe(200);
        expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    hostile('answers hostile JSON bodies with a code, never a stack', async () => {
      for (const body of [
        '[]',
        'null',
        '"query"',
        '{"query": 5}',
        '{"query": "{ me { role } }", "variables": "x"}',
        '{"query":"{ me { role } }","operationName":{}}',
      ]) {
        const res = await api.post(body);
        expect(res.status, body).toBeLessThan(500);
        const json = (await res.json().catch(() => ({ errors: [{ extensions: {} }] }))) as any;
        expect(json.errors?.[0]?.extensions?.code, body).toEqual(expect.any(String));
        expect(JSON.stringify(json)).not.toMatch(/node_modules|at .*\.js/);
        tally.requests++;
      }
    });
  });
});
