import { Cursor, type EntityName, type FilterQuery, type OrderDefinition } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../../schema/errors.js';
import { parseDate } from '../../schema/validation.js';
import { onDemand, type Page } from '../../schema/types/connection.type.js';

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
  const keys = (Array.isArray(orderBy) ? orderBy : [orderBy]).flatMap((o) => Object.keys(o as object));
  const properties = em.getMetadata().find(entity)?.properties as Record<string, { columnTypes?: string[] }> | undefined;
  const columns = keys.map((k) => properties?.[k]?.columnTypes?.[0] ?? 'unknown');
  for (const [name, value] of [
    ['after', after],
    ['before', before],
  ] as const) {
    if (value != null) checkCursor(name, value, columns);
  }
  const size = last == null ? { first: first ?? DEFAULT_PAGE_SIZE } : { last };
  const cursor = await em.findByCursor(entity, where, {
    ...size,
    after: after ?? undefined,
    before: before ?? undefined,
    orderBy,
    includeCount: false,
  });
  return {
    edges: cursor.items.map((node) => ({ cursor: cursor.from(node), node: node as T })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
    totalCount: onDemand(() => em.count(entity, where)),
    totalCountEstimate: onDemand(() => countEstimate(em, entity, where)),
  };
}

/** The planner's row estimate of the filtered list (migration 20261202200000's lindung_count_estimate). */
async function countEstimate<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<number> {
  const query = em.createQueryBuilder(entity).select('*').where(where).getFormattedQuery();
  const [row] = await em.execute<{ n: number }[]>('select lindung_count_estimate(?)::int as n', [query]);
  return row!.n;
}

/**
 * A cursor is decoded and checked here, against the column types of the connection's order, so
 * that a hand-made one (`["abc"]`, a date where an id belongs) is the caller's error naming the
 * argument, not a failed SQL statement.
 */
function checkCursor(name: string, value: string, columns: string[]): void {
  const refuse = (why: string) =>
    new ValidationError(name, `is not a cursor from this connection (${why}); pass an edge cursor or pageInfo cursor as given`);
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) throw refuse('not base64url text');
  let decoded: unknown;
  try {
    decoded = Cursor.decode(value);
  } catch {
    throw refuse('not an encoded list');
  }
  if (!Array.isArray(decoded) || decoded.length !== columns.length) throw refuse(`expected ${columns.length} values`);
  decoded.forEach((v, i) => {
    if (!fitsColumn(v, columns[i]!)) throw refuse(`value ${i + 1} is not a ${columns[i]}`);
  });
}

function fitsColumn(value: unknown, column: string): boolean {
  switch (column) {
    case 'bigint':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'int':
    case 'integer':
      return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 2_147_483_647;
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'timestamptz':
    case 'timestamp':
      return value instanceof Date && !Number.isNaN(value.getTime()) && value.getUTCFullYear() >= 1900 && value.getUTCFullYear() <= 2100;
    default:
      return false;
  }
}

function isIsoDate(value: string): boolean {
  try {
    return parseDate('cursor', value) === value;
  } catch {
    return false;
  }
}
