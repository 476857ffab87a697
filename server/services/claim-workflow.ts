import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { IllegalTransitionError } from '../../schema/errors.js';

/** The claim workflow, in one place: which action moves a claim from which statuses to which. */
export type ClaimAction = 'verify' | 'approve' | 'pay' | 'reject';

const TRANSITIONS: Record<ClaimAction, { from: readonly ClaimStatus[]; to: ClaimStatus }> = {
  verify: { from: [ClaimStatus.SUBMITTED], to: ClaimStatus.VERIFIED },
  approve: { from: [ClaimStatus.VERIFIED], to: ClaimStatus.APPROVED },
  pay: { from: [ClaimStatus.APPROVED], to: ClaimStatus.PAID },
  reject: { from: [ClaimStatus.SUBMITTED, ClaimStatus.VERIFIED, ClaimStatus.APPROVED], to: ClaimStatus.REJECTED },
};

export function nextClaimStatus(current: ClaimStatus, action: ClaimAction): ClaimStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) throw new IllegalTransitionError('claim', current, action);
  return rule.to;
}
