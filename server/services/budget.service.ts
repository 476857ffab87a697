import { checkVersion } from './optimistic-lock.js';
import { recordAuditKey } from '../../schema/audit-key.js';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BudgetAllocation } from '../../schema/entities/budget-allocation.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { BudgetKind } from '../../schema/enums/budget-kind.enum.js';
import type { Programme } from '../../schema/enums/programme.enum.js';
import type { Segment } from '../../schema/enums/segment.enum.js';
import { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import { BudgetExceededError, NotFoundError } from '../../schema/errors.js';
import { numericKey } from '../../schema/types/global-id.js';
import { checkBudgetAmount, parseYear } from '../../schema/validation.js';
import { AuditService, snapshot } from './audit.service.js';
import { addMonth, formatRupiah, monthlyCost, monthsBetween } from './contribution-cost.js';
import type { ServiceDeps } from './service-deps.js';

/** A sponsor's budget for one year against what it has paid and has committed to pay. */
export interface BudgetPosition {
  sponsor: Sponsor;
  year: number;
  allocationKind: BudgetKind | null;
  allocated: bigint | null;
  /** Contributions recorded for months of this year, paid by this sponsor. */
  paid: bigint;
  /** Last month of the year with a contribution recorded (YYYY-MM-01), or null. */
  paidThrough: string | null;
  commitment: () => Promise<Commitment>;
}

export interface Commitment {
  /** Cost of the sponsor's ACTIVE and PENDING enrolments for the months of the year not yet paid. */
  amount: bigint;
  enrolments: number;
}

export interface NewEnrolmentCost {
  segment: Segment;
  programmes: Programme[];
  income: bigint;
  industry: string;
  startDate: string;
  endDate: string | null;
}

/**
 * The budget rule for a new enrolment (server/README.md, "Budget rule"): for the year of its
 * start date, the allocation in force (REVISED over ORIGINAL) minus contributions already
 * recorded for that year's months minus the committed cost of the sponsor's other ACTIVE and
 * PENDING enrolments from the month after the last recorded one to December (or their end)
 * must cover the new enrolment's cost from its start month to December (or its end). Sponsors
 * of kind SELF or EMPLOYER without an allocation are not checked; the others need one.
 */
export class BudgetService {
  private readonly audit: AuditService;

  constructor(private readonly deps: ServiceDeps) {
    this.audit = new AuditService(deps);
  }

  /**
   * With `shared`, the figures come from the server's aggregate cache (dashboards); the budget
   * check passes none, so an enrolment is always decided on the figures inside its transaction.
   */
  async position(em: EntityManager, sponsor: Sponsor, year: number, shared?: ServiceDeps['shared']): Promise<BudgetPosition> {
    const read = <T>(key: string, compute: () => Promise<T>) => (shared ? shared(`${key}:${sponsor.id}:${year}`, compute) : compute());
    const db = em;
    const yearStart = `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    const [allocation] = await read('allocation', () =>
      db.execute<{ kind: BudgetKind; amount: string }[]>(
        'select kind, amount::text as amount from budget_in_force where sponsor_id = ? and fiscal_year = ?',
        [sponsor.id, year],
      ),
    );
    const [paid] = await read('paid', () =>
      db.execute<{ paid: string; through: string | null }[]>(
        // sponsor_month_paid: twelve rows a year, kept by triggers on contribution (its migration).
        `select coalesce(sum(amount), 0)::text as paid, to_char(max(period) filter (where contributions > 0), 'YYYY-MM-DD') as through
         from sponsor_month_paid where sponsor_id = ? and period >= ?::date and period <= ?::date`,
        [sponsor.id, yearStart, yearEnd],
      ),
    );
    const paidThrough = paid?.through ?? null;
    let commitment: Promise<Commitment> | undefined;
    return {
      sponsor,
      year,
      allocationKind: allocation?.kind ?? null,
      allocated: allocation ? BigInt(allocation.amount) : null,
      paid: BigInt(paid?.paid ?? '0'),
      paidThrough,
      commitment: () => (commitment ??= read(`commitment:${paidThrough}`, () => this.commitment(db, sponsor.id, year, paidThrough))),
    };
  }

  private async commitment(em: EntityManager, sponsorId: number, year: number, paidThrough: string | null): Promise<Commitment> {
    const from = paidThrough ? addMonth(paidThrough) : `${year}-01-01`;
    const yearEnd = `${year}-12-31`;
    if (from > yearEnd) return { amount: 0n, enrolments: 0 };
    // Grouped in SQL, priced in TypeScript: the rates live in one place (contribution-rates.ts).
    // The whole sponsor's members, not only those the caller's scope sees (the migration region_scopes says why).
    const groups = await em.execute<
      { segment: Segment; programmes: Programme[]; income: string; industry: string; from_month: string; to_date: string; n: number }[]
    >('select * from sponsor_commitment_groups(?, ?::date, ?::date)', [sponsorId, from, yearEnd]);
    let amount = 0n;
    let enrolments = 0;
    for (const g of groups) {
      const months = BigInt(monthsBetween(g.from_month, g.to_date));
      amount += months * BigInt(g.n) * monthlyCost(g.segment, g.programmes, BigInt(g.income), year, g.industry);
      enrolments += g.n;
    }
    return { amount, enrolments };
  }

  /** Throws BudgetExceededError when the sponsor's remaining budget cannot pay for the enrolment. */
  async checkEnrolment(em: EntityManager, sponsor: Sponsor, cost: NewEnrolmentCost): Promise<void> {
    const year = Number(cost.startDate.slice(0, 4));
    const position = await this.position(em, sponsor, year);
    if (position.allocated === null) {
      if (sponsor.kind === SponsorKind.SELF || sponsor.kind === SponsorKind.EMPLOYER) return;
      throw new BudgetExceededError(`${sponsor.name} has no budget allocated for ${year}, so it cannot pay for a new enrolment`, {
        sponsor: sponsor.code,
        year,
        allocated: '0',
      });
    }
    const last = cost.endDate && cost.endDate < `${year}-12-31` ? cost.endDate : `${year}-12-31`;
    const months = monthsBetween(cost.startDate, last);
    const monthly = monthlyCost(cost.segment, cost.programmes, cost.income, year, cost.industry);
    const needed = monthly * BigInt(months);
    const committed = await position.commitment();
    const available = position.allocated - position.paid - committed.amount;
    if (needed > available) {
      throw new BudgetExceededError(
        `${sponsor.name}'s remaining budget for ${year} cannot pay this enrolment: ${formatRupiah(position.allocated)} allocated, ` +
          `${formatRupiah(position.paid)} paid, ${formatRupiah(committed.amount)} committed to ${committed.enrolments} other enrolments ` +
          `for the rest of the year, leaving ${formatRupiah(available < 0n ? 0n : available)}; this enrolment needs ${formatRupiah(needed)} ` +
          `(${months} months × ${formatRupiah(monthly)})`,
        {
          sponsor: sponsor.code,
          year,
          allocated: position.allocated.toString(),
          paid: position.paid.toString(),
          committed: committed.amount.toString(),
          available: (available < 0n ? 0n : available).toString(),
          needed: needed.toString(),
        },
      );
    }
  }

  /** Serialises budget decisions per sponsor: two enrolments cannot both spend the same rupiah. */
  async lockSponsor(em: EntityManager, field: string, sponsorId: number): Promise<Sponsor> {
    const sponsor = await em.findOne(Sponsor, sponsorId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!sponsor) throw new NotFoundError(field, `sponsor`);
    return sponsor;
  }

  async sponsorPosition(sponsorId: string, year: number): Promise<BudgetPosition> {
    const sponsor = await this.deps.loaders.sponsor.load(numericKey('sponsorId', sponsorId, 'Sponsor'));
    if (!sponsor) throw new NotFoundError('sponsorId', 'sponsor');
    return this.position(this.deps.em, sponsor, parseYear('year', year), this.deps.shared);
  }

  async setAllocation(input: {
    sponsorId: string;
    fiscalYear: number;
    kind: BudgetKind;
    amount: bigint;
    version?: number | null;
  }): Promise<BudgetAllocation> {
    const sponsorKey = numericKey('input.sponsorId', input.sponsorId, 'Sponsor');
    const fiscalYear = parseYear('input.fiscalYear', input.fiscalYear);
    checkBudgetAmount('input.amount', input.amount);
    return this.deps.em.transactional(async (em) => {
      const sponsor = await this.lockSponsor(em, 'input.sponsorId', sponsorKey);
      const existing = await em.findOne(BudgetAllocation, { sponsor, fiscalYear, kind: input.kind });
      if (existing) checkVersion(`the ${input.kind} allocation of ${fiscalYear}`, existing.version, input.version);
      const before = existing ? snapshot(existing) : null;
      const allocation = existing ?? em.create(BudgetAllocation, { sponsor, fiscalYear, kind: input.kind, amount: input.amount });
      allocation.amount = input.amount;
      await em.flush();
      this.audit.record(em, {
        action: 'SET_BUDGET_ALLOCATION',
        ...recordAuditKey(allocation),
        before,
        after: snapshot(allocation),
      });
      return allocation;
    });
  }
}
