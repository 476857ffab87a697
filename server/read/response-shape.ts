import {
  type ASTNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isListType,
  isAbstractType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type SelectionSetNode,
  typeFromAST,
  visit,
} from 'graphql';
import type { PersonalDataKind } from '../../schema/personal-data.js';
import { BoundedCache } from '../graphql/bounded-cache.js';
import { CATALOGUE, type TypeName } from './catalogue.js';
import { columnSql, relationSql, type Statement } from './compile.js';
import { guardOf } from './field-guards.js';
import { Unsupported } from './selection.js';

/**
 * The response form of a compiled read (server/graphql/direct-response.ts): the JSON PostgreSQL
 * builds is the field's value as graphql-js would serialise it, keyed by response key (aliases,
 * `__typename`, fragments merged) in the order graphql-js writes them, so the server sends it
 * with no executor in between. Anything whose serialised form is not the catalogue's SQL form
 * as it stands is Unsupported, and the request goes the usual way.
 */
export interface ResponseScope {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** graphql-js's CollectFields: the response keys of `type` in document order, each with the field nodes merged under it. */
export function responseFields(scope: ResponseScope, type: GraphQLObjectType, sets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  for (const set of sets) collect(scope, type, set, out, visited);
  return out;
}

/** The field nodes' own selection sets, for the fields below them. */
export function subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
}

function collect(
  scope: ResponseScope,
  type: GraphQLObjectType,
  set: SelectionSetNode,
  out: Map<string, FieldNode[]>,
  visited: Set<string>,
): void {
  for (const sel of set.selections) {
    if (!included(scope, sel)) continue;
    if (sel.kind === 'Field') {
      const key = sel.alias?.value ?? sel.name.value;
      const nodes = out.get(key);
      if (nodes) nodes.push(sel);
      else out.set(key, [sel]);
    } else if (sel.kind === 'InlineFragment') {
      if (applies(scope, type, sel.typeCondition?.name.value)) collect(scope, type, sel.selectionSet, out, visited);
    } else {
      const name = sel.name.value;
      if (visited.has(name)) continue;
      visited.add(name);
      const fragment = scope.fragments[name];
      if (fragment && applies(scope, type, fragment.typeCondition.name.value)) collect(scope, type, fragment.selectionSet, out, visited);
    }
  }
}

function applies(scope: ResponseScope, type: GraphQLObjectType, condition: string | undefined): boolean {
  if (condition === undefined) return true;
  const conditional = typeFromAST(scope.schema, { kind: 'NamedType', name: { kind: 'Name', value: condition } } as never) as
    | GraphQLNamedType
    | undefined;
  if (!conditional) return false;
  if (conditional === type) return true;
  return isAbstractType(conditional) && scope.schema.isSubType(conditional, type);
}

function included(scope: ResponseScope, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, scope.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, scope.variables)?.if !== false;
}

/** The field a response key names on `type`, refused unless nothing but the catalogue's SQL would answer it. */
export function plainField(type: GraphQLObjectType, nodes: readonly FieldNode[]): GraphQLField<unknown, unknown> {
  const name = nodes[0]!.name.value;
  const def = type.getFields()[name];
  if (!def) throw new Unsupported(`${type.name}.${name}`);
  const guard = guardOf(type.name, name);
  if (guard) throw new Unsupported(`${type.name}.${name}: ${guard}`);
  return def;
}

/**
 * Each scalar's serialize written in SQL over the catalogue's form of the value: most hand it back
 * as it is (ids and cursors as text, `YYYY-MM-DD`, ISO timestamps in UTC, rupiah as digit strings,
 * NIK as text); Month writes a period's first day as `YYYY-MM`. An enum serialises as is when
 * every value is its own name. A scalar missing here is Unsupported.
 */
const SCALAR_FORMS: Record<string, (sql: string) => string> = {
  ID: (sql) => sql,
  String: (sql) => sql,
  Int: (sql) => sql,
  Boolean: (sql) => sql,
  Date: (sql) => sql,
  DateTime: (sql) => sql,
  NIK: (sql) => sql,
  Rupiah: (sql) => sql,
  Month: (sql) => `left(${sql}, 7)`,
};

function responseForm(type: GraphQLOutputType, sql: string): string | null {
  const named = getNamedType(type);
  if (isScalarType(named)) return SCALAR_FORMS[named.name]?.(sql) ?? null;
  if (isEnumType(named) && named.getValues().every((v) => v.value === v.name)) return sql;
  return null;
}

/**
 * A row of catalogue `type` under alias `t` as its response object: `json_build_object` with one
 * pair per response key, a column as the catalogue's SQL (masked in PostgreSQL for roles without
 * personal-data access), a relation as compile.ts's subquery over the child's own response object.
 */
