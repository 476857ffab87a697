/** Membership lifecycle: PENDING → ACTIVE → LAPSED (ran out) or TERMINATED (ended early). */
export enum EnrolmentStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  LAPSED = 'LAPSED',
  TERMINATED = 'TERMINATED',
}
