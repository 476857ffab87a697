import { registerEnumType } from 'type-graphql';

/** Claim workflow: SUBMITTED → VERIFIED → APPROVED → PAID, or REJECTED before payment. */
export enum ClaimStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
}

registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Claim workflow: SUBMITTED → VERIFIED → APPROVED → PAID, or REJECTED before payment.',
  valuesConfig: {
    SUBMITTED: { description: 'Received, not yet checked.' },
    VERIFIED: { description: 'Documents and eligibility checked.' },
    APPROVED: { description: 'Approved for an amount; awaiting payment.' },
    PAID: { description: 'Benefit paid (final).' },
    REJECTED: { description: 'Refused, with a reason (final).' },
  },
});
