import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
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
    return {
      OperationDefinition(node) {
        const depth = measureDepth(node.selectionSet, 0, fragments, new Set());
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

function measureDepth(set: SelectionSetNode, depth: number, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  let deepest = depth;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      // Introspection (__schema, __type) is bounded by Apollo's recursive-selection limit and is off in production.
      if (s.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, s.selectionSet ? measureDepth(s.selectionSet, depth + 1, fragments, seen) : depth + 1);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, measureDepth(s.selectionSet, depth, fragments, seen));
    } else {
      const fragment = fragments.get(s.name.value);
      if (fragment && !seen.has(fragment.name.value)) {
        deepest = Math.max(deepest, measureDepth(fragment.selectionSet, depth, fragments, new Set([...seen, fragment.name.value])));
      }
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

export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName,
              estimators,
            });
          } catch {
            // Bad variables: execution reports them with the argument path, so the estimate is skipped.
            return;
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
