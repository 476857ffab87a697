import {
  coerceInputValue,
  type GraphQLField,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
} from 'graphql';
import { DomainError } from '../../schema/errors.js';
import { maskValue, type PersonalDataKind } from '../../schema/personal-data.js';
import type { Principal } from '../auth/roles.js';
import type { TypeName } from '../read/catalogue.js';
import { flatSql } from '../read/compile.js';
import { CONNECTIONS, type ListName } from '../read/connections.js';
import type { OrderInput } from '../read/list-order.js';
import { listRows } from '../read/list-query.js';
import { EXPORT_KINDS, type ExportKind } from './export-kinds.js';

/**
 * An export as ONE statement: the list's rows (list-query.ts: the connection's own filter, where
 * and order, checked as the connection checks them) with one select item per column, the compiled
 * read path's own column SQL (compile.ts `flatSql`: the catalogue's expressions, masked in SQL for
 * a role without personal-data access, references as joins). Each fetched value is then finished
 * as graphql-js finishes the connection's node: the field's personal-data mask (`maskValue`, as
 * the schema's field wrapper applies it) and the field type's own `serialize`. So a cell holds
 * what the connection answers that caller for that field.
 */
export interface ExportStatement {
  text: string;
  values: unknown[];
  /** A fetched row (one value per column, `rowMode: 'array'`) as the export's cells. */
  cells(row: unknown[]): unknown[];
}

/** What the export log holds: the list's arguments as a client sent them (the wire form of each scalar). */
export interface ExportArguments {
  filter: Record<string, unknown>;
  where?: Record<string, unknown> | null;
  orderBy?: unknown[] | null;
}

export function exportStatement(schema: GraphQLSchema, kind: ExportKind, args: ExportArguments, user: Principal): ExportStatement {
  const spec = EXPORT_KINDS[kind];
  const list = spec.connection as ListName;
  const type = CONNECTIONS[list]!.type;
  const rows = listRows(
    list,
    {
      filter: coerced(args.filter, named(schema, spec.filterType)) as object,
      where: args.where ? (coerced(args.where, named(schema, spec.whereType)) as Record<string, unknown>) : null,
      orderBy: args.orderBy ? (coerced(args.orderBy, orderList(schema, spec.orderType)) as OrderInput[]) : null,
    },
    user,
  );
  const masked = user.seesPersonalData !== true;
  const paths = spec.columns.map((c) => c.path);
  const { items, joins } = flatSql(type, paths, 't', rows.st, { masked });
  const finish = paths.map((path) => finisherOf(schema, type, path, masked));
  return {
    text: `select ${items.join(', ')} from ${rows.spec.table} t${joins.map((j) => ` ${j}`).join('')}${rows.whereSql} order by ${rows.orderSql}`,
    values: rows.st.values,
    cells: (row) => finish.map((f, i) => f(row[i])),
  };
}

const named = (schema: GraphQLSchema, name: string) => schema.getType(name) as GraphQLInputType;
const orderList = (schema: GraphQLSchema, name: string) => new GraphQLList(new GraphQLNonNull(named(schema, name)));

/**
 * The stored arguments through their input types, as graphql-js coerces a request's variables
 * (Month "2023-01" to 2023-01-01, Rupiah digits to bigint, enum names to values). A value no
 * longer valid is the caller's error, with the domain error a scalar gave where it gave one.
 */
function coerced(value: unknown, type: GraphQLInputType): unknown {
  try {
    return coerceInputValue(value, type);
  } catch (error) {
    const cause = (error as { originalError?: unknown }).originalError;
    throw cause instanceof DomainError ? cause : error;
  }
}

/** What graphql-js does with a column's field once resolved: the field's mask, then its type's `serialize` (item by item for a list). */
function finisherOf(schema: GraphQLSchema, root: TypeName, path: string, masked: boolean): (value: unknown) => unknown {
  let objectType = schema.getType(root) as GraphQLObjectType;
  let field: GraphQLField<unknown, unknown> | undefined;
  for (const part of path.split('.')) {
    if (field) objectType = getNamedType(field.type) as GraphQLObjectType;
    field = objectType.getFields()[part];
    if (!field) throw new Error(`export column ${path}: ${objectType.name} has no field ${part}`);
  }
  const kind = masked ? (field!.extensions?.personalData as PersonalDataKind | undefined) : undefined;
  const serialize = serializerOf(field!.type, path);
  return (value) => {
    const shown = kind ? maskValue(kind, value) : value;
    return shown === null || shown === undefined ? null : serialize(shown);
  };
}

function serializerOf(type: GraphQLOutputType, path: string): (value: unknown) => unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = serializerOf(nullable.ofType, path);
    return (value) => (value as unknown[]).map((v) => (v === null || v === undefined ? null : item(v)));
  }
  if (isLeafType(nullable)) return (value) => nullable.serialize(value);
  throw new Error(`export column ${path}: not a scalar or enum field`);
}
