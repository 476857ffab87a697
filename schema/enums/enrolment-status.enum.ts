import { registerEnumType } from 'type-graphql';

/** Membership lifecycle: PENDING → ACTIVE → LAPSED (ran out) or TERMINATED (ended early). */
export enum EnrolmentStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  LAPSED = 'LAPSED',
  TERMINATED = 'TERMINATED',
}

registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'Membership lifecycle: PENDING → ACTIVE → LAPSED (ran out) or TERMINATED (ended early).',
  valuesConfig: {
    PENDING: { description: 'Registered; coverage starts on the start date.' },
    ACTIVE: { description: 'Covered now.' },
    LAPSED: { description: 'Coverage ran out (end date reached or contributions stopped).' },
    TERMINATED: { description: 'Ended early by the sponsor or the member.' },
  },
});
