import { CATALOGUE, type Column, type Relation, type TypeName } from './catalogue.js';
import { maskSql } from './mask-sql.js';
import { type Selection, Unsupported } from './selection.js';

/** The text and values of one statement under construction; values become `$n` parameters. */
export class Statement {
  readonly values: unknown[] = [];
  /** The parameters' types, for `prepare name(types) as …`. */
  readonly types: string[] = [];
  private aliases = 0;

  param(value: unknown, type: string): string {
    this.values.push(value);
    this.types.push(type);
    return `$${this.values.length}::${type}`;
  }

  alias(): string {
    return `t${this.aliases++}`;
  }
}

/** A number to write into SQL text: refused unless a whole number (GraphQL's Int, checked, always is). */
export function wholeNumber(n: unknown): string {
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error(`not a whole number: ${String(n)}`);
  return String(n);
}

export interface CompileOptions {
  /** Roles without personal-data access get the masked value out of PostgreSQL. */
  masked: boolean;
}

/**
 * One `json_build_object` for a row of `type` under alias `t`, with its single references and
 * lists as correlated subqueries (each an index lookup per row, planned once): the whole
 * nested answer comes back as one JSON value from one statement.
 */
export function objectSql(type: TypeName, selection: Selection, t: string, st: Statement, options: CompileOptions): string {
  const spec = CATALOGUE[type];
  const pairs: string[] = [];
  for (const [field, sel] of selection) {
    const column = spec.columns[field];
    if (column) {
      if (Object.keys(sel.args).length) throw new Unsupported(`${type}.${field} with arguments`);
      pairs.push(`'${column.prop}', ${columnSql(column, t, options)}`);
      continue;
    }
    const relation = spec.relations[field];
    if (!relation) throw new Unsupported(`${type}.${field}`);
    const c = st.alias();
    const child = objectSql(relation.target, sel.fields, c, st, options);
    pairs.push(`'${relation.prop}', ${relationSql(relation, child, t, c, st, sel.args, `${type}.${field}`)}`);
  }
  // json_build_object takes at most 100 arguments; no type here has 50 fields.
  if (pairs.length > 50) throw new Unsupported(`${type}: too many fields`);
  return `json_build_object(${pairs.join(', ')})`;
}

/**
 * A relation of the row under alias `t` as a subquery over child alias `c` whose object is
 * `child`: a single reference is the one row (null when there is none, or the policies hide it),
 * a list is a JSON array in the loaders' order, `last: N` its newest N.
 */
export function relationSql(
  relation: Relation,
  child: string,
  t: string,
  c: string,
  st: Statement,
  args: Record<string, unknown>,
  field: string,
): string {
  const target = CATALOGUE[relation.target];
  if (!relation.many) return `(select ${child} from ${target.table} ${c} where ${relation.on(t, c)})`;
  if (relation.last) {
    const given = args[relation.last.arg] ?? relation.last.defaultValue;
    // Written in as list-query.ts writes a page's limit (a LIMIT parameter is planned at every execution).
    if (typeof given !== 'number' || given < relation.last.min || given > relation.last.max) {
      throw new Unsupported(`${field}(${relation.last.arg}) out of range`);
    }
    const r = st.alias();
    return (
      `(select coalesce(json_agg(${r}.j order by ${relation.order!(r)}), '[]'::json) from ` +
      `(select ${child} as j, ${c}.* from ${target.table} ${c} where ${relation.on(t, c)} order by ${relation.order!(c)} ` +
      `limit ${wholeNumber(given)}) ${r})`
    );
  }
  return `(select coalesce(json_agg(${child} order by ${relation.order!(c)}), '[]'::json) from ${target.table} ${c} where ${relation.on(t, c)})`;
}

/** A column's SQL for the caller: masked inside PostgreSQL for roles without personal-data access. */
export function columnSql(column: Column, t: string, options: CompileOptions): string {
  const sql = column.sql(t);
  return options.masked && column.mask ? maskSql(column.mask, sql) : sql;
}

/**
 * Leaf paths of `type` under alias `t` (`enrolment.worker.nik`) as one select item each, no JSON
 * built: a single reference is a LEFT JOIN (one per reference, however many paths cross it), so
 * a row the policies hide gives nulls, as objectSql's subquery gives null. For reading many rows
 * of few columns (the export); the values are the same columns' SQL as objectSql's.
 */
export function flatSql(
  type: TypeName,
  paths: string[],
  t: string,
  st: Statement,
  options: CompileOptions,
): { items: string[]; joins: string[] } {
  const joins: string[] = [];
  const joined = new Map<string, { alias: string; type: TypeName }>();
  const items = paths.map((path) => {
    const parts = path.split('.');
    let at = { alias: t, type };
    parts.slice(0, -1).forEach((part, i) => {
      const key = parts.slice(0, i + 1).join('.');
      let next = joined.get(key);
      if (!next) {
        const relation = CATALOGUE[at.type].relations[part];
        if (!relation || relation.many) throw new Unsupported(`${at.type}.${part} is not a single reference`);
        next = { alias: st.alias(), type: relation.target };
        joins.push(`left join ${CATALOGUE[relation.target].table} ${next.alias} on ${relation.on(at.alias, next.alias)}`);
        joined.set(key, next);
      }
      at = next;
    });
    const column = CATALOGUE[at.type].columns[parts[parts.length - 1]!];
    if (!column) throw new Unsupported(`${at.type}.${parts[parts.length - 1]}`);
    return columnSql(column, at.alias, options);
  });
  return { items, joins };
}
