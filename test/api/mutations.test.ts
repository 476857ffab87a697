import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type TestApi } from './api-server.js';

const WORKER_FIELDS = 'id nik fullName sex birthDate occupation sector phone region { code }';
const CLAIM_FIELDS = 'id claimNo status version claimedAmount approvedAmount paidAmount paidDate rejectionReason';
const REGISTER = `mutation Register($input: RegisterWorkerInput!) { registerWorker(input: $input) { ${WORKER_FIELDS} } }`;
const ENROL = `mutation Enrol($input: EnrolInput!) { enrol(input: $input) { id status membershipNo programmes startDate } }`;
const SUBMIT = `mutation Submit($input: SubmitClaimInput!) { submitClaim(input: $input) { ${CLAIM_FIELDS} } }`;
const VERIFY = `mutation Verify($id: ID!, $version: Int!) { verifyClaim(id: $id, version: $version) { ${CLAIM_FIELDS} } }`;
const APPROVE = `mutation Approve($id: ID!, $version: Int!, $amount: Rupiah!) { approveClaim(id: $id, version: $version, approvedAmount: $amount) { ${CLAIM_FIELDS} } }`;
const PAY = `mutation Pay($id: ID!, $key: String!) { payClaim(id: $id, paymentKey: $key) { ${CLAIM_FIELDS} } }`;

let serial = 100;
/** A valid NIK for a man born 12 March 1985, registered in Tenggarong, with a fresh serial. */
const nik = () => `640206120385${String(serial++).padStart(4, '0')}`;
const workerInput = (overrides: Record<string, unknown> = {}) => ({
  nik: nik(),
  fullName: 'Budi Santoso',
  sex: 'L',
  birthDate: '1985-03-12',
  regionCode: '64.02.06',
  occupation: 'NELAYAN',
  sector: 'INFORMAL',
  phone: '0812-3456-7890',
  ...overrides,
});

