import { type GraphQLObjectType, type GraphQLResolveInfo, getNamedType, isObjectType } from 'graphql';
import type { Page } from '../../schema/types/connection.type.js';
import { fromGlobalId, numericKey } from '../../schema/types/global-id.js';
import type { RequestContext } from '../context.js';
import { pageOfRows } from '../services/pagination.js';
import { CATALOGUE, type TypeName } from './catalogue.js';
import { objectSql, Statement } from './compile.js';
import { LISTS, type ListName } from './connections.js';
import { type ListArgs, listPage } from './list-query.js';
import { type Selection, selectionOf, Unsupported } from './selection.js';
import { compiledReads } from './switch.js';
import { connectionStatement, type ConnectionRow, type ConnectionWants } from './connection-statement.js';
import { session } from './request-session.js';
import { connectionResponse, nodeResponse, type ResponseValue } from './response.js';

/**
 * The compiled read path: a root field's whole answer (nested lists and references, cursors,
 * page info, counts, masking) from ONE SQL statement that builds the JSON inside PostgreSQL.
 * In the response form (`ctx.read.response`: server/graphql/direct-response.ts) a root field's
 * value comes back as graphql-js would write it (response.ts), or the request goes the usual way.
 * Otherwise each function answers `undefined` when the selection or the arguments are outside what the
 * compiler handles (or would be refused), and the resolver then takes the ORM path, which gives
 * the same answer or the same error.
 */

export { requestTransaction } from './request-session.js';

/**
 * Compiled rows get their entity's prototype, so type-graphql's `instanceof` checks (the Node
 * interface, getters such as `birthYear`) take them as they are; their own properties shadow the
 * getters (`nodeId`, `birthYear` come computed from SQL). The mark tells field resolvers the
 * nested values are already there.
 */
const ROW = Symbol('compiled row');
export type Row = Record<string, unknown>;
export function isRow(value: object): value is Row {
  return (value as Record<symbol, unknown>)[ROW] === true;
}

function adopt(row: Row, type: TypeName, selection: Selection): void {
  const spec = CATALOGUE[type];
  Object.setPrototypeOf(row, spec.entity.prototype);
  row[ROW as unknown as string] = true;
  for (const [field, sel] of selection) {
    const relation = spec.relations[field];
    if (!relation) continue;
    const value = row[relation.prop];
    if (Array.isArray(value)) for (const child of value) adopt(child as Row, relation.target, sel.fields);
    else if (value) adopt(value as Row, relation.target, sel.fields);
  }
}

function attempt<T>(build: () => T): T | undefined {
  if (!compiledReads.enabled) return undefined;
  try {
    return build();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    // A refused argument: the ORM path refuses it with its own message.
    return undefined;
  }
}

/**
 * A field the compiler leaves to the ORM path runs in the request's scoped transaction, which an
 * operation of compiled root fields did not open up front (root-fields.ts): it opens it first,
 * once per request however many fields fall back.
 */
const opened = new WeakMap<object, Promise<void>>();
async function ormPath(ctx: RequestContext): Promise<undefined> {
  const transaction = (ctx as { transaction?: { begin(): Promise<void> } }).transaction;
  if (transaction) {
    let begun = opened.get(ctx);
    if (!begun) opened.set(ctx, (begun = transaction.begin()));
    await begun;
  }
  return undefined;
}

export async function compiledConnection(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  root: ListName,
  args: ListArgs,
): Promise<Page<object> | ResponseValue | undefined> {
  if (ctx.read.response) return connectionResponse(ctx, info, root, args);
  const spec = LISTS[root];
  const plan = attempt(() => planConnection(ctx, info, root, args));
  if (!plan) return ormPath(ctx);
  const [row] = await session(ctx).rows<{ j: ConnectionRow }>(plan.text, plan.values, plan.types);
  const { rows, total, estimate } = row!.j;
  const { edges, pageInfo } = pageOfRows(rows, plan, (r) => {
    adopt(r.n as Row, spec.type, plan.node);
    return { cursor: r.c, node: r.n };
  });
  return {
    edges,
    pageInfo,
    totalCount: Promise.resolve(total!),
    totalCountEstimate: Promise.resolve(estimate!),
  } as Page<object>;
}

/** The page of list-query.ts (the one translation of filters, order and cursors) with the node's JSON built around it. */
function planConnection(ctx: RequestContext, info: GraphQLResolveInfo, root: ListName, args: ListArgs) {
  const connectionType = getNamedType(info.returnType) as GraphQLObjectType;
  const selection = selectionOf(info, connectionType);
  const page = listPage(root, args, ctx.user, ctx.read.pageSizeMax);

  let node: Selection = new Map();
  const wants: ConnectionWants = [];
  for (const [field, sel] of selection) {
    if (field === 'edges') {
      for (const f of sel.fields.keys()) if (f !== 'cursor' && f !== 'node') throw new Unsupported(`edge field ${f}`);
      node = sel.fields.get('node')?.fields ?? new Map();
      const nodeSql = objectSql(LISTS[root].type, node, 't', page.st, { masked: !ctx.user?.seesPersonalData });
      wants.push({ rows: nodeSql });
    } else if (field === 'pageInfo') {
      if (!selection.has('edges')) throw new Unsupported('pageInfo without edges');
    } else if (field === 'totalCount' || field === 'totalCountEstimate') {
      wants.push(field);
    } else {
      throw new Unsupported(`${connectionType.name}.${field}`);
    }
  }
  return {
    ...connectionStatement(page, wants),
    limit: page.limit,
    isLast: page.isLast,
    after: page.after,
    before: page.before,
    node,
  };
}

const NODE_TYPES: Record<string, { type: TypeName }> = Object.fromEntries(Object.keys(CATALOGUE).map((t) => [t, { type: t as TypeName }]));

/** `node(id:)` for the catalogue's types: one statement. */
export async function compiledNode(ctx: RequestContext, info: GraphQLResolveInfo, id: string): Promise<object | null | undefined> {
  if (ctx.read.response) return nodeResponse(ctx, info, id);
  const plan = attempt(() => {
    const { type, key } = fromGlobalId('id', id);
    const known = NODE_TYPES[type];
    const objectType = info.schema.getType(type);
    if (!known || !isObjectType(objectType)) throw new Unsupported(`node of ${type}`);
    const st = new Statement();
    const selection = selectionOf(info, objectType);
    const body = objectSql(known.type, selection, 't', st, { masked: !ctx.user?.seesPersonalData });
    const match = type === 'Region' ? `t.code = ${st.param(key, 'text')}` : `t.id = ${st.param(numericKey('id', id, type), 'bigint')}`;
    return {
      type: known.type,
      selection,
      text: `select ${body} as j from ${CATALOGUE[known.type].table} t where ${match}`,
      values: st.values,
      types: st.types,
    };
  });
  if (!plan) return ormPath(ctx);
  const [row] = await session(ctx).rows<{ j: Record<string, unknown> }>(plan.text, plan.values, plan.types);
  if (!row) return null;
  adopt(row.j, plan.type, plan.selection);
  return row.j;
}
