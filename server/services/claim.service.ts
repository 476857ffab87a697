import { checkVersion } from './optimistic-lock.js';
import { recordAuditKey } from '../../schema/audit-key.js';
import { claimNumber } from '../../schema/claim-number.js';
import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Claim } from '../../schema/entities/claim.entity.js';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { JKP_FIRST_CLAIM_DATE, PROGRAMMES_CLOSED_TO_BPU, type Programme } from '../../schema/enums/programme.enum.js';
import { Segment } from '../../schema/enums/segment.enum.js';
import { ConflictError, IllegalTransitionError, NotFoundError, ValidationError } from '../../schema/errors.js';
import type { Page } from '../../schema/types/connection.type.js';
import { numericKey } from '../../schema/types/global-id.js';
import { checkClaimAmount, checkPastDate, parseRequiredText } from '../../schema/validation.js';
import { AuditService, snapshot } from './audit.service.js';
import { nextClaimStatus, type ClaimAction } from './claim-workflow.js';
import { nextId } from './enrolment.service.js';
import type { ServiceDeps } from './service-deps.js';
import type { ListArgs } from '../read/list-query.js';
import { listEntities } from './list-page.js';

export interface SubmitClaimInput {
  enrolmentId: string;
  programme: Programme;
  incidentDate: string;
  submittedDate?: string | null;
  claimedAmount: bigint;
}

export interface PayClaimInput {
  paymentKey: string;
  version?: number | null;
  paidDate?: string | null;
}

export class ClaimService {
  private readonly audit: AuditService;

  constructor(private readonly deps: ServiceDeps) {
    this.audit = new AuditService(deps);
  }

  /** A page of claims by `filter`, `where` and `orderBy` (server/read/connections.ts says what each means). */
  list(filter: object, page: ListArgs): Promise<Page<Claim>> {
    return listEntities(this.deps, Claim, 'claims', { ...page, filter });
  }

  async submit(input: SubmitClaimInput): Promise<Claim> {
    const enrolmentKey = numericKey('input.enrolmentId', input.enrolmentId, 'Enrolment');
    const submittedDate = input.submittedDate ?? this.deps.today();
    checkClaimAmount('input.claimedAmount', input.claimedAmount);
    checkPastDate('input.incidentDate', input.incidentDate, this.deps.today());
    checkPastDate('input.submittedDate', submittedDate, this.deps.today());
    if (submittedDate < input.incidentDate) throw new ValidationError('input.submittedDate', 'must not be before the incident date');
    if (input.programme === 'JKP' && input.incidentDate < JKP_FIRST_CLAIM_DATE) {
      throw new ValidationError('input.incidentDate', `JKP claims exist only for incidents from ${JKP_FIRST_CLAIM_DATE}`);
    }
    return this.deps.em.transactional(async (em) => {
      const enrolment = await em.findOne(Enrolment, enrolmentKey);
      if (!enrolment) throw new NotFoundError('input.enrolmentId', 'enrolment');
      if (!enrolment.programmes.includes(input.programme)) {
        const reason =
          enrolment.segment === Segment.BPU && PROGRAMMES_CLOSED_TO_BPU.includes(input.programme)
            ? `${input.programme} is not open to BPU (informal) members: JP needs wage-earner status and JKP an employer`
            : `enrolment ${enrolment.membershipNo} does not cover ${input.programme}`;
        throw new ValidationError('input.programme', reason);
      }
      if (input.incidentDate < enrolment.startDate || (enrolment.endDate && input.incidentDate > enrolment.endDate)) {
        throw new ValidationError('input.incidentDate', 'must fall within the enrolment’s coverage period');
      }
      const id = await nextId(em, 'claim');
      const claim = em.create(Claim, {
        id,
        claimNo: claimNumber(Number(submittedDate.slice(0, 4)), id),
        enrolment,
        programme: input.programme,
        incidentDate: input.incidentDate,
        submittedDate,
        status: ClaimStatus.SUBMITTED,
        claimedAmount: input.claimedAmount,
      });
      await em.flush();
      this.audit.record(em, { action: 'SUBMIT_CLAIM', ...recordAuditKey(claim), after: snapshot(claim) });
      return claim;
    });
  }

