import { registerEnumType } from 'type-graphql';

/** What the live claim queue reports (the database trigger `notify_claim_change` decides). */
export enum ClaimChangeKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}

registerEnumType(ClaimChangeKind, {
  name: 'ClaimChangeKind',
  description: 'What happened to a claim: submitted (or imported), or moved to another status.',
});
