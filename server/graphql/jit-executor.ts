import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getVariableValues,
  isInputObjectType,
  type SourceLocation,
  Source,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { BoundedCache } from './bounded-cache.js';

/**
 * Executes queries with graphql-jit: a document is compiled once into a JavaScript function
 * that walks its own selections, so a request skips graphql-js's per-field interpretation
 * (argument lookup, completeValue, promise bookkeeping: issue 13's profile). Everything before
 * execution stays Apollo's: parsing, validation and the limits, trusted documents, the cost
 * plugin, error formatting. Mutations and anything jit refuses to compile run on graphql-js,
 * so behaviour there is exactly as before.
 *
 * Apollo Server 4 takes a custom executor only through its `gateway` option: this gateway
 * serves the one schema it is given and never changes it.
 */
export function jitGateway(schema: GraphQLSchema, options: { cacheEntries: number }): GatewayInterface {
  // Keyed by Apollo's hash of the document text and the operation name; trusted documents
  // (production) bound the keys anyway, arbitrary ones are bounded here.
  const compiled = new BoundedCache<string, CompiledQuery | null>(options.cacheEntries);
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async load() {
      return {
        async executor(request): Promise<ExecutionResult> {
          const { document, operation, context } = request;
          // The name the client sent: Apollo's own is null when none matched, and graphql-js would then run the document's only operation.
          const operationName = request.request.operationName ?? request.operationName;
          const variables = request.request.variables ?? {};
          // No operation of that name (or several and none named): graphql-js says so in its own words.
          if (!operation || operation.operation !== 'query') {
            return execute({ schema, document, operationName, contextValue: context, variableValues: variables });
          }
          const key = `${request.queryHash}:${operationName ?? ''}`;
          let query = compiled.get(key);
          if (query === undefined) {
            const result = fillsInputDefaults(schema, document)
              ? null
              : compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
            query = result && isCompiledQuery(result) ? result : null;
            compiled.set(key, query);
          }
          // Variables graphql-js would refuse go to graphql-js, so the refusal reads exactly as it
          // always has (Apollo gives it BAD_USER_INPUT and HTTP 400 by its shape).
          const refused = !query || 'errors' in getVariableValues(schema, operation.variableDefinitions ?? [], variables);
          if (refused) return execute({ schema, document, operationName, contextValue: context, variableValues: variables });
          const result = await query!.query(undefined, context, variables);
          return result.errors?.length ? { ...result, errors: result.errors.map((e) => asGraphqlJsError(e, request.source)) } : result;
        },
      };
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors inherit from graphql-js's but carry locations instead of the source
 * positions they came from, and may lack `extensions`; Apollo's error formatting rebuilds each
 * error from `source`, `positions` and `extensions`. The same error as graphql-js would raise.
 */
function asGraphqlJsError(error: GraphQLError, text: string): GraphQLError {
  const source = new Source(text);
  const starts = lineStarts(text);
  const positions = (error.locations as readonly SourceLocation[] | undefined)?.map((l) => starts[l.line - 1]! + l.column - 1);
  return new GraphQLError(error.message, {
    source: positions?.length ? source : undefined,
    positions: positions?.length ? positions : undefined,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: error.extensions,
  });
}

/** Offsets where each line of `text` begins, by graphql-js's line terminators (\r\n, \n, \r). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|[\n\r]/g)) starts.push(m.index! + m[0].length);
  return starts;
}

/**
 * graphql-jit does not fill an input object's omitted fields with their defaults (graphql-js
 * does): `timeDimension: { dateRange: … }` reaches it without `dimension`, and it refuses it.
 * A document that passes such an input, as a variable or written in, runs on graphql-js, and so
 * does one with a variable of an input type that contains itself.
 */
function fillsInputDefaults(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const check = (type: GraphQLInputType | null | undefined) => {
    if (type && hasDefaultedField(type, new Set())) found = true;
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type as never) as GraphQLInputType | undefined;
        check(type);
        // graphql-jit 0.8.9 unrolls a variable's input type into its parser: one that contains
        // itself (a list's `where`, with and/or/not) never ends, and compiling ran out of memory.
        if (type && containsItself(type, new Set())) found = true;
      },
      ObjectValue() {
        check(typeInfo.getInputType());
      },
    }),
  );
  return found;
}

function containsItself(type: GraphQLInputType, path: Set<string>): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return false;
  if (path.has(named.name)) return true;
  path.add(named.name);
  const found = Object.values(named.getFields()).some((f) => containsItself(f.type, path));
  path.delete(named.name);
  return found;
}

function hasDefaultedField(type: GraphQLInputType, seen: Set<string>): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => f.defaultValue !== undefined || hasDefaultedField(f.type, seen));
}
