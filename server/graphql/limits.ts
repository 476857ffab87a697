import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import {
  type ASTVisitor,
  type DocumentNode,
  parse,
  type FragmentDefinitionNode,
  GraphQLError,
  getVariableValues,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeInfo,
  type ValidationContext,
  type ValidationRule,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { BoundedCache } from './bounded-cache.js';

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
  const check = costCheck(schema, maxCost);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          check(document, operation, request.variables ?? {}, request.operationName ?? undefined);
        },
      };
    },
  };
}

/**
 * The cost limit as a function, for the plugin above and for the direct response (which runs
 * outside Apollo): throws the refusal as a GraphQLError, returns when the operation may run.
 */
export function costCheck(
  schema: GraphQLSchema,
  maxCost: number,
): (
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
  operationName?: string,
) => void {
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
  // Apollo keeps one parsed document per distinct query text (its document store), so the same
  // object comes back for the same text and the estimate is kept beside it.
  const costs = new WeakMap<DocumentNode, { inputs: Set<string>; byInputs: BoundedCache<string, number> }>();
  return (document, operation, variables, operationName) => {
    let known = costs.get(document);
    if (!known) costs.set(document, (known = { inputs: costInputs(schema, document), byInputs: new BoundedCache(64) }));
    const key = JSON.stringify([operationName ?? null, ...[...known.inputs].map((name) => variables[name] ?? null)]);
    let cost = known.byInputs.get(key);
    if (cost === undefined) {
      try {
        cost = getComplexity({ schema, query: document, variables, operationName, estimators, maxQueryNodes: MAX_COST_NODES });
      } catch (error) {
        const coercion = getVariableValues(schema, operation?.variableDefinitions ?? [], variables, { maxErrors: 1 });
        if (coercion.errors?.length) return;
        const tooWide = error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message);
        throw new GraphQLError(
          tooWide
            ? `query cost could not be bounded: it expands to more than ${MAX_COST_NODES} selections once fragments are inlined; spread each fragment once`
            : 'query cost could not be estimated, so the query was not run',
          { extensions: { code: 'QUERY_TOO_COSTLY', limit: maxCost, http: { status: 400 } } },
        );
      }
      known.byInputs.set(key, cost);
    }
    if (cost > maxCost) {
      throw new GraphQLError(`query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages or fewer nested lists`, {
        extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: maxCost, http: { status: 400 } },
      });
    }
  };
}

/**
 * The variables an estimate can depend on: those inside the arguments of a field that declares
 * its own complexity (a page size, a period), and those of `@include`/`@skip`. Every other
 * field costs the same whatever the variables say, so a claim fetched by a new id reuses the
 * estimate of the last one.
 */
function costInputs(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const inputs = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const collect = (node: object) =>
    visit(node as DocumentNode, {
      Variable(v) {
        inputs.add(v.name.value);
      },
    });
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (typeInfo.getFieldDef()?.extensions?.complexity !== undefined) for (const a of node.arguments ?? []) collect(a);
      },
      Directive(node) {
        collect(node);
      },
    }),
  );
  return inputs;
}

/** Brackets (`{`, `[`, `(`) open at once in a document: a screen's operation needs about 20. */
export const MAX_NESTING = 64;
/** Times one response key may appear in one selection set (inline fragments included): screens select a field once. */
export const MAX_REPEATS = 3;
/** Distinct fragments spread in one selection set. */
export const MAX_SPREADS = 20;

/**
 * Shapes that are cheap to send and dear to validate, refused before Apollo parses and validates:
 * graphql-js parses recursively, so `[[[[…]]]]` a few thousand deep (inside the token cap)
 * exhausts the stack; and OverlappingFieldsCanBeMerged compares every pair of fields sharing a
 * response key and every pair of fragments spread in one selection set, so `{ me { role } }`
 * repeated 1 200 times took 300 ms of the event loop. The nesting scan is linear over the text;
 * the rest needs one parse, bounded by the token cap.
 */
export function documentShapeLimit(limits: { maxTokens: number; maxAliases: number }): RequestHandler {
  // The verdict depends on the text alone: a client sends the same few documents again and again.
  const verdicts = new BoundedCache<string, ReturnType<typeof shapeProblem>>(1000);
  return (req, res, next) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
    if (typeof query !== 'string') return next();
    // A screen's document is the key itself (a Map hashes it far faster than SHA-256); a long one by its digest, so 1,000 entries stay small.
    const key = query.length <= 4096 ? query : createHash('sha256').update(query).digest('base64');
    let problem = verdicts.get(key);
    if (problem === undefined) verdicts.set(key, (problem = shapeProblem(query, limits)));
    if (!problem) return next();
    res
      .status(400)
      .json({ errors: [{ message: problem.message, extensions: { ...problem.extensions, requestId: res.locals.requestId } }] });
  };
}

export function shapeProblem(
  query: string,
  limits: { maxTokens: number; maxAliases: number },
): { message: string; extensions: Record<string, unknown> } | null {
  if (nestingDepth(query) > MAX_NESTING) {
    return {
      message: `Syntax Error: the document nests brackets deeper than ${MAX_NESTING} levels`,
      extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: MAX_NESTING },
    };
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch {
    return null; // Apollo parses again and reports the syntax error in its own words.
  }
  const aliases = { n: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const problem = selectionProblem(definition.selectionSet, aliases);
    if (problem) return { message: problem, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  // The same count as aliasLimitRule, made here so that validation never sees a document it would refuse for it.
  if (aliases.n > limits.maxAliases) {
    return {
      message: `${aliases.n} aliases exceed the limit of ${limits.maxAliases}: batch with a list field or a connection instead`,
      extensions: { code: 'TOO_MANY_ALIASES', aliases: aliases.n, limit: limits.maxAliases },
    };
  }
  return null;
}

function selectionProblem(set: SelectionSetNode, aliases: { n: number }): string | null {
  const keys = new Map<string, number>();
  const spreads = new Set<string>();
  const children: SelectionSetNode[] = [];
  const collect = (s: SelectionSetNode) => {
    for (const selection of s.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.alias) aliases.n++;
        keys.set(key, (keys.get(key) ?? 0) + 1);
        if (selection.selectionSet) children.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else spreads.add(selection.name.value);
    }
  };
  collect(set);
  for (const [key, n] of keys) {
    if (n > MAX_REPEATS)
      return `the field \`${key}\` is selected ${n} times in one selection set (limit ${MAX_REPEATS}): select each field once`;
  }
  if (spreads.size > MAX_SPREADS) return `${spreads.size} fragments are spread in one selection set (limit ${MAX_SPREADS}): merge them`;
  for (const child of children) {
    const problem = selectionProblem(child, aliases);
    if (problem) return problem;
  }
  return null;
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
