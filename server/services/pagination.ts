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
  checkPageSize(args, pageSizeMax);
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

/** Refuses `first` with `last`, and a page size outside 1 to the limit, naming the argument. */
export function checkPageSize(args: PageArgs, pageSizeMax: number): void {
  const { first, last } = args;
  if (first != null && last != null) throw new ValidationError('last', 'use either first/after or last/before, not both');
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 1 || value > pageSizeMax)) {
      throw new ValidationError(name, `must be between 1 and ${pageSizeMax} (the page size limit)`);
    }
  }
}

/** The error for a cursor argument that is not one this connection gave. */
export function cursorRefusal(name: string): (why: string) => ValidationError {
  return (why) =>
    new ValidationError(name, `is not a cursor from this connection (${why}); pass an edge cursor or pageInfo cursor as given`);
}

/** A cursor's values (MikroORM's encoding: base64url of a JSON array), or the argument's error. */
export function decodeCursorList(name: string, value: string): unknown[] {
  const refuse = cursorRefusal(name);
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) throw refuse('not base64url text');
  let decoded: unknown;
  try {
    decoded = Cursor.decode(value);
  } catch {
    throw refuse('not an encoded list');
  }
  if (!Array.isArray(decoded)) throw refuse('not an encoded list');
  return decoded;
}

/**
 * A page from the rows of a read one longer than the page, in the page's order: the extra row
 * (last when paging forward, first when paging back from `before`) only says that more follow.
 */
export function pageOfRows<R, E extends { cursor: string }>(
  rows: R[],
  page: { limit: number; isLast: boolean; after: boolean; before: boolean },
  edge: (row: R) => E,
): { edges: E[]; pageInfo: Page<unknown>['pageInfo'] } {
  const more = rows.length > page.limit;
  if (more) {
    if (page.isLast) rows.shift();
    else rows.pop();
  }
  const edges = rows.map(edge);
  return {
    edges,
    pageInfo: {
      hasNextPage: page.isLast ? page.before : more,
      hasPreviousPage: page.isLast ? more : page.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
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
  const refuse = cursorRefusal(name);
  const decoded = decodeCursorList(name, value);
  if (decoded.length !== columns.length) throw refuse(`expected ${columns.length} values`);
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
