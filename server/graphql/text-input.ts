import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, type SelectionNode, type ValueNode } from 'graphql';
import { ValidationError } from '../../schema/errors.js';
import { checkText } from '../../schema/validation.js';

/**
 * Every text argument of every operation is checked here, once, before anything runs: string
 * literals in the document and every string inside the variables. A NUL byte or a lone surrogate
 * otherwise reaches PostgreSQL (`invalid byte sequence`) and comes back as an internal error.
 */
export function textInputPlugin(): ApolloServerPlugin {
  // Apollo hands back the same parsed document for the same text: its literals are checked once.
  const checked = new WeakSet<DocumentNode>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          try {
            if (!checked.has(document)) {
              checkTextLiterals(document);
              checked.add(document);
            }
            checkTextVariables(request.variables ?? {});
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            throw new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status: 400 } } });
          }
        },
      };
    },
  };
}

/** Deeper than any input type of the schema (two levels): a JSON body nested 50,000 deep must not exhaust the stack. */
const MAX_VARIABLE_DEPTH = 20;

/** Every string inside the variables (and every key), or the ValidationError naming the first bad one. */
export function checkTextVariables(variables: Record<string, unknown>): void {
  checkVariables(variables, []);
}

function checkVariables(value: unknown, path: string[]): void {
  if (path.length > MAX_VARIABLE_DEPTH) {
    throw new ValidationError(
      path.slice(0, 2).join('.'),
      `nests deeper than ${MAX_VARIABLE_DEPTH} levels, which no argument of this API does`,
    );
  }
  if (typeof value === 'string') checkText(path.join('.') || 'variables', value);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkVariables(v, [...path, String(i)]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      checkText(`${[...path, k].join('.')} (name)`, k);
      checkVariables(v, [...path, k]);
    }
  }
}

/** Literals anywhere in the document (operations and fragments), named by their argument path (`input.fullName`). */
export function checkTextLiterals(document: DocumentNode): void {
  const walkValue = (node: ValueNode, path: string[]) => {
    if (node.kind === Kind.STRING) checkText(path.join('.'), node.value);
    else if (node.kind === Kind.LIST) for (const [i, v] of node.values.entries()) walkValue(v, [...path, String(i)]);
    else if (node.kind === Kind.OBJECT) for (const f of node.fields) walkValue(f.value, [...path, f.name.value]);
  };
  const walkSelections = (selections: readonly SelectionNode[]) => {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) {
        for (const a of s.arguments ?? []) walkValue(a.value, [a.name.value]);
        if (s.selectionSet) walkSelections(s.selectionSet.selections);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walkSelections(s.selectionSet.selections);
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) {
      walkSelections(d.selectionSet.selections);
      if (d.kind === Kind.OPERATION_DEFINITION)
        for (const v of d.variableDefinitions ?? []) if (v.defaultValue) walkValue(v.defaultValue, [v.variable.name.value]);
    }
  }
}
