import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import { numericKey } from '../../schema/types/global-id.js';
import type { Statement } from './compile.js';
import { type ConnectionSpec, escapeLike, type Filter, type ListField, type ListUser, SQL_TYPE } from './connections.js';

/**
 * `where:` in the style of PostGraphile's connection filter: per field `equalTo`, `notEqualTo`,
 * `in`, `notIn`, `lessThan(OrEqualTo)`, `greaterThan(OrEqualTo)`, `isNull`, for text
 * `includesInsensitive` and `startsWith`, and `and` / `or` / `not` around them. Operators of one
 * field and the fields of one object must all hold. Variables reach here without the document's
 * nesting limit, so depth, conditions and list sizes are bounded here, each refusal naming the path.
 */
export const WHERE_LIMITS = { depth: 4, conditions: 40, listSize: 100, textMax: 100, includesMin: 3 };

export const COMPARISONS = ['lessThan', 'lessThanOrEqualTo', 'greaterThan', 'greaterThanOrEqualTo'] as const;
const SQL_OP: Record<string, string> = {
  equalTo: '=',
  notEqualTo: '<>',
  lessThan: '<',
  lessThanOrEqualTo: '<=',
  greaterThan: '>',
  greaterThanOrEqualTo: '>=',
};

/** The operators a field offers, by its kind (the GraphQL input types are built from the same list). */
export function operatorsOf(field: ListField): string[] {
  const eq = ['equalTo', 'notEqualTo', 'in', 'notIn'];
  const nulls = ['isNull'];
  switch (field.kind) {
    case 'id':
    case 'enum':
      return [...eq, ...nulls];
    case 'boolean':
      return ['equalTo', 'notEqualTo', ...nulls];
    case 'text':
      return [...eq, ...COMPARISONS, ...nulls, 'includesInsensitive', 'startsWith'];
    default:
      return [...eq, ...COMPARISONS, ...nulls];
  }
}

/** May this caller filter or sort by the field? A hidden value must not be probed one guess at a time. */
export function checkVisible(field: ListField, name: string, path: string, user: ListUser | null, what: 'filter' | 'sort'): void {
  if (field.mask && !user?.seesPersonalData) {
    throw new ForbiddenError(
      `${path}: role ${user?.role ?? 'anonymous'} may not ${what} by ${name}: it is personal data this role sees masked`,
    );
  }
}

export function whereSql(spec: ConnectionSpec, where: Filter, st: Statement, user: ListUser | null): string[] {
  const budget = { conditions: 0 };
  const sql = objectSql(spec, where, 'where', 1, st, user, budget);
  return sql === null ? [] : [sql];
}

function objectSql(
  spec: ConnectionSpec,
  where: Filter,
  path: string,
  depth: number,
  st: Statement,
  user: ListUser | null,
  budget: { conditions: number },
): string | null {
  if (depth > WHERE_LIMITS.depth) {
    throw new ValidationError(path, `nests and/or/not deeper than ${WHERE_LIMITS.depth} levels: flatten the condition`);
  }
  const parts: string[] = [];
  for (const [name, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const at = `${path}.${name}`;
    if (name === 'and' || name === 'or') {
      const items = value as Filter[];
      checkSize(at, items.length);
      if (name === 'or' && items.length === 0) throw new ValidationError(at, 'needs at least one condition');
      const inner = items.map((item, i) => objectSql(spec, item, `${at}[${i}]`, depth + 1, st, user, budget) ?? 'true');
      if (inner.length) parts.push(`(${inner.join(name === 'and' ? ' and ' : ' or ')})`);
    } else if (name === 'not') {
      const inner = objectSql(spec, value as Filter, at, depth + 1, st, user, budget);
      if (inner) parts.push(`not ${inner}`);
    } else {
      const field = spec.fields[name];
      if (!field) throw new ValidationError(at, `is not a field of ${spec.name}Where`);
      checkVisible(field, name, at, user, 'filter');
      for (const [op, operand] of Object.entries(value as Filter)) {
        if (operand === null || operand === undefined) continue;
        if (++budget.conditions > WHERE_LIMITS.conditions) {
          throw new ValidationError('where', `holds more than ${WHERE_LIMITS.conditions} conditions: narrow it or split the question`);
        }
        parts.push(fieldSql(field, `${at}.${op}`, op, operand, st));
      }
    }
  }
  if (!parts.length) return null;
  return parts.length === 1 ? parts[0]! : `(${parts.join(' and ')})`;
}

function checkSize(path: string, n: number): void {
  if (n > WHERE_LIMITS.listSize) throw new ValidationError(path, `holds ${n} values, more than ${WHERE_LIMITS.listSize}`);
}

function fieldSql(field: ListField, path: string, op: string, operand: unknown, st: Statement): string {
  const column = `t.${field.column}`;
  const cast = SQL_TYPE[field.kind];
  const value = (v: unknown) => st.param(operandValue(field, path, v), cast);
  switch (op) {
    case 'isNull':
      return `${column} is ${operand ? '' : 'not '}null`;
    case 'in':
    case 'notIn': {
      const items = operand as unknown[];
      checkSize(path, items.length);
      const values = items.map((v, i) => operandValue(field, `${path}[${i}]`, v));
      // An empty `in` matches nothing and an empty `notIn` everything, as in SQL's own `= any('{}')`.
      const any = `${column} = any(${st.param(values, `${cast}[]`)})`;
      return op === 'in' ? any : `not coalesce(${any}, false)`;
    }
    case 'includesInsensitive': {
      const term = textOperand(path, operand, WHERE_LIMITS.includesMin);
      return `${column} ilike ${st.param(`%${escapeLike(term)}%`, 'text')}`;
    }
    case 'startsWith':
      return `${column} like ${st.param(`${escapeLike(textOperand(path, operand, 1))}%`, 'text')}`;
    case 'notEqualTo':
      // PostGraphile's notEqualTo is IS DISTINCT FROM: a null column is not equal to a value.
      return `${column} is distinct from ${value(operand)}`;
    default: {
      const sqlOp = SQL_OP[op];
      if (!sqlOp) throw new ValidationError(path, 'is not an operator of this field');
      return `${column} ${sqlOp} ${value(operand)}`;
    }
  }
}

function textOperand(path: string, operand: unknown, min: number): string {
  const term = operand as string;
  if (term.length < min || term.length > WHERE_LIMITS.textMax) {
    throw new ValidationError(path, `must be ${min} to ${WHERE_LIMITS.textMax} characters`);
  }
  return term;
}

/** The value as its column holds it: a global ID as its number, rupiah as digits (never a float), text bounded. */
function operandValue(field: ListField, path: string, v: unknown): unknown {
  switch (field.kind) {
    case 'id':
      return numericKey(path, v as string, field.idType!);
    case 'rupiah':
      return (v as bigint).toString();
    case 'timestamp':
      return (v as Date).toISOString();
    case 'boolean':
      // Parameters travel as text (read-pool.ts writes them as literals); the statement casts them back.
      return String(v);
    case 'text':
      if ((v as string).length > 200) throw new ValidationError(path, 'must be at most 200 characters');
      return v;
    default:
      return v;
  }
}
