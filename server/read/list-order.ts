import { ValidationError } from '../../schema/errors.js';
import { parseDate } from '../../schema/validation.js';
import { base64url } from './catalogue.js';
import type { Statement } from './compile.js';
import { type ConnectionSpec, type ListField, type ListUser, type OrderKey, SQL_TYPE } from './connections.js';
import { cursorRefusal, decodeCursorList } from '../services/pagination.js';
import { checkVisible } from './list-where.js';

/**
 * `orderBy:` of the connections and the keyset cursors of an order. An order always ends with the
 * id (in the direction of the entry before it), so it is total and a page never skips or repeats
 * a row. A cursor is MikroORM's encoding, base64url of a JSON array of the row's order values; a
 * cursor of an order other than the list's default also carries the order's tag as its last
 * element, so a cursor made for one order is refused by another instead of paging wrongly.
 *
 * A nullable column sorts its nulls after every value (last ascending, first descending, as
 * PostgreSQL does by default). It is ordered as two terms, `(col is null)` then the column with a
 * stand-in for null, so that the row comparison of a keyset holds no null on either side and an
 * expression index on the same terms and the id serves it as one range; its cursor value is JSON
 * null. The stand-in is written as CASE, not coalesce: under row-level security only conditions
 * PostgreSQL knows to be leakproof become index conditions, and it treats every COALESCE as leaky
 * (CASE and IS NULL it knows), so a coalesce keyset was a filter over the index from its start.
 */
export const MAX_ORDER_KEYS = 3;

export interface OrderInput {
  field: string;
  direction?: 'ASC' | 'DESC' | null;
}

export interface ResolvedKey extends OrderKey {
  column: string;
  kind: ListField['kind'];
  nullable: boolean;
}

export interface ResolvedOrder {
  keys: ResolvedKey[];
  /** Null for the list's default order (its cursors are those the API has always given). */
  tag: string | null;
}

export function resolveOrder(spec: ConnectionSpec, orderBy: OrderInput[] | null | undefined, user: ListUser | null): ResolvedOrder {
  const resolve = (k: OrderKey): ResolvedKey => {
    const f = spec.fields[k.field]!;
    return { ...k, column: f.column, kind: f.kind, nullable: !!f.nullable };
  };
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

/**
 * What a nullable column's null stands in for in its order term: any value of the type will do,
 * since the `is null` term before it already tells nulls from values. Migration 20261204000100's
 * indexes are written on the same expressions.
 */
const NULL_STAND_IN: Record<string, string> = { date: '0001-01-01', text: '', bigint: '0', int: '0' };

interface Term {
  sql: string;
  type: string;
  desc: boolean;
  /** The cursor value's parameter for this term. */
  value(v: unknown): unknown;
}

function terms(order: ResolvedOrder): Term[] {
  return order.keys.flatMap((k): Term[] => {
    const column = `t.${k.column}`;
    const type = SQL_TYPE[k.kind];
    if (!k.nullable) return [{ sql: column, type, desc: k.desc, value: (v) => v }];
    const standIn = NULL_STAND_IN[type];
    if (standIn === undefined) throw new Error(`no null stand-in for ${type}: add one before offering ${k.field} as an order`);
    return [
      { sql: `(${column} is null)`, type: 'boolean', desc: k.desc, value: (v) => String(v === null) },
      {
        sql: `(case when ${column} is null then '${standIn}'::${type} else ${column} end)`,
        type,
        desc: k.desc,
        value: (v) => (v === null ? standIn : v),
      },
    ];
  });
}

/** `t.a desc, t.id desc`, or its reverse (a backward page is read in reverse, then turned round). */
export function orderSql(order: ResolvedOrder, reverse = false): string {
  return terms(order)
    .map((t) => `${t.sql} ${t.desc !== reverse ? 'desc' : 'asc'}`)
    .join(', ');
}

/** JSON text of a row's order values, as JSON.stringify writes them (dates and money as strings, ids as numbers, null as null). */
function valueJson(k: ResolvedKey): string {
  const column = `t.${k.column}`;
  const json = (() => {
    switch (k.kind) {
      case 'id':
      case 'int':
        return `${column}::text`;
      case 'date':
      case 'month':
        return `'"' || to_char(${column}, 'YYYY-MM-DD') || '"'`;
      case 'rupiah':
        return `'"' || ${column}::text || '"'`;
      case 'timestamp':
        return `'"' || ${timestampText(column)} || '"'`;
      default:
        return `to_json(${column})::text`;
    }
  })();
  return k.nullable ? `coalesce(${json}, 'null')` : json;
}

/**
 * A timestamp as JavaScript's toISOString writes it (milliseconds), which is what MikroORM's
 * cursors held, unless the value has microseconds (a row written by SQL's `now()`, such as the
 * seed's and the import's audit entries): then all six digits, or the cursor would fall between
 * rows of the same millisecond and the next page would skip them.
 */
function timestampText(column: string): string {
  const utc = `${column} at time zone 'UTC'`;
  return (
    `case when extract(microseconds from ${column})::bigint % 1000 = 0 ` +
    `then to_char(${utc}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') else to_char(${utc}, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end`
  );
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
    const k = order.keys[i]!;
    if (!(v === null && k.nullable) && !fits(v, k.kind)) throw refuse(`value ${i + 1} is not a ${k.kind}`);
  });
  return values;
}

/** ISO 8601 in UTC with 3 or 6 fractional digits, as `timestampText` writes it, within the years a record may carry. */
const TIMESTAMP = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.(\d{3}|\d{6})Z$/;

function fits(value: unknown, kind: ListField['kind']): boolean {
  switch (kind) {
    case 'id':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    case 'int':
      return Number.isSafeInteger(value) && Math.abs(value as number) <= 2_147_483_647;
    case 'timestamp': {
      const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
      if (!m || Number(m[1]) < 1900 || Number(m[1]) > 2100) return false;
      // Date.parse takes 2026-02-30 as 2 March: a real instant writes itself back the same.
      const ms = `${(value as string).slice(0, 23)}Z`;
      const instant = new Date(ms);
      return !Number.isNaN(instant.getTime()) && instant.toISOString() === ms;
    }
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

/**
 * The rows after (or, `before`, before) a cursor in the order. One direction throughout: a row
 * comparison, which an index on the order's columns serves as a range; mixed directions: the
 * expanded form a >= x and ((a > x) or (a = x and b < y) or …).
 */
export function keysetSql(order: ResolvedOrder, values: unknown[], st: Statement, before: boolean): string {
  const all = terms(order);
  // A nullable key stands for two terms, both fed from its one cursor value.
  const termValues = order.keys.flatMap((k, i) => (k.nullable ? [values[i], values[i]] : [values[i]]));
  const params = all.map((t, i) => st.param(t.value(termValues[i]), t.type));
  const op = (t: Term) => (t.desc !== before ? '<' : '>');
  const cols = all.map((t) => t.sql);
  if (all.every((t) => t.desc === all[0]!.desc)) {
    return cols.length === 1 ? `${cols[0]} ${op(all[0]!)} ${params[0]}` : `(${cols.join(', ')}) ${op(all[0]!)} (${params.join(', ')})`;
  }
  const branches = all.map((t, i) =>
    [...cols.slice(0, i).map((c, j) => `${c} = ${params[j]}`), `${cols[i]} ${op(t)} ${params[i]}`].join(' and '),
  );
  // The leading key's own bound (`a >= x`) is implied by the branches; written out, it is what an index on `a` can start from.
  return `${cols[0]} ${op(all[0]!)}= ${params[0]} and (${branches.map((b) => `(${b})`).join(' or ')})`;
}
