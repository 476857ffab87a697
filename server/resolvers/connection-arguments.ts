import {
  type FieldNode,
  type FragmentDefinitionNode,
  getArgumentValues,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * The arguments of the connection a field of it belongs to (`claims(filter: …) { aggregates }`),
 * read from the operation itself. Aggregates so depend only on what the client asked for, not on
 * how the page object was built (the ORM path or the compiled read path), and no page has to carry
 * its filter. Connections are root fields only, so the parent is found in the operation's own
 * selection set (through fragments); validation has already made every field with one response
 * key take the same arguments.
 */
export function connectionArguments(info: GraphQLResolveInfo): Record<string, unknown> {
  const parent = info.path.prev;
  if (!parent || typeof parent.key !== 'string' || parent.prev !== undefined) {
    throw new Error(`${info.parentType.name}.${info.fieldName} is resolved only on a root connection field`);
  }
  const node = findField(info.operation.selectionSet, parent.key, info.fragments, new Set());
  const root = info.schema.getRootType(info.operation.operation);
  const definition = node && root?.getFields()[node.name.value];
  if (!node || !definition) throw new Error(`no root field answers to ${parent.key}`);
  return getArgumentValues(definition, node, info.variableValues);
}

function findField(
  set: SelectionSetNode,
  key: string,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): FieldNode | undefined {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias?.value ?? selection.name.value) === key) return selection;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const found = findField(selection.selectionSet, key, fragments, seen);
      if (found) return found;
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      const found = fragment && findField(fragment.selectionSet, key, fragments, seen);
      if (found) return found;
    }
  }
  return undefined;
}