export function responseObjectSql(
  type: TypeName,
  objectType: GraphQLObjectType,
  fields: Map<string, FieldNode[]>,
  t: string,
  st: Statement,
  scope: ResponseScope & { masked: boolean },
): string {
  const spec = CATALOGUE[type];
  const pairs: string[] = [];
  for (const [key, nodes] of fields) {
    const name = nodes[0]!.name.value;
    // Response keys and type names are GraphQL names ([_A-Za-z][_0-9A-Za-z]*): safe inside SQL literals.
    if (name === '__typename') {
      pairs.push(`'${key}', '${objectType.name}'`);
      continue;
    }
    const def = plainField(objectType, nodes);
    const column = spec.columns[name];
    if (column) {
      if (nodes.some((n) => n.arguments?.length)) throw new Unsupported(`${type}.${name} with arguments`);
      // The schema's mask and the SQL's must be the same one, or one of them is missing.
      if ((def.extensions?.personalData as PersonalDataKind | undefined) !== column.mask)
        throw new Unsupported(`${type}.${name}: mask differs`);
      const value = columnSql(column, t, scope);
      // A list's SQL is a JSON array already (an enrolment's programmes): only elements served as they are fit in it.
      const form = responseForm(def.type, value);
      const sql = isListType(getNullableType(def.type)) && form !== value ? null : form;
      if (sql === null) throw new Unsupported(`${type}.${name}: no response form`);
      pairs.push(`'${key}', ${sql}`);
      continue;
    }
    const relation = spec.relations[name];
    const target = getNamedType(def.type);
    if (!relation || !isObjectType(target) || target.name !== relation.target) throw new Unsupported(`${type}.${name}`);
    const c = st.alias();
    const child = responseObjectSql(relation.target, target, responseFields(scope, target, subSelections(nodes)), c, st, scope);
    const args = getArgumentValues(def, nodes[0]!, scope.variables);
    const sql = relationSql(relation, child, t, c, st, args, `${type}.${name}`);
    // A non-null reference the policies hide would be a field error with its path on the usual
    // way: the cast below fails the statement instead (never reached while the row is there), and
    // the request goes the usual way to answer with that error.
    pairs.push(
      `'${key}', ${!relation.many && isNonNullType(def.type) ? `coalesce(${sql}, ('lindung: hidden ' || ${t}::text)::json)` : sql}`,
    );
  }
  // json_build_object takes at most 100 arguments.
  if (pairs.length > 50) throw new Unsupported(`${type}: too many fields`);
  return `json_build_object(${pairs.join(', ')})`;
}

/**
 * Response shapes kept per root field of a parsed document (its first field node), by what else
 * they depend on: the caller's mask, the node type, and the values of the variables used below
 * the root field (`@include`, nested arguments). The root field's own arguments (an id, a filter,
 * a page) are not part of a shape: they become the statement's parameters and conditions.
 * Bounded per field, since those variables are the client's to vary.
 */
export class ShapeCache<T> {
  private readonly byField = new WeakMap<FieldNode, BoundedCache<string, T>>();

  get(scope: ResponseScope, nodes: readonly FieldNode[], key: string, build: () => T): T {
    let shapes = this.byField.get(nodes[0]!);
    if (!shapes) this.byField.set(nodes[0]!, (shapes = new BoundedCache(SHAPES_PER_FIELD)));
    const used = nodes.length === 1 ? variablesUnder(scope, nodes[0]!) : [...new Set(nodes.flatMap((n) => variablesUnder(scope, n)))];
    const full = `${nodes.length}|${key}|${JSON.stringify(used.map((v) => scope.variables[v] ?? null))}`;
    let shape = shapes.get(full);
    if (shape === undefined) shapes.set(full, (shape = build()));
    return shape;
  }
}
const SHAPES_PER_FIELD = 64;

/** The variables a field's directives and selections use, through the fragments it spreads: computed once per field node. */
const variablesByField = new WeakMap<FieldNode, string[]>();
function variablesUnder(scope: ResponseScope, node: FieldNode): string[] {
  let found = variablesByField.get(node);
  if (!found) {
    const names = new Set<string>();
    const spread = new Set<string>();
    const walk = (ast: ASTNode) =>
      visit(ast, {
        Variable(v) {
          names.add(v.name.value);
        },
        FragmentSpread(f) {
          const fragment = scope.fragments[f.name.value];
          if (fragment && !spread.has(f.name.value)) {
            spread.add(f.name.value);
            walk(fragment);
          }
        },
      });
    for (const d of node.directives ?? []) walk(d);
    if (node.selectionSet) walk(node.selectionSet);
    variablesByField.set(node, (found = [...names].sort()));
  }
  return found;
}
