import { checkVersion } from './optimistic-lock.js';
import { recordAuditKey } from '../../schema/audit-key.js';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Employer } from '../../schema/entities/employer.entity.js';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import type { Sponsor } from '../../schema/entities/sponsor.entity.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import { Segment } from '../../schema/enums/segment.enum.js';
import { ConflictError, IllegalTransitionError, NotFoundError, ValidationError } from '../../schema/errors.js';
import type { Page } from '../../schema/types/connection.type.js';
import { numericKey } from '../../schema/types/global-id.js';
import { checkDeclaredIncome, checkEnrolmentStart, checkProgrammesAllowed } from '../../schema/validation.js';
import { AuditService, snapshot } from './audit.service.js';
import { BudgetService } from './budget.service.js';
import { monthlyCost } from './contribution-cost.js';
import type { ServiceDeps } from './service-deps.js';
import type { ListArgs } from '../read/list-query.js';
import { listEntities } from './list-page.js';

export interface EnrolInput {
  workerId: string;
  sponsorId: string;
  employerId?: string | null;
  segment: Segment;
  programmes: Programme[];
  startDate: string;
  endDate?: string | null;
  declaredIncome: bigint;
}

export interface EndEnrolmentInput {
  endDate: string;
  status?: EnrolmentStatus | null;
}

export class EnrolmentService {
  private readonly audit: AuditService;
  private readonly budgets: BudgetService;

  constructor(private readonly deps: ServiceDeps) {
    this.audit = new AuditService(deps);
    this.budgets = new BudgetService(deps);
  }

  /** A page of enrolments by `filter`, `where` and `orderBy` (server/read/connections.ts says what each means). */
  list(filter: object, page: ListArgs): Promise<Page<Enrolment>> {
    return listEntities(this.deps, Enrolment, 'enrolments', { ...page, filter });
  }

  async enrol(input: EnrolInput): Promise<Enrolment> {
    const workerKey = numericKey('input.workerId', input.workerId, 'Worker');
    const sponsorKey = numericKey('input.sponsorId', input.sponsorId, 'Sponsor');
    const employerKey = input.employerId ? numericKey('input.employerId', input.employerId, 'Employer') : null;
    const programmes = Object.values(Programme).filter((p) => input.programmes.includes(p));
    if (programmes.length === 0) throw new ValidationError('input.programmes', 'at least one programme is required');
    checkProgrammesAllowed('input.programmes', input.segment, programmes);
    if (input.segment === Segment.PU && employerKey === null)
      throw new ValidationError('input.employerId', 'a PU (wage-earner) enrolment needs its employer');
    if (input.segment === Segment.BPU && employerKey !== null)
      throw new ValidationError('input.employerId', 'a BPU (informal) enrolment has no employer');
    if (input.endDate && input.endDate < input.startDate) throw new ValidationError('input.endDate', 'must not be before startDate');
    checkDeclaredIncome('input.declaredIncome', input.declaredIncome);

    return this.deps.em.transactional(async (em) => {
      const sponsor = await this.budgets.lockSponsor(em, 'input.sponsorId', sponsorKey);
      const worker = await em.findOne(Worker, workerKey);
      if (!worker) throw new NotFoundError('input.workerId', 'worker');
      checkEnrolmentStart('input.startDate', input.startDate, worker.birthDate, this.deps.today());
      // The sponsor row is locked, so no concurrent enrolment with this sponsor can slip in between; enrolment_no_overlap backs this up.
      await this.refuseOverlap(em, worker, sponsor, input.startDate, input.endDate ?? null);
      const employer = employerKey === null ? null : await em.findOne(Employer, employerKey);
      if (employerKey !== null && !employer) throw new NotFoundError('input.employerId', 'employer');
      await this.budgets.checkEnrolment(em, sponsor, {
        segment: input.segment,
        programmes,
        income: input.declaredIncome,
        industry: employer?.industry ?? 'LAINNYA',
        startDate: input.startDate,
        endDate: input.endDate ?? null,
      });
      const id = await nextId(em, 'enrolment');
      const enrolment = em.create(Enrolment, {
        id,
        membershipNo: `${input.segment}${input.startDate.slice(2, 4)}${String(id).padStart(8, '0')}`,
        worker,
        sponsor,
        employer,
        segment: input.segment,
        programmes,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        declaredIncome: input.declaredIncome,
        status: input.startDate <= this.deps.today() ? EnrolmentStatus.ACTIVE : EnrolmentStatus.PENDING,
      });
      await em.flush();
      this.audit.record(em, { action: 'ENROL', ...recordAuditKey(enrolment), after: snapshot(enrolment) });
      return enrolment;
    });
  }

