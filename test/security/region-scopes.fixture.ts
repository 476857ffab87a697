import type pg from 'pg';
import { covers, parseScopeClaim, type RegionScope } from '../../schema/region-scope.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { insertRow } from '../helpers/fixtures.js';

/**
 * A small country for the scope matrix, written as the migration role (which row-level security
 * does not hold): two kecamatan of Kutai Kartanegara, one of Samarinda (same province), one of
 * Banjarmasin (another province), each regency with its own APBD sponsor, and one worker who
 * moved from Tenggarong to Samarinda after enrolling there. Every expectation of the matrix is
 * computed from these rows' regions, never written down.
 */
export interface FixtureWorker {
  key: string;
  id: string;
  /** Where they live now. */
  domicile: string;
  /** Every region they lived in (a worker is seen where their history is). */
  history: string[];
  enrolmentId: string;
  /** The enrolment's region: the domicile when it started (it stays there). */
  enrolmentRegion: string;
  /** The paying sponsor's region. */
  sponsorRegion: string;
  claimId: string;
  contributionId: string;
}

export interface FixtureSponsor {
  id: string;
  region: string;
  allocationId: string;
}

export interface ScopeFixture {
  workers: FixtureWorker[];
  sponsors: Record<string, FixtureSponsor>;
  employers: Array<{ id: string; region: string }>;
}

const SPONSORS = { kukar: '64.02', samarinda: '64.72', banjarmasin: '63.71' } as const;

const WORKERS = [
  { key: 'tenggarong', domicile: '64.02.06', sponsor: 'kukar' },
  { key: 'muaraMuntai', domicile: '64.02.01', sponsor: 'kukar' },
  { key: 'palaran', domicile: '64.72.01', sponsor: 'samarinda' },
  { key: 'banjarmasin', domicile: '63.71.01', sponsor: 'banjarmasin' },
  { key: 'moved', domicile: '64.02.06', sponsor: 'kukar', movesTo: '64.72.01' },
] as const;

export async function insertScopeFixture(pool: pg.Pool, tag: string): Promise<ScopeFixture> {
  const sponsors: Record<string, FixtureSponsor> = {};
  for (const [key, region] of Object.entries(SPONSORS)) {
    const id = await insertRow(pool, 'sponsor', {
      code: `APBD-${tag}-${key}`,
      name: `APBD ${key}`,
      kind: 'REGENCY_BUDGET',
      region_code: region,
    });
    const allocationId = await insertRow(pool, 'budget_allocation', {
      sponsor_id: id,
      fiscal_year: 2026,
      kind: 'ORIGINAL',
      amount: 5_000_000_000,
    });
    sponsors[key] = { id, region, allocationId };
  }
  const employers = [];
  for (const region of ['64.02.06', '64.72.01']) {
    employers.push({
      id: await insertRow(pool, 'employer', { code: `EMP-${tag}-${region}`, name: `PT ${region}`, region_code: region }),
      region,
    });
  }
  const workers: FixtureWorker[] = [];
  let serial = 9000;
  for (const w of WORKERS) {
    serial += 1;
    const sponsor = sponsors[w.sponsor]!;
    const id = await insertRow(pool, 'worker', {
      nik: `640206120385${serial}`,
      full_name: `Pekerja ${w.key}`,
      sex: 'L',
      birth_date: '1985-03-12',
      region_code: w.domicile,
      occupation: 'PETANI',
      sector: 'INFORMAL',
    });
    const enrolmentId = await insertRow(pool, 'enrolment', {
      membership_no: `BPU-${tag}-${w.key}`,
      worker_id: id,
      sponsor_id: sponsor.id,
      segment: 'BPU',
      programmes: ['JKK', 'JKM'],
      start_date: '2026-01-01',
      declared_income: 1_000_000,
      status: 'ACTIVE',
    });
    const contributionId = await insertRow(pool, 'contribution', {
      enrolment_id: enrolmentId,
      period: '2026-10-01',
      programme: 'JKK',
      amount: 10_000,
      paid_date: '2026-10-05',
      sponsor_id: sponsor.id,
    });
    const claimId = await insertRow(pool, 'claim', {
      claim_no: `KLM-${tag}-${w.key}`,
      enrolment_id: enrolmentId,
      programme: 'JKK',
      incident_date: '2026-10-10',
      submitted_date: '2026-10-12',
      status: 'SUBMITTED',
      claimed_amount: 2_500_000,
    });
    const history: string[] = [w.domicile];
    let domicile: string = w.domicile;
    if ('movesTo' in w) {
      await pool.query('update worker set region_code = $1 where id = $2', [w.movesTo, id]);
      history.push(w.movesTo);
      domicile = w.movesTo;
    }
    workers.push({
      key: w.key,
      id,
      domicile,
      history,
      enrolmentId,
      enrolmentRegion: w.domicile,
      sponsorRegion: sponsor.region,
      claimId,
      contributionId,
    });
  }
  return { workers, sponsors, employers };
}

