import { type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo, getNamedType, isObjectType } from 'graphql';
import { fromGlobalId, numericKey } from '../../schema/types/global-id.js';
import type { RequestContext } from '../context.js';
import { pageOfRows } from '../services/pagination.js';
import { CATALOGUE, type TypeName } from './catalogue.js';
import { Statement } from './compile.js';
import { type ConnectionRow, type ConnectionWants, connectionStatement } from './connection-statement.js';
import { LISTS, type ListName } from './connections.js';
import { type ListArgs, listPage } from './list-query.js';
import { session } from './request-session.js';
import { plainField, type ResponseScope, ShapeCache, responseFields, responseObjectSql, subSelections } from './response-shape.js';
import { Unsupported } from './selection.js';

/**
 * A root field's value in its response form: exactly what graphql-js would write for it, built by
 * PostgreSQL (response-shape.ts) around the few parts computed here (page info, edges). The
 * direct response (server/graphql/direct-response.ts) sends it as it is.
 */
export class ResponseValue {
  constructor(readonly value: unknown) {}
}

/** A root field the response form cannot give as graphql-js would: the whole request goes the usual way. */
export class NotInResponseForm extends Error {}

function scopeOf(ctx: RequestContext, info: GraphQLResolveInfo): ResponseScope & { masked: boolean } {
  return { schema: info.schema, fragments: info.fragments, variables: info.variableValues, masked: !ctx.user?.seesPersonalData };
}

/** Builds before anything runs: a shape outside the response form throws before the first statement. */
function plan<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw new NotInResponseForm(error instanceof Error ? error.message : String(error));
  }
}

type Assemble = (out: Record<string, unknown>, page: { total?: number; estimate?: number; edges: unknown[]; pageInfo: object }) => void;

/** What a connection's response needs besides its page: what its statement reads (the node's SQL) and how its object is put together. */
interface ConnectionShape {
  wants: ConnectionWants;
  assemble: Assemble[];
}
const connectionShapes = new ShapeCache<ConnectionShape>();

/** A root list's connection in its response form: one statement, as the compiled read's. */
export async function connectionResponse(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  root: ListName,
  args: ListArgs,
): Promise<ResponseValue> {
  const { page, statement, shape } = plan(() => {
    const scope = scopeOf(ctx, info);
    const shape = connectionShapes.get(scope, info.fieldNodes, String(scope.masked), () => connectionShape(scope, info, root));
    const page = listPage(root, args, ctx.user, ctx.read.pageSizeMax);
    return { page, shape, statement: connectionStatement(page, shape.wants) };
  });
  const [row] = await session(ctx).rows<{ j: ConnectionRow }>(statement.text, statement.values, statement.types);
  const { rows, total, estimate } = row!.j;
  const { edges, pageInfo } = pageOfRows(rows, page, (r) => ({ cursor: r.c, node: r.n }));
  const out: Record<string, unknown> = {};
  for (const a of shape.assemble) a(out, { total, estimate, edges, pageInfo });
  return new ResponseValue(out);
}

