import type { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import type { Programme } from '../../schema/enums/programme.enum.js';
import type { Sector } from '../../schema/enums/sector.enum.js';
import type { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import { NotFoundError } from '../../schema/errors.js';
import type { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { ServiceDeps } from './service-deps.js';

export interface ActiveEnrolmentGroup {
  sponsor: Sponsor;
  sector: Sector;
  count: number;
}

export interface ClaimPipelineGroup {
  status: ClaimStatus;
  programme: Programme;
  count: number;
  claimedAmount: bigint;
  approvedAmount: bigint;
  paidAmount: bigint;
}

/** Aggregates for dashboards, from the operational rows the caller's scope covers; shared across requests of that scope for DASHBOARD_CACHE_SECONDS. */
export class DashboardService {
  constructor(private readonly deps: ServiceDeps) {}

  async activeEnrolments(filter: { sponsorKind?: SponsorKind[] | null }): Promise<ActiveEnrolmentGroup[]> {
    const all = await this.deps.shared('activeEnrolments', () =>
      this.deps.em.execute<{ sponsor_id: string; kind: SponsorKind; sector: Sector; n: number }[]>(
        `select s.id::text as sponsor_id, s.kind, g.sector, g.n
         from (select e.sponsor_id, w.sector, count(*)::int as n
               from enrolment e join worker w on w.id = e.worker_id
               where e.status = 'ACTIVE' group by e.sponsor_id, w.sector) g
         join sponsor s on s.id = g.sponsor_id
         order by s.id, g.sector`,
      ),
    );
    const rows = filter.sponsorKind?.length ? all.filter((r) => filter.sponsorKind!.includes(r.kind)) : all;
    const sponsors = await this.deps.loaders.sponsor.loadMany(rows.map((r) => Number(r.sponsor_id)));
    return rows.map((r, i) => {
      const sponsor = sponsors[i];
      if (!sponsor || sponsor instanceof Error) throw new NotFoundError('sponsor', r.sponsor_id);
      return { sponsor, sector: r.sector, count: r.n };
    });
  }

  async claimPipeline(filter: { submittedFrom?: string | null; submittedTo?: string | null }): Promise<ClaimPipelineGroup[]> {
    const key = `claimPipeline:${filter.submittedFrom ?? ''}:${filter.submittedTo ?? ''}`;
    const rows = await this.deps.shared(key, () =>
      this.deps.em.execute<{ status: ClaimStatus; programme: Programme; n: number; claimed: string; approved: string; paid: string }[]>(
        `select status, programme, count(*)::int as n, sum(claimed_amount)::text as claimed,
              coalesce(sum(approved_amount), 0)::text as approved, coalesce(sum(paid_amount), 0)::text as paid
       from claim
       where (?::date is null or submitted_date >= ?::date) and (?::date is null or submitted_date <= ?::date)
       group by 1, 2 order by 1, 2`,
        [filter.submittedFrom ?? null, filter.submittedFrom ?? null, filter.submittedTo ?? null, filter.submittedTo ?? null],
      ),
    );
    return rows.map((r) => ({
      status: r.status,
      programme: r.programme,
      count: r.n,
      claimedAmount: BigInt(r.claimed),
      approvedAmount: BigInt(r.approved),
      paidAmount: BigInt(r.paid),
    }));
  }
}
