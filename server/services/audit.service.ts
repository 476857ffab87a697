import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditKey } from '../../schema/audit-key.js';
import { AuditEntry } from '../../schema/entities/audit-entry.entity.js';
import type { Page } from '../../schema/types/connection.type.js';
import type { ListArgs } from '../read/list-query.js';
import { listEntities } from './list-page.js';
import type { ServiceDeps } from './service-deps.js';

export interface AuditFilter {
  entityId?: string | null;
  entityType?: string | null;
  actor?: string | null;
}

/** A JSON-safe copy of an entity for the audit log: bigints as digit strings, relations as keys. */
export function snapshot(entity: object): Record<string, unknown> {
  const plain = wrap(entity).toObject() as Record<string, unknown>;
  return JSON.parse(JSON.stringify(plain, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

export class AuditService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Adds the entry to the caller's transaction: it commits, or rolls back, with the change. */
  record(em: EntityManager, entry: AuditKey & { action: string; before?: object | null; after?: object | null }): void {
    em.create(AuditEntry, {
      actor: this.deps.user?.subject ?? 'anonymous',
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: this.deps.requestId,
    });
  }

  list(filter: AuditFilter, page: ListArgs): Promise<Page<AuditEntry>> {
    return listEntities(this.deps, AuditEntry, 'auditEntries', { ...page, filter });
  }
}
