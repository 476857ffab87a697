import { expect } from 'vitest';
import type { ApiConfig } from '../../platform/config.js';
import { type GqlResponse, startApi, type TestApi } from '../api/api-server.js';

/**
 * The server the hostile-input suite attacks: production mode (no introspection, no IDE, no
 * suggestions), the seeded demo at scale 0.01, and no per-address work bound unless a test asks
 * for one (every request here comes from 127.0.0.1).
 */
export function startProductionApi(api: Partial<ApiConfig> = {}, db?: TestApi['db']): Promise<TestApi> {
  return startApi({
    ...(db ? { db } : { scale: 0.01 }),
    api: { introspection: false, production: true, anonymousWorkMsPerMinute: 0, ...api },
  });
}

/** What every answer to a hostile request must satisfy, whatever it refuses: no 5xx, a code on every error, no internals. */
export function expectContained(res: { status: number; body: GqlResponse['body'] }, tally?: { requests: number; fiveXx: number }): void {
  if (tally) {
    tally.requests++;
    if (res.status >= 500) tally.fiveXx++;
  }
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(500);
  for (const error of res.body.errors ?? []) {
    expect(error.extensions?.code, error.message).toEqual(expect.any(String));
    expect(error.extensions.code, error.message).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).not.toMatch(/\bselect\b.*\bfrom\b|node_modules|\bat .*\.[jt]s:[0-9]+|Did you mean/i);
  }
}

let serial = 5000;

/** A valid NIK for a man born 12 March 1985, with a fresh serial (the suite's workers never collide with the seed's). */
export const freshNik = () => `640206120385${String(serial++).padStart(4, '0')}`;

export const workerInput = (overrides: Record<string, unknown> = {}) => ({
  nik: freshNik(),
  fullName: 'Budi Santoso',
  sex: 'L',
  birthDate: '1985-03-12',
  regionCode: '64.02.06',
  occupation: 'NELAYAN',
  sector: 'INFORMAL',
  ...overrides,
});

export const REGISTER = 'mutation R($input: RegisterWorkerInput!) { registerWorker(input: $input) { id } }';
export const ENROL = 'mutation E($input: EnrolInput!) { enrol(input: $input) { id status membershipNo } }';
export const SUBMIT = 'mutation S($input: SubmitClaimInput!) { submitClaim(input: $input) { id version } }';

/** Row counts of every table a mutation writes, to show a refused request wrote nothing. */
export async function rowCounts(api: TestApi): Promise<{ [table: string]: number; worker: number }> {
  const { rows } = await api.db.pool.query(`select
    (select count(*) from worker)::int as worker, (select count(*) from enrolment)::int as enrolment,
    (select count(*) from claim)::int as claim, (select count(*) from contribution)::int as contribution,
    (select count(*) from budget_allocation)::int as budget_allocation, (select count(*) from audit_entry)::int as audit_entry`);
  return rows[0];
}
