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
import { CATALOGUE, type TypeName } from '../read/catalogue.js';
import { objectSql } from '../read/compile.js';
import { CONNECTIONS, type ListName } from '../read/connections.js';
import type { OrderInput } from '../read/list-order.js';
import { listRows } from '../read/list-query.js';
import type { Selection } from '../read/selection.js';
import { EXPORT_KINDS, type ExportColumn, type ExportKind } from './export-kinds.js';

/**
 * An export as ONE statement: the list's rows (list-query.ts: the connection's own filter, where
 * and order, checked as the connection checks them) with each row's node built by the compiled
 * read path's `objectSql` from the export's column paths, masked in SQL for a role without
 * personal-data access. Each fetched node is then finished as graphql-js finishes the
 * connection's node: the field's personal-data mask (`maskValue`, as the schema's field wrapper
 * applies it) and the field type's own `serialize`. So a cell holds what the connection answers
 * that caller for that field.
 */
export interface ExportStatement {
  text: string;
  values: unknown[];
  /** A fetched node (column `n`) as the export's cells, in the columns' order. */
  cells(node: Record<string, unknown>): unknown[];
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
  const node = objectSql(type, selectionOf(spec.columns), 't', rows.st, { masked });
  const readers = spec.columns.map((c) => readerOf(schema, type, c, masked));
  return {
    text: `select ${node} as n from ${rows.fromSql} order by ${rows.orderSql}`,
    values: rows.st.values,
    cells: (n) => readers.map((read) => read(n)),
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

/** The columns' paths as the selection the compiled read path builds SQL from (`enrolment.worker.nik` → enrolment { worker { nik } }). */
function selectionOf(columns: ExportColumn[]): Selection {
  const root: Selection = new Map();
  for (const column of columns) {
    let level = root;
    for (const part of column.path.split('.')) {
      let entry = level.get(part);
      if (!entry) level.set(part, (entry = { args: {}, type: null, fields: new Map() }));
      level = entry.fields;
    }
  }
  return root;
}

/**
 * Reads a column's value out of a node: the catalogue's property names along the path (`id` is
 * `nodeId`, a reference its relation's `prop`), then what graphql-js would do with the leaf:
 * the field's mask, then its type's `serialize`, item by item for a list.
 */
function readerOf(
  schema: GraphQLSchema,
  root: TypeName,
  column: ExportColumn,
  masked: boolean,
): (node: Record<string, unknown>) => unknown {
  const parts = column.path.split('.');
  const props: string[] = [];
  let table: TypeName = root;
  let objectType = schema.getType(root) as GraphQLObjectType;
  let field: GraphQLField<unknown, unknown> | undefined;
  parts.forEach((part, i) => {
    field = objectType.getFields()[part];
    if (!field) throw new Error(`export column ${column.path}: ${objectType.name} has no field ${part}`);
    if (i < parts.length - 1) {
      const relation = CATALOGUE[table].relations[part];
      if (!relation || relation.many) throw new Error(`export column ${column.path}: ${table}.${part} is not a single reference`);
      props.push(relation.prop);
      table = relation.target;
      objectType = getNamedType(field.type) as GraphQLObjectType;
    } else {
      const spec = CATALOGUE[table].columns[part];
      if (!spec) throw new Error(`export column ${column.path}: ${table}.${part} is not a column of the compiled read path`);
      props.push(spec.prop);
    }
  });
  const kind = masked ? (field!.extensions?.personalData as PersonalDataKind | undefined) : undefined;
  const serialize = serializerOf(field!.type, column.path);
  return (node) => {
    let value: unknown = node;
    for (const prop of props) {
      if (value === null || value === undefined) return null;
      value = (value as Record<string, unknown>)[prop];
    }
    if (kind) value = maskValue(kind, value);
    return value === null || value === undefined ? null : serialize(value);
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
