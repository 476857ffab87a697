import { Cursor, type EntityName, type FilterQuery, type OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../../schema/errors.js';
import type { Page } from '../../schema/types/connection.type.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

/**
 * Keyset (cursor) pagination over `em.findByCursor`: `orderBy` must end with a unique key (the
 * id) so the order is total and a page never skips or repeats a row when rows are inserted.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: OrderDefinition<T>,
  args: PageArgs,
  pageSizeMax: number,
): Promise<Page<T>> {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw new ValidationError('last', 'use either first/after or last/before, not both');
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 1 || value > pageSizeMax)) {
      throw new ValidationError(name, `must be between 1 and ${pageSizeMax} (the page size limit)`);
    }
  }
  const keys = (Array.isArray(orderBy) ? orderBy : [orderBy]).flatMap((o) => Object.keys(o as object)).length;
  for (const [name, value] of [
    ['after', after],
    ['before', before],
  ] as const) {
    if (value != null && !isCursor(value, keys)) throw new ValidationError(name, 'is not a cursor from this connection');
  }
  const size = last == null ? { first: first ?? DEFAULT_PAGE_SIZE } : { last };
  const cursor = await em.findByCursor(entity, where, {
    ...size,
    after: after ?? undefined,
    before: before ?? undefined,
    orderBy,
    includeCount: false,
  });
  let count: Promise<number> | undefined;
  return {
    edges: cursor.items.map((node) => ({ cursor: cursor.from(node), node: node as T })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    totalCount: () => (count ??= em.count(entity, where)),
  };
}

function isCursor(value: string, keys: number): boolean {
  try {
    const decoded = Cursor.decode(value);
    return (
      Array.isArray(decoded) &&
      decoded.length === keys &&
      decoded.every((v) => ['string', 'number'].includes(typeof v) || v instanceof Date)
    );
  } catch {
    return false;
  }
}
