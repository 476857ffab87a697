import { fromGlobalId, toGlobalId } from './types/global-id.js';

/**
 * How every writer names what an audit entry is about (API services, CSV import, demo seed), and
 * how the ETL's history mode finds it. A record's entry has `entity_type` = its type name (`Claim`)
 * and `entity_id` = its primary key as digits (`42`): the key SQL joins on
 * (`a.entity_id = c.id::text`), with no decoding. A batch's entry names its kind and natural key
 * (`workforce` + `workforce.csv`, `ContributionBatch` + `7:2023-01`, `database` + `demo`).
 * The API shows a record's key as its global id, so clients see one kind of id everywhere.
 */
export interface AuditKey {
  entityType: string;
  entityId: string;
}

/** The record types the API audits one by one; their class name is their GraphQL type name. */
export const AUDITED_RECORD_TYPES = ['Worker', 'Enrolment', 'Claim', 'BudgetAllocation'] as const;
export type AuditedRecordType = (typeof AUDITED_RECORD_TYPES)[number];

const isRecordType = (type: string): type is AuditedRecordType => (AUDITED_RECORD_TYPES as readonly string[]).includes(type);

export function recordAuditKey(record: { id: number; constructor: { name: string } }): AuditKey {
  const type = record.constructor.name;
  if (!isRecordType(type)) throw new Error(`${type} is not an audited record type`);
  return { entityType: type, entityId: String(record.id) };
}

export function batchAuditKey(kind: string, key: string): AuditKey {
  return { entityType: kind, entityId: key };
}

/** What the API prints as an entry's `entityId`: a record's global id, a batch's own key. */
export function auditEntityApiId(key: AuditKey): string {
  return isRecordType(key.entityType) && /^[0-9]+$/.test(key.entityId) ? toGlobalId(key.entityType, key.entityId) : key.entityId;
}

/** The stored key behind an id a client passes (a record's global id, else a batch key as is). */
export function auditKeyFromApiId(id: string): Partial<AuditKey> {
  try {
    const { type, key } = fromGlobalId('entityId', id);
    if (isRecordType(type)) return { entityType: type, entityId: key };
  } catch {
    // Not a global id: a batch key such as a file name.
  }
  return { entityId: id };
}