  /** One sponsor pays for a worker once a month: its ACTIVE and PENDING enrolments of the worker may not overlap. */
  private async refuseOverlap(
    em: EntityManager,
    worker: Worker,
    sponsor: Sponsor,
    startDate: string,
    endDate: string | null,
  ): Promise<void> {
    const other = await em.findOne(Enrolment, {
      worker,
      sponsor,
      status: { $in: [EnrolmentStatus.ACTIVE, EnrolmentStatus.PENDING] },
      ...(endDate ? { startDate: { $lte: endDate } } : {}),
      $or: [{ endDate: null }, { endDate: { $gte: startDate } }],
    });
    if (other) {
      throw new ConflictError(
        `input.startDate: the worker already has ${other.status} enrolment ${other.membershipNo} with this sponsor from ${other.startDate}` +
          `${other.endDate ? ` to ${other.endDate}` : ' with no end date'}; end it (endEnrolment) before enrolling again, so no month is paid twice`,
      );
    }
  }

  /** This year's monthly cost of the enrolment to its sponsor (PU rates depend on the employer's industry). */
  async monthlyContribution(enrolment: Enrolment): Promise<bigint> {
    const employer = enrolment.employer ? await this.deps.loaders.employer.load(enrolment.employer.id) : undefined;
    const year = Number(this.deps.today().slice(0, 4));
    return monthlyCost(enrolment.segment, enrolment.programmes, enrolment.declaredIncome, year, employer?.industry);
  }

  async end(id: string, input: EndEnrolmentInput, version?: number | null): Promise<Enrolment> {
    const key = numericKey('id', id, 'Enrolment');
    const status = input.status ?? EnrolmentStatus.TERMINATED;
    if (status !== EnrolmentStatus.TERMINATED && status !== EnrolmentStatus.LAPSED) {
      throw new ValidationError('input.status', 'an enrolment ends as TERMINATED or LAPSED');
    }
    return this.deps.em.transactional(async (em) => {
      const enrolment = await em.findOne(Enrolment, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!enrolment) throw new NotFoundError('id', 'enrolment');
      checkVersion(`enrolment ${enrolment.membershipNo}`, enrolment.version, version);
      if (enrolment.status !== EnrolmentStatus.ACTIVE && enrolment.status !== EnrolmentStatus.PENDING) {
        throw new IllegalTransitionError('enrolment', enrolment.status, 'end');
      }
      if (input.endDate < enrolment.startDate)
        throw new ValidationError('input.endDate', `must not be before the start date ${enrolment.startDate}`);
      const before = snapshot(enrolment);
      enrolment.endDate = input.endDate;
      enrolment.status = status;
      await em.flush();
      this.audit.record(em, {
        action: 'END_ENROLMENT',
        ...recordAuditKey(enrolment),
        before,
        after: snapshot(enrolment),
      });
      return enrolment;
    });
  }
}

/** Takes the next identity value first, so numbers derived from the id (membership, claim) are set on insert. */
export async function nextId(em: EntityManager, table: 'enrolment' | 'claim'): Promise<number> {
  const [row] = await em.execute<{ id: string }[]>(`select nextval(pg_get_serial_sequence('${table}', 'id'))::text as id`);
  return Number(row!.id);
}
