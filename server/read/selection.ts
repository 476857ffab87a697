import {
  type FieldNode,
  getArgumentValues,
  getDirectiveValues,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getNamedType,
  isAbstractType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a query selects below a field, by field name (not by response key): `a: fullName` and
 * `fullName` read the same column, so the compiled row carries it once and graphql-js hands it to
 * both keys. Fragments (named and inline, matched against the concrete type and its interfaces),
 * `@include`/`@skip` and variables are resolved here; `__typename` needs nothing from the row.
 */
export interface Selected {
  args: Record<string, unknown>;
  type: GraphQLObjectType | null;
  fields: Selection;
}
export type Selection = Map<string, Selected>;

/** A shape the compiler does not handle: the root field falls back to the ORM resolvers. */
export class Unsupported extends Error {}

export function selectionOf(info: GraphQLResolveInfo, type: GraphQLObjectType): Selection {
  const out: Selection = new Map();
  for (const node of info.fieldNodes) if (node.selectionSet) collect(info, type, node.selectionSet, out);
  return out;
}

function collect(info: GraphQLResolveInfo, type: GraphQLObjectType, set: SelectionSetNode, out: Selection): void {
  for (const sel of set.selections) {
    if (!included(info, sel)) continue;
    if (sel.kind === 'Field') {
      addField(info, type, sel, out);
    } else if (sel.kind === 'InlineFragment') {
      if (!sel.typeCondition || applies(info, type, sel.typeCondition.name.value)) collect(info, type, sel.selectionSet, out);
    } else {
      const fragment = info.fragments[sel.name.value];
      if (fragment && applies(info, type, fragment.typeCondition.name.value)) collect(info, type, fragment.selectionSet, out);
    }
  }
}

function addField(info: GraphQLResolveInfo, type: GraphQLObjectType, node: FieldNode, out: Selection): void {
  const name = node.name.value;
  if (name === '__typename') return;
  const def = type.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
  if (!def) throw new Unsupported(`${type.name}.${name}`);
  const args = node.arguments?.length ? getArgumentValues(def, node, info.variableValues) : {};
  const named = getNamedType(def.type);
  if (isAbstractType(named)) throw new Unsupported(`${type.name}.${name} is abstract`);
  const objectType = isObjectType(named) ? named : null;
  let entry = out.get(name);
  if (!entry) {
    entry = { args, type: objectType, fields: new Map() };
    out.set(name, entry);
  } else if (JSON.stringify(entry.args) !== JSON.stringify(args)) {
    // The row has one slot per field: two aliases asking different arguments cannot share it.
    throw new Unsupported(`${type.name}.${name} with different arguments`);
  }
  if (node.selectionSet && objectType) collect(info, objectType, node.selectionSet, entry.fields);
}

function applies(_info: GraphQLResolveInfo, type: GraphQLObjectType, condition: string): boolean {
  if (condition === type.name) return true;
  return type.getInterfaces().some((i) => i.name === condition);
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}
