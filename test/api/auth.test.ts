import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../server/auth/tokens.js';
import { code, startApi, type TestApi } from './api-server.js';

const MASKED_NIK = /^[0-9]{4}\*{12}$/;
const WORKER = 'id nik fullName birthDate birthYear phone enrolments { membershipNo }';

describe('access control', () => {
  let api: TestApi;
  let workerId: string;
  let claimId: string;
  let realNiks: string[];

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    const row = (
      await api.db.pool.query(`select w.id as w, c.id as c from claim c join enrolment e on e.id = c.enrolment_id
      join worker w on w.id = e.worker_id where w.phone is not null order by c.id limit 1`)
    ).rows[0];
    workerId = Buffer.from(`Worker:${row.w}`).toString('base64url');
    claimId = Buffer.from(`Claim:${row.c}`).toString('base64url');
    realNiks = (await api.db.pool.query('select nik from worker')).rows.map((r) => r.nik);
  });
  afterAll(() => api?.close());

  const unauthenticated = (res: { status: number; body: any }, reason: RegExp) => {
    expect(res.status).toBe(401);
    expect(code(res as never)).toBe('UNAUTHENTICATED');
    expect(res.body.errors[0].message).toMatch(reason);
    expect(res.body.data).toBeUndefined();
  };

  describe('tokens', () => {
    it('needs a token for everything but the public region list', async () => {
      const res = await api.gql('{ workers(first: 1) { totalCount } }', {}, { role: null });
      expect(code(res)).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeNull();
      expect((await api.gql('{ regions(level: PROVINCE) { code } }', {}, { role: null })).body.data.regions.length).toBe(38);
    });

    it('refuses expired, forged, malformed, alg-none, wrong-audience and role-less tokens with 401 UNAUTHENTICATED', async () => {
      const expired = await mintToken(api.config, { role: 'admin', subject: 'old', expiresIn: Math.floor(Date.now() / 1000) - 60 });
      unauthenticated(await api.gql('{ me { role } }', {}, { token: expired }), /expired/);
      const forged = await mintToken(
        { ...api.config, jwtSecret: 'an-attacker-who-guessed-wrong-0123456789' },
        { role: 'admin', subject: 'x' },
      );
      unauthenticated(await api.gql('{ me { role } }', {}, { token: forged }), /signature/);
      unauthenticated(await api.gql('{ me { role } }', {}, { token: 'not.a.jwt' }), /malformed/);
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', role: 'admin', iss: 'lindung', aud: 'lindung-api', exp: 9999999999 })}.`;
      unauthenticated(await api.gql('{ me { role } }', {}, { token: none }), /malformed|algorithm/);
      const audience = await mintToken({ ...api.config, jwtAudience: 'another-api' }, { role: 'admin', subject: 'x' });
      unauthenticated(await api.gql('{ me { role } }', {}, { token: audience }), /aud/);
      const noRole = await new SignJWT({ role: 'superuser' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer('lindung')
        .setAudience('lindung-api')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(api.config.jwtSecret));
      unauthenticated(await api.gql('{ me { role } }', {}, { token: noRole }), /role/);
      const res = await api.post({ query: '{ me { role } }' }, { authorization: 'Basic dXNlcjpwYXNz' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('verifies tokens against a JWKS URL when one is configured', async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
      const jwks = http.createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
      const other = await startApi({ db: api.db, api: { jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json` } });
      try {
        const token = await new SignJWT({ role: 'analyst', scopes: ['*'] })
          .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
          .setSubject('sso-user')
          .setIssuer('lindung')
          .setAudience('lindung-api')
          .setExpirationTime('5m')
          .sign(privateKey);
        expect((await other.gql('{ me { subject role } }', {}, { token })).body.data.me).toEqual({ subject: 'sso-user', role: 'analyst' });
        // The shared secret no longer opens anything once a JWKS is configured.
        unauthenticated(await other.gql('{ me { role } }', {}, { token: await api.token('admin') }), /algorithm|signature/);
      } finally {
        await other.close();
        jwks.close();
      }
    });
  });

  describe('roles', () => {
    it('tells the caller who they are', async () => {
      expect((await api.gql('{ me { subject role seesPersonalData } }', {}, { role: 'analyst' })).body.data.me).toEqual({
        subject: 'analyst-tester',
        role: 'analyst',
        seesPersonalData: false,
      });
    });

    it('refuses writes to viewer and analyst, budgets to operator, and the audit log to viewer, with FORBIDDEN', async () => {
      const register = `mutation { registerWorker(input: { nik: "6402061203850999", fullName: "X Y", sex: L, birthDate: "1985-03-12",
        regionCode: "64.02.06", occupation: PETANI, sector: INFORMAL }) { id } }`;
      for (const role of ['viewer', 'analyst'] as const) {
        const res = await api.gql(register, {}, { role });
        expect(code(res)).toBe('FORBIDDEN');
        expect(res.body.errors![0]!.message).toBe(`role ${role} may not use registerWorker: it needs operator or admin`);
      }
      const budget = await api.gql(
        `mutation { setBudgetAllocation(input: { sponsorId: "${Buffer.from('Sponsor:1').toString('base64url')}",
        fiscalYear: 2030, kind: ORIGINAL, amount: "1" }) { id } }`,
        {},
        { role: 'operator' },
      );
      expect(code(budget)).toBe('FORBIDDEN');
      expect(code(await api.gql('{ auditEntries { totalCount } }', {}, { role: 'viewer' }))).toBe('FORBIDDEN');
      const entry = (await api.db.pool.query('select id from audit_entry limit 1')).rows[0].id;
      const viaNode = await api.gql(
        'query N($id: ID!) { node(id: $id) { id } }',
        { id: Buffer.from(`AuditEntry:${entry}`).toString('base64url') },
        { role: 'analyst' },
      );
      expect(code(viaNode)).toBe('FORBIDDEN');
      expect(await api.db.pool.query(`select 1 from worker where nik = '6402061203850999'`).then((r) => r.rowCount)).toBe(0);
    });

    it('refuses a name or NIK search to roles without personal-data access (it would reveal who is enrolled)', async () => {
      const res = await api.gql('{ workers(filter: { search: "Budi" }) { totalCount } }', {}, { role: 'viewer' });
      expect(code(res)).toBe('FORBIDDEN');
    });
  });

  describe('personal data', () => {
    it('is masked for viewer and analyst in lists, nested objects and node(id:), and shown to operator and admin', async () => {
      const query = `query P($worker: ID!, $claim: ID!) {
        workers(first: 20) { edges { node { ${WORKER} } } }
        node(id: $worker) { ... on Worker { ${WORKER} } }
        claim: node(id: $claim) { ... on Claim { enrolment { membershipNo worker { ${WORKER} } } } }
        claims(first: 20) { edges { node { enrolment { worker { nik fullName phone } } } } }
        enrolments(first: 20) { edges { node { membershipNo worker { nik fullName birthDate } } } }
      }`;
      for (const role of ['viewer', 'analyst'] as const) {
        const res = await api.gql(query, { worker: workerId, claim: claimId }, { role });
        expect(res.body.errors).toBeUndefined();
        const text = JSON.stringify(res.body);
        for (const nik of realNiks) expect(text).not.toContain(nik);
        const workers = [
          ...res.body.data.workers.edges.map((e: any) => e.node),
          res.body.data.node,
          res.body.data.claim.enrolment.worker,
          ...res.body.data.claims.edges.map((e: any) => e.node.enrolment.worker),
          ...res.body.data.enrolments.edges.map((e: any) => e.node.worker),
        ];
        for (const w of workers) {
          expect(w.nik).toMatch(MASKED_NIK);
          expect(w.fullName).toMatch(/^([A-Za-z'.-]\*\*\*( |$))+$/);
          if ('birthDate' in w) expect(w.birthDate).toBeNull();
          if (w.phone) expect(w.phone).toMatch(/^\+62\*+$/);
        }
        expect(res.body.data.node.birthYear).toBeGreaterThan(1900);
        expect(res.body.data.node.phone).toMatch(/^\+62\*+$/);
        expect(res.body.data.claim.enrolment.membershipNo).toMatch(/^[A-Z0-9]{4}\*+$/);
      }
      for (const role of ['operator', 'admin'] as const) {
        const res = await api.gql(query, { worker: workerId, claim: claimId }, { role });
        expect(realNiks).toContain(res.body.data.node.nik);
        expect(res.body.data.node.birthDate).toMatch(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
        expect(res.body.data.claim.enrolment.worker.phone).toMatch(/^\+62[0-9]+$/);
      }
    });
  });
});