/** The four principals of the matrix, and a regency the moved worker went to. */
export const PRINCIPALS = [
  { name: 'kecamatan operator', role: 'operator', scopes: ['64.02.06'] },
  { name: 'regency operator', role: 'operator', scopes: ['64.02'] },
  { name: 'provincial viewer', role: 'viewer', scopes: ['64'] },
  { name: 'national admin', role: 'admin', scopes: ['*'] },
  { name: 'Samarinda operator', role: 'operator', scopes: ['64.72'] },
] as const;

export type FixturePrincipal = (typeof PRINCIPALS)[number];

export const scopeOf = (p: FixturePrincipal): RegionScope => parseScopeClaim(p.scopes);

/** What each path should show the principal, from the rows' regions and the scope rule. */
export function expected(fixture: ScopeFixture, p: FixturePrincipal) {
  const scope = scopeOf(p);
  const seenWorkers = fixture.workers.filter((w) => w.history.some((r) => covers(scope, r)) || covers(scope, w.sponsorRegion));
  const seenEnrolments = fixture.workers.filter((w) => covers(scope, w.enrolmentRegion) || covers(scope, w.sponsorRegion));
  const seenSponsors = Object.values(fixture.sponsors).filter(
    (s) =>
      covers(scope, s.region) ||
      (!scope.national && scope.codes.some((c) => c.startsWith(`${s.region}.`))) ||
      seenEnrolments.some((w) => w.sponsorRegion === s.region),
  );
  return {
    workers: gids(
      'Worker',
      seenWorkers.map((w) => w.id),
    ),
    enrolments: gids(
      'Enrolment',
      seenEnrolments.map((w) => w.enrolmentId),
    ),
    claims: gids(
      'Claim',
      seenEnrolments.map((w) => w.claimId),
    ),
    contributions: gids(
      'Contribution',
      seenEnrolments.map((w) => w.contributionId),
    ),
    sponsors: gids(
      'Sponsor',
      seenSponsors.map((s) => s.id),
    ),
    allocations: gids(
      'BudgetAllocation',
      seenSponsors.map((s) => s.allocationId),
    ),
    employers: gids(
      'Employer',
      fixture.employers.filter((e) => covers(scope, e.region)).map((e) => e.id),
    ),
    unseenWorkers: fixture.workers.filter((w) => !seenWorkers.includes(w)),
    unseenEnrolments: fixture.workers.filter((w) => !seenEnrolments.includes(w)),
  };
}

export const gids = (type: string, ids: string[]) => ids.map((id) => toGlobalId(type, id)).sort();

/** The token a principal signs in with (role and scopes), for `api.gql`. */
export const tokenOf = (p: FixturePrincipal) => ({ role: p.role, scopes: [...p.scopes] });

/** A connection's node ids, sorted, to compare with what a scope should show. */
export const nodeIds = (connection: any): string[] => connection.edges.map((e: any) => e.node.id).sort();
