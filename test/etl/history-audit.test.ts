import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mintToken } from '../../server/auth/tokens.js';
import { startApi, type TestApi } from '../api/api-server.js';
import { etlService, openReader, tempWarehouse } from './etl.fixture.js';

/**
 * The ETL's history mode rebuilds a past day from the audit log, so it must find the entries
 * the API writes (schema/audit-key.ts). The clock is moved so each change lands on its own day:
 * the audit entry's time and the server's "today" both follow it.
 */
const D = '2026-11-20';
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const dayBefore = (day: string, n: number) =>
  new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) - n)).toISOString().slice(0, 10);
const plus = (n: number) => dayBefore(D, -n);

describe('history snapshots follow changes made through the API', () => {
  let api: TestApi;
  let warehouse: string;
  let claimId: number;
  let enrolmentId: number;
  let today = plus(-5);

  /** Runs one operation as an operator on `day`, with a token minted on that day. */
  async function on<T = any>(day: string, query: string, variables: Record<string, unknown>): Promise<T> {
    vi.setSystemTime(at(day));
    today = day;
    const token = await mintToken(api.config, { role: 'operator', subject: 'history-tester' });
    const res = await api.gql(query, variables, { token });
    expect(res.body.errors, query).toBeUndefined();
    return res.body.data;
  }

  beforeAll(async () => {
    api = await startApi({ scale: 0.01, today: () => today });
    warehouse = tempWarehouse();
    vi.useFakeTimers({ toFake: ['Date'] });
    const sponsors = await on(plus(-5), '{ sponsors(first: 50) { edges { node { id kind } } } }', {});
    const regency = sponsors.sponsors.edges.find((e: any) => e.node.kind === 'REGENCY_BUDGET').node.id;
    const worker = await on(plus(-5), 'mutation R($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }', {
      input: {
        nik: '6402061203850999',
        fullName: 'Budi Santoso',
        sex: 'L',
        birthDate: '1985-03-12',
        regionCode: '64.02.06',
        occupation: 'NELAYAN',
        sector: 'INFORMAL',
        phone: '0812-3456-7890',
      },
    });
    const enrolment = await on(plus(-5), 'mutation E($input: EnrolInput!) { enrol(input: $input) { id } }', {
      input: {
        workerId: worker.registerWorker.id,
        sponsorId: regency,
        segment: 'BPU',
        programmes: ['JKK', 'JKM'],
        startDate: '2026-11-01',
        declaredIncome: '1000000',
      },
    });
    const submitted = await on(plus(-2), 'mutation S($input: SubmitClaimInput!) { submitClaim(input: $input) { id claimNo version } }', {
      input: { enrolmentId: enrolment.enrol.id, programme: 'JKK', incidentDate: '2026-11-10', claimedAmount: '2500000' },
    });
    const claim = submitted.submitClaim;
    const verified = await on(D, 'mutation V($id: ID!, $v: Int!) { verifyClaim(id: $id, version: $v) { version } }', {
      id: claim.id,
      v: claim.version,
    });
    const approved = await on(
      plus(3),
      'mutation A($id: ID!, $v: Int!) { approveClaim(id: $id, version: $v, approvedAmount: "2000000") { version } }',
      {
        id: claim.id,
        v: verified.verifyClaim.version,
      },
    );
    expect(approved.approveClaim.version).toBe(3);
    await on(plus(3), 'mutation P($id: ID!) { payClaim(id: $id, paymentKey: "history-pay-0001") { status } }', { id: claim.id });
    // Ended on D+3, back-dated to D: on D+1 nobody knew yet.
    await on(plus(3), `mutation X($id: ID!) { endEnrolment(id: $id, input: { endDate: "${D}" }) { status } }`, { id: enrolment.enrol.id });
    vi.useRealTimers();

    const ids = await api.db.pool.query('select c.id as claim, c.enrolment_id as enrolment from claim c where c.claim_no = $1', [
      claim.claimNo,
    ]);
    claimId = Number(ids.rows[0].claim);
    enrolmentId = Number(ids.rows[0].enrolment);
    await etlService(api.db, warehouse).backfill([plus(-1), plus(1), plus(3)]);
  }, 120_000);

  afterAll(async () => {
    vi.useRealTimers();
    await api?.close();
    if (warehouse) fs.rmSync(warehouse, { recursive: true, force: true });
  });

  it('shows a claim SUBMITTED the day before it was verified, VERIFIED the day after, PAID on the day it was paid', async () => {
    const reader = await openReader(warehouse);
    try {
      const rows = await reader.rows<{ day: string; status: string; paid: string | null }>(
        `select cast(snapshot_date as varchar) as day, status, cast(paid_amount as varchar) as paid from claim where id = ${claimId} order by snapshot_date`,
      );
      expect(rows).toEqual([
        { day: plus(-1), status: 'SUBMITTED', paid: null },
        { day: plus(1), status: 'VERIFIED', paid: null },
        { day: plus(3), status: 'PAID', paid: '2000000' },
      ]);
    } finally {
      reader.close();
    }
  });

  it('shows an enrolment ACTIVE with no end date until its end was recorded, then ended', async () => {
    const reader = await openReader(warehouse);
    try {
      const rows = await reader.rows<{ day: string; status: string; end_date: string | null }>(
        `select cast(snapshot_date as varchar) as day, status, cast(end_date as varchar) as end_date from enrolment where id = ${enrolmentId} order by snapshot_date`,
      );
      expect(rows).toEqual([
        { day: plus(-1), status: 'ACTIVE', end_date: null },
        { day: plus(1), status: 'ACTIVE', end_date: null },
        { day: plus(3), status: 'TERMINATED', end_date: D },
      ]);
    } finally {
      reader.close();
    }
  });

  it('stores audit entries by type and primary key, and the API still filters by global id', async () => {
    const stored = await api.db.pool.query(
      `select distinct entity_id from audit_entry where entity_type = 'Claim' and action like '%_CLAIM'`,
    );
    expect(stored.rows).toEqual([{ entity_id: String(claimId) }]);
    const node = (await api.db.pool.query('select claim_no from claim where id = $1', [claimId])).rows[0];
    const byApi = await api.gql('{ claims(first: 100) { edges { node { id claimNo } } } }');
    const globalId = byApi.body.data.claims.edges.find((e: any) => e.node.claimNo === node.claim_no).node.id;
    const audit = await api.gql('query A($id: String) { auditEntries(entityId: $id) { edges { node { action entityId entityType } } } }', {
      id: globalId,
    });
    const entries = audit.body.data.auditEntries.edges.map((e: any) => e.node);
    expect(entries.map((e: any) => e.action).sort()).toEqual(['APPROVE_CLAIM', 'PAY_CLAIM', 'SUBMIT_CLAIM', 'VERIFY_CLAIM']);
    expect(new Set(entries.map((e: any) => e.entityId))).toEqual(new Set([globalId]));
  });
});
