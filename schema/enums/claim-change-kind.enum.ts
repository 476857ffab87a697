import { registerEnumType } from 'type-graphql';
import { describedValues } from './literal-enum.js';

/** What the live claim queue reports (the database trigger `notify_claim_change` decides). */
export enum ClaimChangeKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}

registerEnumType(ClaimChangeKind, {
  name: 'ClaimChangeKind',
  description: 'What happened to a claim: submitted (or imported), or moved to another status.',
  valuesConfig: describedValues<ClaimChangeKind>({
    CREATED: 'A new claim: submitted through the API or imported.',
    STATUS_CHANGED: 'The claim moved to another status (verified, approved, paid, rejected).',
  }),
});
