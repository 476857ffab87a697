import { ValidationError } from '../../schema/errors.js';
import type { Page } from '../../schema/types/connection.type.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
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

/**
 * A cursor's values (MikroORM's encoding: base64url of a JSON array), or the argument's error.
 * Timestamps stay text as written (MikroORM's own decoding would make them Dates, to the millisecond).
 */
export function decodeCursorList(name: string, value: string): unknown[] {
  const refuse = cursorRefusal(name);
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(value)) throw refuse('not base64url text');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
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