function connectionShape(scope: ResponseScope & { masked: boolean }, info: GraphQLResolveInfo, root: ListName): ConnectionShape {
  const connectionType = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = responseFields(scope, connectionType, subSelections(info.fieldNodes));
  const wants: ConnectionWants = [];
  const assemble: Assemble[] = [];
  let edgesAt: string | undefined;
  for (const [key, nodes] of fields) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      assemble.push((out) => void (out[key] = connectionType.name));
      continue;
    }
    const def = plainField(connectionType, nodes);
    if (name === 'totalCount' || name === 'totalCountEstimate') {
      if (!wants.includes(name)) wants.push(name);
      const from = name === 'totalCount' ? 'total' : 'estimate';
      assemble.push((out, p) => void (out[key] = p[from]));
    } else if (name === 'pageInfo') {
      const pageInfoType = getNamedType(def.type) as GraphQLObjectType;
      const pick = picker(scope, pageInfoType, nodes, ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor']);
      assemble.push((out, p) => void (out[key] = pick(p.pageInfo as Record<string, unknown>)));
    } else if (name === 'edges') {
      // One node shape per statement: edges under two keys would need two.
      if (edgesAt !== undefined) throw new Unsupported('edges under two response keys');
      edgesAt = key;
      const edgeType = getNamedType(def.type) as GraphQLObjectType;
      const edgeFields = responseFields(scope, edgeType, subSelections(nodes));
      const nodeKeys = [...edgeFields].filter(([, n]) => n[0]!.name.value === 'node');
      if (nodeKeys.length > 1) throw new Unsupported('node under two response keys');
      const nodeType = getNamedType(edgeType.getFields().node!.type) as GraphQLObjectType;
      const nodeFields = nodeKeys[0] ? responseFields(scope, nodeType, subSelections(nodeKeys[0][1])) : new Map<string, FieldNode[]>();
      wants.push({ rows: parameterless((st) => responseObjectSql(LISTS[root].type, nodeType, nodeFields, 't', st, scope)) });
      const pick = picker(scope, edgeType, nodes, ['cursor', 'node']);
      assemble.push((out, p) => void (out[key] = p.edges.map((e) => pick(e as Record<string, unknown>))));
    } else {
      throw new Unsupported(`${connectionType.name}.${name}`);
    }
  }
  if (edgesAt === undefined && [...fields.values()].some((n) => n[0]!.name.value === 'pageInfo'))
    throw new Unsupported('pageInfo without edges');
  return { wants, assemble };
}

/**
 * SQL of a shape, kept apart from any one request's statement: it has no parameters (lists'
 * limits are written in) and its aliases (`t0`, `t1`, …) are its own (a list's conditions use
 * none), so it fits any statement that names its row `t`.
 */
function parameterless(build: (st: Statement) => string): string {
  const st = new Statement();
  const sql = build(st);
  if (st.values.length) throw new Unsupported('a shape with parameters');
  return sql;
}

/**
 * An object of a type computed here (an edge, page info) by its response keys: each of `known`
 * from the source object, `__typename` as the type's name.
 */
function picker(
  scope: ResponseScope,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  known: string[],
): (source: Record<string, unknown>) => Record<string, unknown> {
  const fields = [...responseFields(scope, type, subSelections(nodes))].map(([key, n]) => {
    const name = n[0]!.name.value;
    if (name !== '__typename') {
      if (!known.includes(name)) throw new Unsupported(`${type.name}.${name}`);
      // Refused, like a node's field, if anything but its value would answer it.
      plainField(type, n);
    }
    return { key, name };
  });
  return (source) => {
    const out: Record<string, unknown> = {};
    for (const { key, name } of fields) out[key] = name === '__typename' ? type.name : source[name];
    return out;
  };
}

/** The node's object for each type, kept like a connection's shape. */
const nodeShapes = new ShapeCache<string>();

/** `node(id:)` in its response form: one statement, or null when no row is visible. */
export async function nodeResponse(ctx: RequestContext, info: GraphQLResolveInfo, id: string): Promise<ResponseValue> {
  const statement = plan(() => {
    const { type, key } = fromGlobalId('id', id);
    const objectType = info.schema.getType(type);
    if (!(type in CATALOGUE) || !isObjectType(objectType)) throw new Unsupported(`node of ${type}`);
    const scope = scopeOf(ctx, info);
    const body = nodeShapes.get(scope, info.fieldNodes, `${scope.masked}|${type}`, () =>
      parameterless((st) =>
        responseObjectSql(type as TypeName, objectType, responseFields(scope, objectType, subSelections(info.fieldNodes)), 't', st, scope),
      ),
    );
    const st = new Statement();
    const match = type === 'Region' ? `t.code = ${st.param(key, 'text')}` : `t.id = ${st.param(numericKey('id', id, type), 'bigint')}`;
    return { text: `select ${body} as j from ${CATALOGUE[type as TypeName].table} t where ${match}`, values: st.values, types: st.types };
  });
  const [row] = await session(ctx).rows<{ j: unknown }>(statement.text, statement.values, statement.types);
  return new ResponseValue(row ? row.j : null);
}
