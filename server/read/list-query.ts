import { checkPageSize, type PageArgs } from '../services/pagination.js';
import { Statement, wholeNumber } from './compile.js';
import { CONNECTIONS, type ConnectionName, type ConnectionSpec, type Filter, type ListName, type ListUser } from './connections.js';
import { cursorSql, decodeCursor, keysetSql, type OrderInput, orderSql, type ResolvedOrder, resolveOrder } from './list-order.js';
import { whereSql } from './list-where.js';

export const DEFAULT_PAGE_SIZE = 20;

/** What a root list takes: the page, the original `filter`, the operators' `where` and `orderBy`. */
export interface ListArgs extends PageArgs {
  /** The list's `filter` input (WorkerFilter, ClaimFilter, …). */
  filter?: object | null;
  where?: Filter | null;
  orderBy?: OrderInput[] | null;
}

/** The conditions of a list (its `filter` and `where`, ANDed) as SQL on alias `t`: what its count and aggregates read. */
export function listConditions(
  list: ConnectionName,
  args: Pick<ListArgs, 'filter' | 'where'>,
  st: Statement,
  user: ListUser | null,
): string[] {
  const spec = CONNECTIONS[list]!;
  return [...spec.filter({ ...(args.filter ?? {}) } as Filter, st, user), ...whereSql(spec, args.where ?? {}, st, user)];
}

export interface ListPage {
  spec: ConnectionSpec;
  st: Statement;
  order: ResolvedOrder;
  /** The list's conditions (no cursor): for `totalCount` and its estimate. */
  conditions: string[];
  limit: number;
  isLast: boolean;
  after: boolean;
  before: boolean;
  /** The page's rows as alias `t`, one more than the page to tell whether another follows (in no order: order by `orderSql`). Call once. */
  fromSql(): string;
  /** The order of the rows on the page. */
  orderSql: string;
  /** The edge cursor of row `t`. */
  cursorSql: string;
}

/**
 * One page of a list as SQL: checked (page sizes, cursors against the order, filters, masked
 * fields) and built once, for the compiled read path (which nests it in its JSON statement) and
 * for the ORM path (which runs it and maps the rows to entities).
 */
export function listPage(list: ConnectionName, args: ListArgs, user: ListUser | null, pageSizeMax: number, st = new Statement()): ListPage {
  const spec = CONNECTIONS[list]!;
  const { first, last, after, before } = args;
  checkPageSize(args, pageSizeMax);
  const order = resolveOrder(spec, args.orderBy, user);
  const conditions = listConditions(list, args, st, user);
  // Decoded (and refused) now; written into the statement only by `fromSql`, since a statement on a
  // connection of its own must not carry parameters its text does not use.
  const afterValues = after ? decodeCursor(after, order, 'after') : null;
  const beforeValues = before ? decodeCursor(before, order, 'before') : null;
  const isLast = last != null;
  const limit = isLast ? last : (first ?? DEFAULT_PAGE_SIZE);
  return {
    spec,
    st,
    order,
    conditions,
    limit,
    isLast,
    after: !!after,
    before: !!before,
    fromSql() {
      const rows = [...conditions];
      if (afterValues) rows.push(keysetSql(order, afterValues, st, false));
      if (beforeValues) rows.push(keysetSql(order, beforeValues, st, true));
      const whereText = rows.length ? ` where ${rows.join(' and ')}` : '';
      // `last` reads backward from the end (or from `before`); the page is turned round by `orderSql`.
      // The limit is written in, not a parameter: PostgreSQL plans a LIMIT $n anew at every
      // execution of the prepared statement (the generic plan cannot know it), 0.5 ms a page.
      // checkPageSize bounds it to a whole number up to the page size limit, so few texts come of it.
      return `(select * from ${spec.table} t${whereText} order by ${orderSql(order, isLast)} limit ${wholeNumber(limit + 1)}) t`;
    },
    orderSql: orderSql(order),
    cursorSql: cursorSql(order),
  };
}

/** A whole list in its order, with no page or cursor: the one statement an export reads through a server-side cursor. */
export interface ListRows {
  spec: ConnectionSpec;
  st: Statement;
  /** ` where …`, the list's conditions on alias `t` (empty when it has none). */
  whereSql: string;
  orderSql: string;
}

/** The list's rows as listPage would page through them, checked the same way (order first, then filters and masked fields). */
export function listRows(
  list: ListName,
  args: Pick<ListArgs, 'filter' | 'where' | 'orderBy'>,
  user: ListUser | null,
  st = new Statement(),
): ListRows {
  const spec = CONNECTIONS[list]!;
  const order = resolveOrder(spec, args.orderBy, user);
  const conditions = listConditions(list, args, st, user);
  return { spec, st, whereSql: conditions.length ? ` where ${conditions.join(' and ')}` : '', orderSql: orderSql(order) };
}
