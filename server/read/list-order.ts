import { ValidationError } from '../../schema/errors.js';
import { parseDate } from '../../schema/validation.js';
import { base64url } from './catalogue.js';
import type { Statement } from './compile.js';
import type { ConnectionSpec, ListField, ListUser, OrderKey } from './connections.js';
import { cursorRefusal, decodeCursorList } from '../services/pagination.js';
import { checkVisible } from './list-where.js';

/**
 * `orderBy:` of the four lists and the keyset cursors of an order. An order always ends with the
 * id (in the direction of the entry before it), so it is total and a page never skips or repeats
 * a row. A cursor is MikroORM's encoding, base64url of a JSON array of the row's order values; a
 * cursor of an order other than the list's default also carries the order's tag as its last
 * element, so a cursor made for one order is refused by another instead of paging wrongly.
 */
export const MAX_ORDER_KEYS = 3;

export interface OrderInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

export interface ResolvedKey extends OrderKey {
  column: string;
  kind: ListField['kind'];
}

export interface ResolvedOrder {
  keys: ResolvedKey[];
  /** Null for the list's default order (its cursors are those the API has always given). */
  tag: string | null;
}

export function resolveOrder(spec: ConnectionSpec, orderBy: OrderInput[] | null | undefined, user: ListUser | null): ResolvedOrder {
  const resolve = (k: OrderKey): ResolvedKey => ({ ...k, column: spec.fields[k.field]!.column, kind: spec.fields[k.field]!.kind });
  if (!orderBy?.length) return { keys: spec.defaultOrder.map(resolve), tag: null };
  if (orderBy.length > MAX_ORDER_KEYS) throw new ValidationError('orderBy', `takes at most ${MAX_ORDER_KEYS} entries`);
  const keys: OrderKey[] = [];
  orderBy.forEach((entry, i) => {
    const name = Object.keys(spec.fields).find((f) => spec.fields[f]!.order === entry.field);
    if (!name) throw new ValidationError(`orderBy[${i}].field`, `${entry.field} is not an order of ${spec.name}`);
    checkVisible(spec.fields[name]!, name, `orderBy[${i}].field`, user, 'sort');
    if (keys.some((k) => k.field === name)) throw new ValidationError(`orderBy[${i}].field`, `${entry.field} is given twice`);
    if (keys.some((k) => k.field === 'id')) throw new ValidationError(`orderBy[${i}].field`, 'ID is unique: nothing may follow it');
    keys.push({ field: name, desc: entry.direction === 'DESC' });
  });
  if (keys[keys.length - 1]!.field !== 'id') keys.push({ field: 'id', desc: keys[keys.length - 1]!.desc });
  const isDefault =
    keys.length === spec.defaultOrder.length &&
    keys.every((k, i) => k.field === spec.defaultOrder[i]!.field && k.desc === spec.defaultOrder[i]!.desc);
  return { keys: keys.map(resolve), tag: isDefault ? null : tagOf(keys) };
}

const tagOf = (keys: OrderKey[]) => `order:${keys.map((k) => `${k.field} ${k.desc ? 'DESC' : 'ASC'}`).join(', ')}`;
const labelOf = (order: ResolvedOrder) => order.tag?.slice('order:'.length) ?? 'the default order';

/** `t.a desc, t.id desc`, or its reverse (a backward page is read in reverse, then turned round). */
export function orderSql(order: ResolvedOrder, reverse = false): string {
  return order.keys.map((k) => `t.${k.column} ${k.desc !== reverse ? 'desc' : 'asc'}`).join(', ');
}

/** JSON text of a row's order values, as JSON.stringify writes them (dates and money as strings, ids as numbers). */
function valueJson(k: ResolvedKey): string {
  const column = `t.${k.column}`;
  switch (k.kind) {
    case 'id':
      return column;
    case 'date':
    case 'month':
      return `'"' || to_char(${column}, 'YYYY-MM-DD') || '"'`;
    case 'rupiah':
      return `'"' || ${column}::text || '"'`;
    default:
      return `to_json(${column})::text`;
  }
}

/** The edge cursor of the row under alias `t`. */
export function cursorSql(order: ResolvedOrder): string {
  const parts = order.keys.map(valueJson);
  // The tag holds field names, spaces, commas and a colon only: safe inside a SQL literal.
  if (order.tag) parts.push(`'"${order.tag}"'`);
  return base64url(`'[' || ${parts.join(` || ',' || `)} || ']'`);
}

/**
 * A cursor is decoded and checked here against the order's columns, so that a hand-made one
 * (`["abc"]`, a date where an id belongs) or one of another order is the caller's error naming
 * the argument, not a failed SQL statement or a wrong page.
 */
export function decodeCursor(value: string, order: ResolvedOrder, name: string): unknown[] {
  const refuse = cursorRefusal(name);
  const decoded = decodeCursorList(name, value);
  const last = decoded[decoded.length - 1];
  const tag = typeof last === 'string' && last.startsWith('order:') ? last : null;
  if (tag !== order.tag) {
    const made = tag ? tag.slice('order:'.length) : 'the default order';
    throw refuse(`it was made for ${made}, this query asks for ${labelOf(order)}: start again from the first page`);
  }
  const values = tag ? decoded.slice(0, -1) : decoded;
  if (values.length !== order.keys.length) throw refuse(`expected ${order.keys.length} values`);
  values.forEach((v, i) => {
    if (!fits(v, order.keys[i]!.kind)) throw refuse(`value ${i + 1} is not a ${order.keys[i]!.kind}`);
  });
  return values;
}

function fits(value: unknown, kind: ListField['kind']): boolean {
  switch (kind) {
    case 'id':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'date':
    case 'month':
      try {
        return typeof value === 'string' && parseDate('cursor', value) === value;
      } catch {
        return false;
      }
    case 'rupiah':
      return typeof value === 'string' && /^[0-9]{1,19}$/.test(value);
    default:
      return typeof value === 'string' && value.length <= 200;
  }
}

const CAST: Record<ListField['kind'], string> = {
  id: 'bigint',
  date: 'date',
  month: 'date',
  rupiah: 'bigint',
  text: 'text',
  enum: 'text',
  boolean: 'boolean',
};

/**
 * The rows after (or, `before`, before) a cursor in the order. One direction throughout: a row
 * comparison, which an index on the order's columns serves as a range; mixed directions: the
 * expanded form a >= x and ((a > x) or (a = x and b < y) or …).
 */
export function keysetSql(order: ResolvedOrder, values: unknown[], st: Statement, before: boolean): string {
  const params = order.keys.map((k, i) => st.param(values[i], CAST[k.kind]));
  const op = (k: ResolvedKey) => (k.desc !== before ? '<' : '>');
  const cols = order.keys.map((k) => `t.${k.column}`);
  if (order.keys.every((k) => k.desc === order.keys[0]!.desc)) {
    return cols.length === 1
      ? `${cols[0]} ${op(order.keys[0]!)} ${params[0]}`
      : `(${cols.join(', ')}) ${op(order.keys[0]!)} (${params.join(', ')})`;
  }
  const branches = order.keys.map((k, i) =>
    [...cols.slice(0, i).map((c, j) => `${c} = ${params[j]}`), `${cols[i]} ${op(k)} ${params[i]}`].join(' and '),
  );
  // The leading key's own bound (`a >= x`) is implied by the branches; written out, it is what an index on `a` can start from.
  return `${cols[0]} ${op(order.keys[0]!)}= ${params[0]} and (${branches.map((b) => `(${b})`).join(' or ')})`;
}
