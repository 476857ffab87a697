import { batchAuditKey } from '../../schema/audit-key.js';
import { Contribution } from '../../schema/entities/contribution.entity.js';
import type { Sponsor } from '../../schema/entities/sponsor.entity.js';
import type { Programme } from '../../schema/enums/programme.enum.js';
import type { Segment } from '../../schema/enums/segment.enum.js';
import { ValidationError } from '../../schema/errors.js';
import { checkContributionDate } from '../../schema/validation.js';
import type { Page } from '../../schema/types/connection.type.js';
import { numericKey } from '../../schema/types/global-id.js';
import { monthlyContributionExact } from '../../schema/reference/contribution-rates.js';
import { AuditService } from './audit.service.js';
import { BudgetService } from './budget.service.js';
import type { ServiceDeps } from './service-deps.js';
import type { ListArgs } from '../read/list-query.js';
import { listEntities } from './list-page.js';

export interface RecordContributionsInput {
  sponsorId: string;
  /** First day of the month (the Month scalar's internal form). */
  month: string;
  paidDate?: string | null;
}

export interface ContributionBatch {
  sponsor: Sponsor;
  month: string;
  paidDate: string;
  /** Enrolment-programme pairs the month should have. */
  expected: number;
  /** Rows written by this call. */
  recorded: number;
  /** Rows that were already there (a repeated call records nothing twice). */
  alreadyRecorded: number;
  recordedAmount: bigint;
}

// Enrolments the sponsor pays for in that month: coverage overlaps it and it is not still pending.
const COVERS_MONTH = `e.sponsor_id = ? and e.status <> 'PENDING' and e.start_date <= (?::date + interval '1 month' - interval '1 day')
  and (e.end_date is null or e.end_date >= ?::date)`;

export class ContributionService {
  private readonly audit: AuditService;
  private readonly budgets: BudgetService;

  constructor(private readonly deps: ServiceDeps) {
    this.audit = new AuditService(deps);
    this.budgets = new BudgetService(deps);
  }

  /** A page of contributions by `filter`, `where` and `orderBy` (server/read/connections.ts says what each means). */
  list(filter: object, page: ListArgs): Promise<Page<Contribution>> {
    return listEntities(this.deps, Contribution, 'contributions', { ...page, filter });
  }

  /**
   * Records one month of contributions for every enrolment the sponsor pays for, in two SQL
   * statements however many members there are. Amounts come from contribution-rates.ts, priced
   * once per distinct (segment, programme, income, industry); the unique key on (enrolment,
   * month, programme) with ON CONFLICT DO NOTHING makes a repeated call record nothing.
   */
  async record(input: RecordContributionsInput): Promise<ContributionBatch> {
    const sponsorKey = numericKey('input.sponsorId', input.sponsorId, 'Sponsor');
    const paidDate = input.paidDate ?? this.deps.today();
    checkContributionDate('input.month', input.month, this.deps.today());
    checkContributionDate('input.paidDate', paidDate, this.deps.today());
    if (paidDate < input.month) throw new ValidationError('input.paidDate', 'must not be before the month it pays for');
    const year = Number(input.month.slice(0, 4));
    return this.deps.em.transactional(async (em) => {
      const sponsor = await this.budgets.lockSponsor(em, 'input.sponsorId', sponsorKey);
      const keys = await em.execute<{ segment: Segment; programme: Programme; income: string; industry: string; n: number }[]>(
        `select e.segment, p.programme, e.declared_income::text as income, coalesce(emp.industry, 'LAINNYA') as industry, count(*)::int as n
         from enrolment e left join employer emp on emp.id = e.employer_id
         cross join lateral unnest(e.programmes) as p(programme)
         where ${COVERS_MONTH} and p.programme <> 'JKP'
         group by 1, 2, 3, 4`,
        [sponsor.id, input.month, input.month],
      );
      const expected = keys.reduce((sum, k) => sum + k.n, 0);
      let recorded = 0;
      let recordedAmount = 0n;
      if (keys.length > 0) {
        const rates = keys.map((k) => ({
          ...k,
          amount: String(monthlyContributionExact(k.segment, k.programme, BigInt(k.income), year, k.industry)),
        }));
        const [result] = await em.execute<{ n: number; amount: string }[]>(
          `with rate as (
             select * from jsonb_to_recordset(?::jsonb) as r(segment text, programme text, income bigint, industry text, amount bigint)
           ), ins as (
             insert into contribution (enrolment_id, period, programme, amount, paid_date, sponsor_id)
             select e.id, ?::date, p.programme, r.amount, ?::date, e.sponsor_id
             from enrolment e left join employer emp on emp.id = e.employer_id
             cross join lateral unnest(e.programmes) as p(programme)
             join rate r on r.segment = e.segment and r.programme = p.programme and r.income = e.declared_income
               and r.industry = coalesce(emp.industry, 'LAINNYA')
             where ${COVERS_MONTH}
             on conflict (enrolment_id, period, programme) do nothing
             returning amount
           )
           select count(*)::int as n, coalesce(sum(amount), 0)::text as amount from ins`,
          [JSON.stringify(rates), input.month, paidDate, sponsor.id, input.month, input.month],
        );
        recorded = result!.n;
        recordedAmount = BigInt(result!.amount);
      }
      const batch: ContributionBatch = {
        sponsor,
        month: input.month,
        paidDate,
        expected,
        recorded,
        alreadyRecorded: expected - recorded,
        recordedAmount,
      };
      // A repeated call changes nothing, so it leaves nothing to audit.
      if (recorded > 0) {
        this.audit.record(em, {
          action: 'RECORD_CONTRIBUTIONS',
          ...batchAuditKey('ContributionBatch', `${sponsor.id}:${input.month.slice(0, 7)}`),
          after: { sponsor: sponsor.code, month: input.month.slice(0, 7), paidDate, recorded, recordedAmount: recordedAmount.toString() },
        });
      }
      return batch;
    });
  }
}
