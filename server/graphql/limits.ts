import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  getVariableValues,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * Protections from the OWASP GraphQL cheat sheet: depth and alias limits as validation rules
 * (they need only the document), the cost limit as a plugin (it needs the variables, since
 * `first: $n` sets a page size). Each refusal names the limit, the value and what to change.
 */

export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    // One depth per fragment, computed once: walking every spread made 21 doubling fragments cost 2^21 walks (issue 11).
    const memo = new Map<string, number>();
    return {
      OperationDefinition(node) {
        const depth = selectionDepth(node.selectionSet, fragments, memo);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`query depth ${depth} exceeds the limit of ${maxDepth}: select fewer nested levels`, {
              nodes: [node],
              extensions: { code: 'QUERY_TOO_DEEP', depth, limit: maxDepth },
            }),
          );
        }
      },
    };
  };
}

/**
 * Fields nested below `set`, counting fragments where they are spread. A fragment's depth does
 * not depend on where it is spread, so it is measured once (`memo`): the pass is linear in the
 * document. A fragment on a cycle counts 0 while it is being measured (NoFragmentCyclesRule refuses the document anyway).
 */
function selectionDepth(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, memo: Map<string, number>): number {
  let deepest = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      // Introspection (__schema, __type) is bounded by Apollo's recursive-selection limit and is off in production.
      if (s.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + (s.selectionSet ? selectionDepth(s.selectionSet, fragments, memo) : 0));
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, selectionDepth(s.selectionSet, fragments, memo));
    } else {
      const name = s.name.value;
      let depth = memo.get(name);
      if (depth === undefined) {
        const fragment = fragments.get(name);
        memo.set(name, 0);
        depth = fragment ? selectionDepth(fragment.selectionSet, fragments, memo) : 0;
        memo.set(name, depth);
      }
      deepest = Math.max(deepest, depth);
    }
  }
  return deepest;
}

export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Document: {
        leave(node) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`${aliases} aliases exceed the limit of ${maxAliases}: batch with a list field or a connection instead`, {
                nodes: [node],
                extensions: { code: 'TOO_MANY_ALIASES', aliases, limit: maxAliases },
              }),
            );
          }
        },
      },
    };
  };
}

/** Selections graphql-query-complexity visits with fragments inlined before it gives up: far above any screen's operation (about 300). */
export const MAX_COST_NODES = 10_000;

/**
 * Fails closed: an operation runs only once its cost is known to be within the limit. The one
 * estimate skipped is for variables that do not coerce, since execution then refuses the request
 * before any resolver runs, with the argument path; anything else that stops the estimate
 * (fan-out past MAX_COST_NODES, an estimator failing) refuses the operation.
 */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators,
              maxQueryNodes: MAX_COST_NODES,
            });
          } catch (error) {
            const coercion = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
            if (coercion.errors?.length) return;
            const tooWide = error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message);
            throw new GraphQLError(
              tooWide
                ? `query cost could not be bounded: it expands to more than ${MAX_COST_NODES} selections once fragments are inlined; spread each fragment once`
                : 'query cost could not be estimated, so the query was not run',
              { extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCost, http: { status: 400 } } },
            );
          }
          if (cost > maxCost) {
            throw new GraphQLError(`query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages or fewer nested lists`, {
              extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Brackets (`{`, `[`, `(`) open at once in a document: a screen's operation needs about 20. */
export const MAX_NESTING = 64;

/**
 * graphql-js parses recursively, so `[[[[…]]]]` a few thousand deep (well inside the token cap)
 * exhausts the stack. A linear scan of the text, skipping strings and comments, refuses such a
 * document before the parser sees it.
 */
export function nestingLimit(maxNesting = MAX_NESTING): RequestHandler {
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
    if (typeof query !== 'string' || nestingDepth(query) <= maxNesting) return next();
    res.status(400).json({
      errors: [
        {
          message: `Syntax Error: the document nests brackets deeper than ${maxNesting} levels`,
          extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: maxNesting, requestId: res.locals.requestId },
        },
      ],
    });
  };
}

export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !(source.startsWith('"""', i) && source[i - 1] !== '\\')) i++;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}
