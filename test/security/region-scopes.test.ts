import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { initORM } from '../../platform/db/orm.js';
import { DB_ROLES, roleUrl } from '../../platform/db/roles.js';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import { covers } from '../../schema/region-scope.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { principal } from '../../server/auth/roles.js';
import { mintToken } from '../../server/auth/tokens.js';
import { createRequestContext } from '../../server/context.js';
import { code, startApi, type TestApi } from '../api/api-server.js';
import {
  expected,
  type FixturePrincipal,
  gids,
  insertScopeFixture,
  PRINCIPALS,
  type ScopeFixture,
  scopeOf,
  nodeIds,
  tokenOf,
} from './region-scopes.fixture.js';

/**
 * Roles × scopes × paths (issue 12): every list with its totalCount, node(id:), nested fields,
 * filters, the dashboard and the audit log show a principal what its scope covers and nothing
 * else; the same scope set directly in SQL under lindung_api returns the same rows, so it is
 * row-level security, not the service, that holds.
 */
describe('region scopes', () => {
  let api: TestApi;
  let fixture: ScopeFixture;
  const as = tokenOf;
  const ids = nodeIds;

  beforeAll(async () => {
    api = await startApi();
    fixture = await insertScopeFixture(api.db.pool, 'rs');
  });
  afterAll(() => api?.close());

  /** The rows `sql` returns under lindung_api with `p`'s scope set as the API sets it, straight in SQL. */
  async function asApiRole(p: FixturePrincipal, sql: string, params: unknown[] = []): Promise<string[]> {
    const client = await api.db.pool.connect();
    try {
      await client.query('begin');
      await client.query(`set local role ${DB_ROLES.api}`);
      const settings = requestSettingsSql({ scope: scopeOf(p), actor: 'sql-check' });
      await client.query(settings.text, settings.values);
      const { rows } = await client.query<{ id: string }>(sql, params);
      return rows.map((r) => r.id);
    } finally {
      await client.query('rollback');
      client.release();
    }
  }

  describe.each(PRINCIPALS)('$name ($scopes)', (p) => {
    it('lists and their totalCount hold only rows inside the scope, and SQL under lindung_api returns the same', async () => {
      const want = expected(fixture, p);
      const res = await api.gql(
        `{ workers(first: 50) { totalCount edges { node { id } } }
           enrolments(first: 50) { totalCount edges { node { id } } }
           claims(first: 50) { totalCount edges { node { id } } }
           contributions(first: 50) { totalCount edges { node { id } } }
           sponsors(first: 50) { totalCount edges { node { id } } }
           employers(first: 50) { totalCount edges { node { id } } }
           budgetAllocations(first: 50) { totalCount edges { node { id } } } }`,
        {},
        as(p),
      );
      expect(res.body.errors).toBeUndefined();
      const d = res.body.data;
      const lists = {
        workers: ['worker', d.workers],
        enrolments: ['enrolment', d.enrolments],
        claims: ['claim', d.claims],
        contributions: ['contribution', d.contributions],
        sponsors: ['sponsor', d.sponsors],
        employers: ['employer', d.employers],
        allocations: ['budget_allocation', d.budgetAllocations],
      } as const;
      const type = {
        workers: 'Worker',
        enrolments: 'Enrolment',
        claims: 'Claim',
        contributions: 'Contribution',
        sponsors: 'Sponsor',
        employers: 'Employer',
        allocations: 'BudgetAllocation',
      } as const;
      for (const [name, [table, connection]] of Object.entries(lists) as Array<[keyof typeof lists, (typeof lists)[keyof typeof lists]]>) {
        expect(ids(connection), name).toEqual(want[name]);
        expect(connection.totalCount, `${name} totalCount`).toBe(want[name].length);
        expect(gids(type[name], await asApiRole(p, `select id::text as id from ${table}`)), `${name} in SQL`).toEqual(want[name]);
      }
      if (p.scopes[0] !== '*') expect(want.unseenWorkers.length).toBeGreaterThan(0);
    });

    it('node(id:) answers null for a record outside the scope, and nested fields follow it', async () => {
      const want = expected(fixture, p);
      for (const w of fixture.workers) {
        const res = await api.gql(
          `query N($w: ID!, $e: ID!, $c: ID!) {
             w: node(id: $w) { ... on Worker { id enrolments { id claims { id } } } }
             e: node(id: $e) { ... on Enrolment { id worker { id } sponsor { id } claims { id } contributions(last: 5) { id } } }
             c: node(id: $c) { ... on Claim { id enrolment { id } } } }`,
          { w: toGlobalId('Worker', w.id), e: toGlobalId('Enrolment', w.enrolmentId), c: toGlobalId('Claim', w.claimId) },
          as(p),
        );
        expect(res.body.errors, w.key).toBeUndefined();
        const { w: worker, e: enrolment, c: claim } = res.body.data;
        const workerSeen = want.workers.includes(toGlobalId('Worker', w.id));
        const enrolmentSeen = want.enrolments.includes(toGlobalId('Enrolment', w.enrolmentId));
        expect(worker?.id ?? null, `worker ${w.key}`).toBe(workerSeen ? toGlobalId('Worker', w.id) : null);
        expect(enrolment?.id ?? null, `enrolment ${w.key}`).toBe(enrolmentSeen ? toGlobalId('Enrolment', w.enrolmentId) : null);
        expect(claim?.id ?? null, `claim ${w.key}`).toBe(enrolmentSeen ? toGlobalId('Claim', w.claimId) : null);
        if (worker) {
          // A worker's nested list holds only the memberships the scope sees (the moved worker's Tenggarong one stays in Kukar).
          expect(worker.enrolments.map((x: any) => x.id)).toEqual(enrolmentSeen ? [toGlobalId('Enrolment', w.enrolmentId)] : []);
        }
        if (enrolment) {
          expect(enrolment.worker.id).toBe(toGlobalId('Worker', w.id));
          expect(enrolment.claims.map((x: any) => x.id)).toEqual([toGlobalId('Claim', w.claimId)]);
          expect(enrolment.contributions.map((x: any) => x.id)).toEqual([toGlobalId('Contribution', w.contributionId)]);
        }
      }
    });

    it('a filter on a region or a sponsor outside the scope reveals nothing', async () => {
      const scope = scopeOf(p);
      for (const w of fixture.workers) {
        const kecamatan = w.domicile;
        const res = await api.gql(
          `query F($k: String!, $s: ID!) {
             workers(first: 50, filter: { kecamatan: $k }) { totalCount edges { node { id } } }
             bySponsor: workers(first: 50, filter: { sponsorId: $s }) { totalCount }
             claims(first: 50, filter: { kecamatan: $k }) { totalCount } }`,
          {
            k: kecamatan,
            s: toGlobalId(
              'Sponsor',
              fixture.sponsors[Object.keys(fixture.sponsors).find((k) => fixture.sponsors[k]!.region === w.sponsorRegion)!]!.id,
            ),
          },
          as(p),
        );
        expect(res.body.errors, w.key).toBeUndefined();
        const there = fixture.workers.filter(
          (x) => x.domicile === kecamatan && (x.history.some((r) => covers(scope, r)) || covers(scope, x.sponsorRegion)),
        );
        expect(ids(res.body.data.workers), `workers in ${kecamatan}`).toEqual(
          gids(
            'Worker',
            there.map((x) => x.id),
          ),
        );
        expect(res.body.data.workers.totalCount).toBe(there.length);
        // The filter reads memberships, so it finds only those the scope sees (the moved worker's stays in Kukar).
        const paying = fixture.workers.filter(
          (x) => x.sponsorRegion === w.sponsorRegion && expected(fixture, p).enrolments.includes(toGlobalId('Enrolment', x.enrolmentId)),
        );
        expect(res.body.data.bySponsor.totalCount, `workers of the sponsor of ${w.key}`).toBe(paying.length);
      }
    });

    it('the dashboard counts only the scope’s claims and memberships, each scope in its own cache entry', async () => {
      const want = expected(fixture, p);
      const res = await api.gql(
        '{ dashboard { claimPipeline { count claimedAmount } activeEnrolments { count sponsor { id } } } }',
        {},
        as(p),
      );
      expect(res.body.errors).toBeUndefined();
      const claims = res.body.data.dashboard.claimPipeline.reduce((n: number, g: any) => n + g.count, 0);
      expect(claims).toBe(want.claims.length);
      const active = res.body.data.dashboard.activeEnrolments.reduce((n: number, g: any) => n + g.count, 0);
      expect(active).toBe(want.enrolments.length);
      for (const g of res.body.data.dashboard.activeEnrolments) expect(want.sponsors).toContain(g.sponsor.id);
    });
  });

  describe('bypassing the service', () => {
    let apiOrm: MikroORM;
    beforeAll(async () => {
      apiOrm = await initORM(roleUrl(api.db.url, DB_ROLES.api));
    });
    afterAll(() => apiOrm?.close());

    it('an ORM query with no filter at all, in a kecamatan operator’s transaction, still sees only the kecamatan', async () => {
      const p = PRINCIPALS[0];
      const ctx = createRequestContext(apiOrm.em, 'bypass', { user: principal('bypass', 'operator', scopeOf(p)) });
      await ctx.transaction.begin();
      try {
        const all = await ctx.em.find(Worker, {});
        expect(
          gids(
            'Worker',
            all.map((w) => String(w.id)),
          ),
        ).toEqual(expected(fixture, p).workers);
        const outside = fixture.workers.find((w) => w.key === 'palaran')!;
        expect(await ctx.em.findOne(Worker, Number(outside.id))).toBeNull();
        // A write the service would have refused, sent straight to the database: PostgreSQL refuses it.
        await expect(
          ctx.em
            .getConnection()
            .execute('update worker set occupation = ? where id = ?', ['NELAYAN', outside.id], 'run', ctx.em.getTransactionContext()),
        ).resolves.toMatchObject({ affectedRows: 0 });
      } finally {
        await ctx.transaction.end(false);
      }
      expect(
        (await api.db.pool.query('select occupation from worker where id = $1', [fixture.workers.find((w) => w.key === 'palaran')!.id]))
          .rows[0].occupation,
      ).toBe('PETANI');
    });

    it('a connection as lindung_api without the request settings sees no operational row at all', async () => {
      const counts = await apiOrm.em.fork().execute<{ n: number }[]>(
        `select (select count(*) from worker) + (select count(*) from enrolment) + (select count(*) from claim)
              + (select count(*) from contribution) + (select count(*) from sponsor) + (select count(*) from audit_entry) as n`,
      );
      expect(Number(counts[0]!.n)).toBe(0);
      const regions = await apiOrm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from region');
      expect(regions[0]!.n).toBeGreaterThan(0);
    });

    it('lindung_api owns nothing and cannot bypass row-level security; every operational table forces it', async () => {
      const role = await api.db.pool.query(`select rolsuper, rolbypassrls from pg_roles where rolname = $1`, [DB_ROLES.api]);
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owned = await api.db.pool.query(
        `select count(*)::int as n from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname like 'lindung\\_%'`,
      );
      expect(owned.rows[0].n).toBe(0);
      const tables = await api.db.pool.query(
        `select relname from pg_class where relname = any ($1) and relkind = 'r' and relrowsecurity and relforcerowsecurity order by 1`,
        [['audit_entry', 'budget_allocation', 'claim', 'contribution', 'employer', 'enrolment', 'sponsor', 'sponsor_month_paid', 'worker']],
      );
      expect(tables.rows.map((r) => r.relname)).toHaveLength(9);
    });
  });

  describe('sign-in', () => {
    it('refuses a token whose scopes name a region that does not exist, are malformed or missing, with UNAUTHENTICATED', async () => {
      for (const scopes of [['64.99'], ['64.02.99.9999'], ['kukar']]) {
        const token = await mintToken(api.config, { role: 'operator', subject: 'typo', scopes });
        const res = await api.gql('{ me { role } }', {}, { token });
        expect(code(res), scopes.join()).toBe('UNAUTHENTICATED');
        expect(res.status).toBe(401);
      }
      const { SignJWT } = await import('jose');
      const bare = await new SignJWT({ role: 'operator' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('old-token')
        .setIssuer(api.config.jwtIssuer)
        .setAudience(api.config.jwtAudience)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(api.config.jwtSecret));
      const res = await api.gql('{ me { role } }', {}, { token: bare });
      expect(code(res)).toBe('UNAUTHENTICATED');
      expect(res.body.errors![0]!.message).toMatch(/scopes/);
    });

    it('keeps the public region list public', async () => {
      const res = await api.gql('{ regions(parentCode: "64") { code } }', {}, { role: null });
      expect(res.body.data.regions.map((r: any) => r.code)).toContain('64.72');
    });
  });

  describe('writes', () => {
    const [kecamatan, regency, , national, samarinda] = PRINCIPALS;
    const count = async (sql: string, params: unknown[] = []) => Number((await api.db.pool.query(sql, params)).rows[0].n);
    let serial = 9500;
    const worker = (regionCode: string) => ({
      nik: `640206120385${serial++}`,
      fullName: 'Siti Aminah',
      sex: 'L',
      birthDate: '1985-03-12',
      regionCode,
      occupation: 'NELAYAN',
      sector: 'INFORMAL',
    });
    const REGISTER = 'mutation R($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }';

    it('registers a worker inside the scope, and refuses one outside it with FORBIDDEN, writing nothing', async () => {
      const inside = await api.gql(REGISTER, { input: worker('64.02.06') }, as(kecamatan));
      expect(inside.body.errors).toBeUndefined();
      for (const p of [kecamatan, regency, samarinda]) {
        const before = await count('select count(*) as n from worker');
        const audits = await count('select count(*) as n from audit_entry');
        const res = await api.gql(REGISTER, { input: worker('63.71.01') }, as(p));
        expect(code(res), p.name).toBe('FORBIDDEN');
        expect(await count('select count(*) as n from worker')).toBe(before);
        expect(await count('select count(*) as n from audit_entry')).toBe(audits);
      }
      const anywhere = await api.gql(REGISTER, { input: worker('63.71.01') }, as(national));
      expect(anywhere.body.errors).toBeUndefined();
    });

    it('does not change, enrol, claim for or budget a record outside the scope', async () => {
      const outside = fixture.workers.find((w) => w.key === 'palaran')!;
      const snapshot = async () =>
        (
          await api.db.pool.query(
            'select (select row_to_json(w) from worker w where id = $1)::text as w, (select count(*) from enrolment) as e, (select count(*) from claim) as c, (select count(*) from budget_allocation) as b',
            [outside.id],
          )
        ).rows[0];
      const before = await snapshot();
      const update = await api.gql(
        'mutation U($id: ID!) { updateWorker(id: $id, input: { occupation: PEDAGANG }) { id } }',
        { id: toGlobalId('Worker', outside.id) },
        as(regency),
      );
      expect(code(update)).toBe('NOT_FOUND');
      const enrol = await api.gql(
        'mutation E($input: EnrolInput!) { enrol(input: $input) { id } }',
        {
          input: {
            workerId: toGlobalId('Worker', outside.id),
            sponsorId: toGlobalId('Sponsor', fixture.sponsors.kukar!.id),
            segment: 'BPU',
            programmes: ['JKK'],
            startDate: '2026-11-01',
            declaredIncome: '1000000',
          },
        },
        as(regency),
      );
      expect(code(enrol)).toBe('NOT_FOUND');
      const claim = await api.gql(
        'mutation S($input: SubmitClaimInput!) { submitClaim(input: $input) { id } }',
        {
          input: {
            enrolmentId: toGlobalId('Enrolment', outside.enrolmentId),
            programme: 'JKK',
            incidentDate: '2026-11-02',
            claimedAmount: '100000',
          },
        },
        as(regency),
      );
      expect(code(claim)).toBe('NOT_FOUND');
      const budget = (p: FixturePrincipal, sponsor: string) =>
        api.gql(
          'mutation B($input: SetBudgetAllocationInput!) { setBudgetAllocation(input: $input) { id } }',
          {
            input: {
              sponsorId: toGlobalId('Sponsor', fixture.sponsors[sponsor]!.id),
              fiscalYear: 2027,
              kind: 'ORIGINAL',
              amount: '1000000000',
            },
          },
          { role: 'admin', scopes: [...p.scopes] },
        );
      expect(code(await budget(regency, 'samarinda'))).toBe('NOT_FOUND');
      // A kecamatan sees its regency's sponsor (its budget pays for them) but does not set the regency's budget.
      expect(code(await budget(kecamatan, 'kukar'))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      expect((await budget(regency, 'kukar')).body.errors).toBeUndefined();
    });

    it('records a month only for the scope’s memberships', async () => {
      const res = await api.gql(
        'mutation C($input: RecordContributionsInput!) { recordContributions(input: $input) { recorded } }',
        { input: { sponsorId: toGlobalId('Sponsor', fixture.sponsors.kukar!.id), month: '2026-11', paidDate: '2026-11-20' } },
        as(kecamatan),
      );
      expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
      const written = await api.db.pool.query(
        `select c.enrolment_id::text as id from contribution c where c.period = '2026-11-01' and c.sponsor_id = $1`,
        [fixture.sponsors.kukar!.id],
      );
      const mine = fixture.workers
        .filter((w) => covers(scopeOf(kecamatan), w.enrolmentRegion) && w.sponsorRegion === '64.02')
        .map((w) => w.enrolmentId);
      expect([...new Set(written.rows.map((r) => r.id))].sort()).toEqual(expect.arrayContaining(mine.sort()));
      const muaraMuntai = fixture.workers.find((w) => w.key === 'muaraMuntai')!;
      expect(written.rows.map((r) => r.id)).not.toContain(muaraMuntai.enrolmentId);
    });

    it('shows an audit entry to the scopes that cover its record, and to no other', async () => {
      const res = await api.gql(REGISTER, { input: worker('64.02.06') }, as(kecamatan));
      const id = res.body.data.registerWorker.id;
      const entries = async (p: FixturePrincipal) =>
        (
          await api.gql(
            'query A($id: String) { auditEntries(entityId: $id) { totalCount } }',
            { id },
            { role: 'operator', scopes: [...p.scopes] },
          )
        ).body.data.auditEntries.totalCount;
      expect(await entries(kecamatan)).toBe(1);
      expect(await entries(regency)).toBe(1);
      expect(await entries(samarinda)).toBe(0);
    });
  });
});