describe('mutations over HTTP', () => {
  let api: TestApi;
  let regency: string;
  let csr: string;
  const count = async (sql: string, params: unknown[] = []) => Number((await api.db.pool.query(sql, params)).rows[0].n);

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    const sponsors = await api.gql('{ sponsors(first: 50) { edges { node { id kind } } } }');
    const nodes = sponsors.body.data.sponsors.edges.map((e: any) => e.node);
    regency = nodes.find((s: any) => s.kind === 'REGENCY_BUDGET').id;
    csr = nodes.find((s: any) => s.kind === 'COMPANY_CSR').id;
  });
  afterAll(() => api?.close());

  async function newWorker(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await api.gql(REGISTER, { input: workerInput(overrides) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.registerWorker.id;
  }

  async function newEnrolment(workerId: string, startDate = '2026-11-01'): Promise<string> {
    const res = await api.gql(ENROL, {
      input: { workerId, sponsorId: regency, segment: 'BPU', programmes: ['JKK', 'JKM'], startDate, declaredIncome: '1000000' },
    });
    expect(res.body.errors).toBeUndefined();
    return res.body.data.enrol.id;
  }

  async function approvedClaim(): Promise<any> {
    const enrolmentId = await newEnrolment(await newWorker());
    const submitted = await api.gql(SUBMIT, {
      input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', claimedAmount: '2500000' },
    });
    const s = submitted.body.data.submitClaim;
    const verified = (await api.gql(VERIFY, { id: s.id, version: s.version })).body.data.verifyClaim;
    return (await api.gql(APPROVE, { id: s.id, version: verified.version, amount: '2000000' })).body.data.approveClaim;
  }

  describe('workers', () => {
    it('registers a worker, normalises the phone, and audits who, when, which request, before and after', async () => {
      const input = workerInput();
      const res = await api.gql(REGISTER, { input }, { headers: { 'x-request-id': 'req-register-1' } });
      expect(res.body.errors).toBeUndefined();
      const worker = res.body.data.registerWorker;
      expect(worker).toMatchObject({ nik: input.nik, fullName: 'Budi Santoso', phone: '+6281234567890', region: { code: '64.02.06' } });
      const audit = await api.gql(
        'query A($id: String) { auditEntries(entityId: $id, first: 5) { edges { node { actor action entityType requestId occurredAt before after } } } }',
        { id: worker.id },
      );
      const entry = audit.body.data.auditEntries.edges[0].node;
      expect(entry).toMatchObject({
        actor: 'operator-tester',
        action: 'REGISTER_WORKER',
        entityType: 'Worker',
        requestId: 'req-register-1',
        before: null,
      });
      expect(entry.after).toMatchObject({ nik: input.nik, fullName: 'Budi Santoso' });
      expect(Date.parse(entry.occurredAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('refuses an invalid NIK, as a variable or a literal, with BAD_USER_INPUT and the argument path, writing nothing', async () => {
      const before = await count('select count(*) as n from worker');
      const asVariable = await api.gql(REGISTER, { input: workerInput({ nik: '64020612038' }) });
      expect(code(asVariable)).toBe('BAD_USER_INPUT');
      expect(asVariable.body.errors![0]!.extensions.argumentPath).toBe('input.nik');
      expect(asVariable.body.errors![0]!.message).toMatch(/16 digits/);
      const literal =
        await api.gql(`mutation { registerWorker(input: { nik: "6402061203850000", fullName: "X", sex: L, birthDate: "1985-03-12",
        regionCode: "64.02.06", occupation: PETANI, sector: INFORMAL }) { id } }`);
      expect(code(literal)).toBe('BAD_USER_INPUT');
      expect(literal.body.errors![0]!.extensions.argumentPath).toBe('input.nik');
      expect(literal.body.errors![0]!.message).toMatch(/serial/);
      const mismatch = await api.gql(REGISTER, { input: workerInput({ birthDate: '1985-03-13' }) });
      expect(code(mismatch)).toBe('BAD_USER_INPUT');
      expect(mismatch.body.errors![0]!.extensions.argumentPath).toBe('input.nik');
      expect(mismatch.body.errors![0]!.message).toMatch(/birth/);
      expect(await count('select count(*) as n from worker')).toBe(before);
    });

    it('refuses a NIK that is already registered with CONFLICT', async () => {
      const input = workerInput();
      await api.gql(REGISTER, { input });
      const again = await api.gql(REGISTER, { input: { ...input, fullName: 'Someone Else' } });
      expect(code(again)).toBe('CONFLICT');
      expect(again.body.errors![0]!.extensions.argumentPath).toBe('input.nik');
      expect(JSON.stringify(again.body)).not.toMatch(/duplicate key|insert into|constraint "/i);
    });

    it('updates a worker, audited with the record before and after', async () => {
      const id = await newWorker();
      const res = await api.gql(
        'mutation U($id: ID!, $input: UpdateWorkerInput!) { updateWorker(id: $id, input: $input) { occupation phone } }',
        {
          id,
          input: { occupation: 'PEDAGANG', phone: null },
        },
      );
      expect(res.body.data.updateWorker).toEqual({ occupation: 'PEDAGANG', phone: null });
      const audit = await api.gql('query A($id: String) { auditEntries(entityId: $id) { edges { node { action before after } } } }', {
        id,
      });
      const update = audit.body.data.auditEntries.edges.find((e: any) => e.node.action === 'UPDATE_WORKER').node;
      expect(update.before).toMatchObject({ occupation: 'NELAYAN', phone: '+6281234567890' });
      expect(update.after).toMatchObject({ occupation: 'PEDAGANG', phone: null });
    });
  });

  describe('enrolments', () => {
    it('enrols a worker (ACTIVE from today, PENDING in the future) and ends it once', async () => {
      const workerId = await newWorker();
      const res = await api.gql(ENROL, {
        input: {
          workerId,
          sponsorId: regency,
          segment: 'BPU',
          programmes: ['JKM', 'JKK', 'JKK'],
          startDate: '2026-11-01',
          declaredIncome: '1000000',
        },
      });
      expect(res.body.data.enrol).toMatchObject({ status: 'ACTIVE', programmes: ['JKK', 'JKM'], startDate: '2026-11-01' });
      expect(res.body.data.enrol.membershipNo).toMatch(/^BPU26[0-9]{8}$/);
      const nextInput = {
        workerId,
        sponsorId: regency,
        segment: 'BPU',
        programmes: ['JKK'],
        startDate: '2026-12-01',
        declaredIncome: '1000000',
      };
      // While the open-ended one runs, a second with the same sponsor would pay December twice.
      const overlapping = await api.gql(ENROL, { input: nextInput });
      expect(code(overlapping)).toBe('CONFLICT');
      expect(overlapping.body.errors![0]!.message).toMatch(/already has ACTIVE enrolment BPU26[0-9]{8} with this sponsor/);
      const END = 'mutation E($id: ID!) { endEnrolment(id: $id, input: { endDate: "2026-11-30" }) { status endDate } }';
      const ended = await api.gql(END, { id: res.body.data.enrol.id });
      expect(ended.body.data.endEnrolment).toEqual({ status: 'TERMINATED', endDate: '2026-11-30' });
      const again = await api.gql(END, { id: res.body.data.enrol.id });
      expect(code(again)).toBe('ILLEGAL_TRANSITION');
      expect(again.body.errors![0]!.extensions).toMatchObject({ from: 'TERMINATED', action: 'end' });
      const future = await api.gql(ENROL, { input: nextInput });
      expect(future.body.data.enrol.status).toBe('PENDING');
      const actions = await count(
        `select count(*) as n from audit_entry where action in ('ENROL', 'END_ENROLMENT') and actor = 'operator-tester'`,
      );
      expect(actions).toBeGreaterThanOrEqual(3);
    });

    it('refuses JP and JKP for a sponsored informal (BPU) member', async () => {
      const workerId = await newWorker();
      const before = await count('select count(*) as n from enrolment');
      const res = await api.gql(ENROL, {
        input: {
          workerId,
          sponsorId: regency,
          segment: 'BPU',
          programmes: ['JKK', 'JKM', 'JP'],
          startDate: '2026-11-01',
          declaredIncome: '1000000',
        },
      });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.extensions.argumentPath).toBe('input.programmes');
      expect(res.body.errors![0]!.message).toMatch(/JP.*not open to BPU/);
      expect(await count('select count(*) as n from enrolment')).toBe(before);
    });

    it('refuses an enrolment that the sponsor’s remaining budget for the year cannot pay, saying so', async () => {
      const BUDGET = 'query B($id: ID!) { dashboard { sponsorBudget(sponsorId: $id, year: 2027) { allocated paid committed available } } }';
      const position = (await api.gql(BUDGET, { id: csr })).body.data.dashboard.sponsorBudget;
      const perYear = 12n * 16_800n;
      const allocation = BigInt(position.committed) + perYear + 100_000n;
      const set = await api.gql(
        'mutation S($input: SetBudgetAllocationInput!) { setBudgetAllocation(input: $input) { fiscalYear kind amount } }',
        { input: { sponsorId: csr, fiscalYear: 2027, kind: 'REVISED', amount: allocation.toString() } },
        { role: 'admin' },
      );
      expect(set.body.data.setBudgetAllocation).toEqual({ fiscalYear: 2027, kind: 'REVISED', amount: allocation.toString() });
      expect((await api.gql(BUDGET, { id: csr })).body.data.dashboard.sponsorBudget.available).toBe((perYear + 100_000n).toString());

      const input = (workerId: string) => ({
        workerId,
        sponsorId: csr,
        segment: 'BPU',
        programmes: ['JKK', 'JKM'],
        startDate: '2027-01-01',
        declaredIncome: '1000000',
      });
      const first = await api.gql(ENROL, { input: input(await newWorker()) });
      expect(first.body.errors).toBeUndefined();
      expect((await api.gql(BUDGET, { id: csr })).body.data.dashboard.sponsorBudget.available).toBe('100000');
      const second = await api.gql(ENROL, { input: input(await newWorker()) });
      expect(code(second)).toBe('BUDGET_EXCEEDED');
      expect(second.body.errors![0]!.message).toMatch(/remaining budget for 2027 cannot pay this enrolment/);
      expect(second.body.errors![0]!.message).toMatch(/Rp 100\.000.*needs Rp 201\.600 \(12 months × Rp 16\.800\)/);
      expect(second.body.errors![0]!.extensions).toMatchObject({ year: 2027, available: '100000', needed: '201600' });
    });
  });

  describe('contributions', () => {
    it('records a month for a sponsor in one batch; recording it again changes nothing', async () => {
      const RECORD = `mutation R($input: RecordContributionsInput!) { recordContributions(input: $input) {
        month expected recorded alreadyRecorded recordedAmount sponsor { kind } } }`;
      const input = { sponsorId: regency, month: '2026-12', paidDate: '2026-12-10' };
      const sum = () =>
        api.db.pool.query(`select count(*)::int as n, sum(amount)::text as total from contribution where period = '2026-12-01'`);
      const first = await api.gql(RECORD, { input });
      expect(first.body.errors).toBeUndefined();
      const batch = first.body.data.recordContributions;
      expect(batch.month).toBe('2026-12');
      expect(batch.recorded).toBeGreaterThan(0);
      expect(batch.recorded).toBe(batch.expected);
      const after = (await sum()).rows[0];
      expect(after.total).toBe(batch.recordedAmount);
      // Rates do not change within a year: each member's December amount equals their seeded November one.
      const differing = await count(`select count(*) as n from contribution d join contribution n on n.enrolment_id = d.enrolment_id
        and n.programme = d.programme and n.period = '2026-11-01' where d.period = '2026-12-01' and d.amount <> n.amount`);
      expect(differing).toBe(0);
      expect(await count(`select count(*) as n from contribution where period = '2026-12-01' and programme = 'JKP'`)).toBe(0);
      const again = await api.gql(RECORD, { input });
      expect(again.body.data.recordContributions).toMatchObject({ recorded: 0, alreadyRecorded: batch.expected, recordedAmount: '0' });
      expect((await sum()).rows[0]).toEqual(after);
      expect(await count(`select count(*) as n from audit_entry where action = 'RECORD_CONTRIBUTIONS'`)).toBe(1);
    });
  });

  describe('claims', () => {
    it('moves a claim through submit → verify → approve → pay, each step audited', async () => {
      const claim = await approvedClaim();
      expect(claim).toMatchObject({ status: 'APPROVED', approvedAmount: '2000000', version: 3 });
      const paid = await api.gql(PAY, { id: claim.id, key: 'pay-0001-abcdef' });
      expect(paid.body.data.payClaim).toMatchObject({ status: 'PAID', paidAmount: '2000000', paidDate: '2026-11-26', version: 4 });
      const audit = await api.gql('query A($id: String) { auditEntries(entityId: $id) { edges { node { action before after } } } }', {
        id: claim.id,
      });
      const actions = audit.body.data.auditEntries.edges.map((e: any) => e.node.action);
      expect(actions.sort()).toEqual(['APPROVE_CLAIM', 'PAY_CLAIM', 'SUBMIT_CLAIM', 'VERIFY_CLAIM']);
      const pay = audit.body.data.auditEntries.edges.find((e: any) => e.node.action === 'PAY_CLAIM').node;
      expect(pay.before).toMatchObject({ status: 'APPROVED', paidAmount: null });
      expect(pay.after).toMatchObject({ status: 'PAID', paidAmount: '2000000' });
    });

    it('refuses illegal workflow transitions with ILLEGAL_TRANSITION and changes nothing', async () => {
      const enrolmentId = await newEnrolment(await newWorker());
      const s = (await api.gql(SUBMIT, { input: { enrolmentId, programme: 'JKM', incidentDate: '2026-11-20', claimedAmount: '42000000' } }))
        .body.data.submitClaim;
      const pay = await api.gql(PAY, { id: s.id, key: 'pay-illegal-0001' });
      expect(code(pay)).toBe('ILLEGAL_TRANSITION');
      expect(pay.body.errors![0]!.message).toBe('claim is SUBMITTED: cannot pay it');
      const approve = await api.gql(APPROVE, { id: s.id, version: s.version, amount: '1' });
      expect(code(approve)).toBe('ILLEGAL_TRANSITION');
      const reject = await api.gql(
        'mutation R($id: ID!, $v: Int!) { rejectClaim(id: $id, version: $v, reason: "no death certificate") { status rejectionReason version } }',
        {
          id: s.id,
          v: s.version,
        },
      );
      expect(reject.body.data.rejectClaim).toEqual({ status: 'REJECTED', rejectionReason: 'no death certificate', version: 2 });
      const verify = await api.gql(VERIFY, { id: s.id, version: 2 });
      expect(code(verify)).toBe('ILLEGAL_TRANSITION');
      const row = (await api.db.pool.query('select status, version from claim where claim_no = $1', [s.claimNo])).rows[0];
      expect(row).toEqual({ status: 'REJECTED', version: 2 });
    });

    it('refuses fractional, negative, numeric and out-of-range rupiah with BAD_USER_INPUT', async () => {
      const enrolmentId = await newEnrolment(await newWorker());
      for (const [amount, rule] of [
        ['1500000.50', /fraction/],
        ['-5', /negative/],
        [1500000, /string of digits/],
        ['1e6', /digits/],
        ['9223372036854775808', /BIGINT/],
        ['Rp 1.000', /digits/],
      ] as const) {
        const res = await api.gql(SUBMIT, { input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', claimedAmount: amount } });
        expect(code(res), String(amount)).toBe('BAD_USER_INPUT');
        expect(res.body.errors![0]!.extensions.argumentPath).toBe('input.claimedAmount');
        expect(res.body.errors![0]!.message).toMatch(rule);
      }
      const literal =
        await api.gql(`mutation { submitClaim(input: { enrolmentId: "${enrolmentId}", programme: JKK, incidentDate: "2026-11-20",
        claimedAmount: "10.5" }) { id } }`);
      expect(code(literal)).toBe('BAD_USER_INPUT');
      expect(literal.body.errors![0]!.extensions.argumentPath).toBe('input.claimedAmount');
      const big = await api.gql(SUBMIT, {
        input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', claimedAmount: '9876543210' },
      });
      expect(big.body.data.submitClaim.claimedAmount).toBe('9876543210');
    });

    it('pays once per idempotency key, however often and however concurrently it is retried', async () => {
      const claim = await approvedClaim();
      const results = await Promise.all(Array.from({ length: 5 }, () => api.gql(PAY, { id: claim.id, key: 'retry-key-0001' })));
      for (const r of results) {
        expect(r.body.errors).toBeUndefined();
        expect(r.body.data.payClaim).toMatchObject({ status: 'PAID', paidAmount: '2000000', version: 4 });
      }
      const later = await api.gql(PAY, { id: claim.id, key: 'retry-key-0001' });
      expect(later.body.data.payClaim.status).toBe('PAID');
      const claimNo = claim.claimNo;
      expect(await count(`select count(*) as n from audit_entry where action = 'PAY_CLAIM' and after->>'claimNo' = $1`, [claimNo])).toBe(1);
      const other = await approvedClaim();
      const reused = await api.gql(PAY, { id: other.id, key: 'retry-key-0001' });
      expect(code(reused)).toBe('CONFLICT');
      expect(reused.body.errors![0]!.message).toContain(claimNo);
      const otherKey = await api.gql(PAY, { id: claim.id, key: 'another-key-0002' });
      expect(code(otherKey)).toBe('ILLEGAL_TRANSITION');
    });

    it('of concurrent approvals of one claim exactly one succeeds; the others get CONFLICT', async () => {
      const enrolmentId = await newEnrolment(await newWorker());
      const s = (await api.gql(SUBMIT, { input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', claimedAmount: '900000' } }))
        .body.data.submitClaim;
      const v = (await api.gql(VERIFY, { id: s.id, version: s.version })).body.data.verifyClaim;
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => api.gql(APPROVE, { id: s.id, version: v.version, amount: String(800000 + i) })),
      );
      const ok = results.filter((r) => !r.body.errors);
      expect(ok).toHaveLength(1);
      expect(results.filter((r) => code(r) === 'CONFLICT')).toHaveLength(5);
      const row = (
        await api.db.pool.query('select status, version, approved_amount::text as a from claim where claim_no = $1', [s.claimNo])
      ).rows[0];
      expect(row).toEqual({ status: 'APPROVED', version: 3, a: ok[0]!.body.data.approveClaim.approvedAmount });
      expect(
        await count(`select count(*) as n from audit_entry where action = 'APPROVE_CLAIM' and after->>'claimNo' = $1`, [s.claimNo]),
      ).toBe(1);
    });

    it('refuses a stale version with CONFLICT', async () => {
      const enrolmentId = await newEnrolment(await newWorker());
      const s = (await api.gql(SUBMIT, { input: { enrolmentId, programme: 'JKK', incidentDate: '2026-11-20', claimedAmount: '900000' } }))
        .body.data.submitClaim;
      await api.gql(VERIFY, { id: s.id, version: s.version });
      const stale = await api.gql(APPROVE, { id: s.id, version: s.version, amount: '1' });
      expect(code(stale)).toBe('CONFLICT');
      expect(stale.body.errors![0]!.message).toMatch(/changed by someone else \(version 2, you sent 1\)/);
    });

    it('refuses a JP or JKP claim for a sponsored informal member, and a claim outside coverage', async () => {
      const enrolmentId = await newEnrolment(await newWorker());
      for (const programme of ['JP', 'JKP']) {
        const res = await api.gql(SUBMIT, { input: { enrolmentId, programme, incidentDate: '2026-11-20', claimedAmount: '1000000' } });
        expect(code(res)).toBe('BAD_USER_INPUT');
        expect(res.body.errors![0]!.extensions.argumentPath).toBe('input.programme');
        expect(res.body.errors![0]!.message).toMatch(/not open to BPU/);
      }
      const early = await api.gql(SUBMIT, {
        input: { enrolmentId, programme: 'JKK', incidentDate: '2026-10-20', claimedAmount: '1000000' },
      });
      expect(early.body.errors![0]!.extensions.argumentPath).toBe('input.incidentDate');
    });
  });
});
