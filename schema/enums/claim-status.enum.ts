/** Claim workflow: SUBMITTED → VERIFIED → APPROVED → PAID, or REJECTED before payment. */
export enum ClaimStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
}