  verify(id: string, version: number): Promise<Claim> {
    return this.transition(id, version, 'verify', () => {});
  }

  approve(id: string, version: number, approvedAmount: bigint): Promise<Claim> {
    checkClaimAmount('approvedAmount', approvedAmount);
    return this.transition(id, version, 'approve', (claim) => {
      if (approvedAmount > claim.claimedAmount) throw new ValidationError('approvedAmount', 'must not exceed the amount claimed');
      claim.approvedAmount = approvedAmount;
    });
  }

  reject(id: string, version: number, reason: string): Promise<Claim> {
    const text = parseRequiredText('reason', reason, 500);
    return this.transition(id, version, 'reject', (claim) => {
      claim.rejectionReason = text;
    });
  }

  /**
   * Pays once per idempotency key: a retry with the key that paid this claim returns the paid
   * claim and changes nothing, even when the retries race each other.
   */
  async pay(id: string, input: PayClaimInput): Promise<Claim> {
    const key = numericKey('id', id, 'Claim');
    if (!/^[A-Za-z0-9_.:-]{8,100}$/.test(input.paymentKey)) {
      throw new ValidationError('paymentKey', 'must be 8 to 100 letters, digits or _ . : - (e.g. a UUID)');
    }
    try {
      return await this.deps.em.transactional(async (em) => {
        const earlier = await this.paidWith(em, input.paymentKey, key);
        if (earlier) return earlier;
        return this.apply(em, key, input.version ?? null, 'pay', (claim) => {
          const paidDate = checkPastDate('paidDate', input.paidDate ?? this.deps.today(), this.deps.today());
          if (paidDate < claim.submittedDate) throw new ValidationError('paidDate', 'must not be before the submission date');
          claim.paidAmount = claim.approvedAmount;
          claim.paidDate = paidDate;
          claim.paymentKey = input.paymentKey;
        });
      });
    } catch (error) {
      // A concurrent retry with this key got there first (lost lock, duplicate key, or already PAID when read).
      if (error instanceof OptimisticLockError || error instanceof IllegalTransitionError || isUniqueViolation(error)) {
        // A fresh unit of work, still in the request's scoped transaction (whose savepoint for the attempt was rolled back).
        const earlier = await this.paidWith(this.deps.em.fork({ keepTransactionContext: true }), input.paymentKey, key);
        if (earlier) return earlier;
      }
      throw error;
    }
  }

  private async paidWith(em: EntityManager, paymentKey: string, claimKey: number): Promise<Claim | null> {
    const earlier = await em.findOne(Claim, { paymentKey });
    if (!earlier) return null;
    if (earlier.id !== claimKey) throw new ConflictError(`paymentKey was already used to pay claim ${earlier.claimNo}`);
    return earlier;
  }

  private transition(id: string, version: number, action: ClaimAction, change: (claim: Claim) => void): Promise<Claim> {
    const key = numericKey('id', id, 'Claim');
    return this.deps.em.transactional((em) => this.apply(em, key, version, action, change));
  }

  /**
   * The optimistic lock does the concurrency work: the UPDATE matches only the version read,
   * so of two concurrent approvals the second updates nothing and fails with CONFLICT.
   */
  private async apply(
    em: EntityManager,
    key: number,
    version: number | null,
    action: ClaimAction,
    change: (claim: Claim) => void,
  ): Promise<Claim> {
    const claim = await em.findOne(Claim, key);
    if (!claim) throw new NotFoundError('id', 'claim');
    checkVersion(`claim ${claim.claimNo}`, claim.version, version);
    const before = snapshot(claim);
    claim.status = nextClaimStatus(claim.status, action);
    change(claim);
    await em.flush();
    this.audit.record(em, {
      action: `${action.toUpperCase()}_CLAIM`,
      ...recordAuditKey(claim),
      before,
      after: snapshot(claim),
    });
    return claim;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}
