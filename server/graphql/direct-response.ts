import type { Request, RequestHandler, Response } from 'express';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import type { Logger } from '../../platform/logger.js';
import type { RequestContext } from '../context.js';
import type { ServerMetrics } from '../metrics.js';
import { COMPILED_ROOT_FIELDS } from '../read/root-fields.js';
import { NotInResponseForm, ResponseValue } from '../read/response.js';
import { responseFields } from '../read/response-shape.js';
import { compiledReads } from '../read/switch.js';
import { BoundedCache } from './bounded-cache.js';
import { logRequest, statementsSoFar } from './request-log.js';
import { checkTextLiterals, checkTextVariables } from './text-input.js';

/**
 * The direct response: a query whose every root field the compiled read path answers is run
 * here, ahead of Apollo, and each root field's statement returns its value as graphql-js would
 * write it (server/read/response.ts). The server writes `{"data":…}` with no executor, no
 * per-field work and no parse of the rows beyond pg's one JSON.parse: for issue 13's reads that
 * was most of what was left of the request's CPU.
 *
 * It keeps every protection of the usual way because it runs the same ones: it sits after the
 * request id, readiness gate, anonymous limit, body parser, trusted documents, shape limits and
 * statement counter; it validates the document with Apollo's rules (graphql-js's specified rules,
 * depth, aliases), checks its text inputs and its cost with the same functions as Apollo's
 * plugins, builds the same request context (token, role check, deadline), and calls the root
 * fields' own resolvers (type-graphql's `@Authorized`, arguments) in the response form.
 *
 * Anything it cannot answer exactly as the usual way would (an error of any kind, an anonymous
 * caller, a field outside the response form, another media type, an extension) it passes on
 * untouched with `next()`, and Apollo answers: the response is the same either way, byte for byte
 * (test/api/direct-response.test.ts).
 */
export interface DirectResponseOptions {
  schema: GraphQLSchema;
  /** Apollo's own validation rules beyond graphql-js's (depth, aliases). */
  validationRules: ValidationRule[];
  maxTokens: number;
  /** The cost limit (limits.ts costCheck): throws to refuse. */
  cost(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, operationName?: string): void;
  /** The request's context, as Apollo's context function builds it (app.ts). */
  contextFor(req: Request, res: Response): Promise<RequestContext>;
  metrics?: ServerMetrics;
  log: Logger;
  countStatements: boolean;
  /** Documents kept parsed and validated; past it the least recently used is parsed again. */
  cacheEntries: number;
}

interface DocumentPlan {
  document: DocumentNode;
  fragments: Record<string, FragmentDefinitionNode>;
  operations: OperationDefinitionNode[];
}

interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

export function directResponse(options: DirectResponseOptions): RequestHandler {
  const { schema } = options;
  const rules = [...specifiedRules, ...options.validationRules];
  const plans = new BoundedCache<string, DocumentPlan | null>(options.cacheEntries);
  const planOf = (text: string): DocumentPlan | null => {
    let plan = plans.get(text);
    if (plan === undefined) {
      plan = documentPlan(text);
      plans.set(text, plan);
    }
    return plan;
  };
  const documentPlan = (text: string): DocumentPlan | null => {
    try {
      const document = parse(text, { maxTokens: options.maxTokens });
      if (validate(schema, document, rules).length > 0) return null;
      checkTextLiterals(document);
      const fragments: Record<string, FragmentDefinitionNode> = {};
      const operations: OperationDefinitionNode[] = [];
      for (const d of document.definitions) {
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
        else if (d.kind === Kind.OPERATION_DEFINITION) operations.push(d);
      }
      return { document, fragments, operations };
    } catch {
      // Apollo gives the parse error, the validation errors or the refused literal.
      return null;
    }
  };

  return async (req, res, next) => {
    const started = process.hrtime.bigint();
    const body = plainBody(req);
    const plan = body && compiledReads.enabled && compiledReads.responses ? planOf(body.query) : null;
    const operation = plan && operationOf(plan, body!.operationName);
    if (!operation || !acceptsJson(req.headers.accept)) return next();
    let answer: { data: Record<string, unknown>; context: RequestContext } | undefined;
    try {
      answer = await respond(plan!, operation, body!, req, res);
    } catch (error) {
      options.log.debug({ reason: error instanceof Error ? error.message : String(error) }, 'direct response passed the request on');
      answer = undefined;
    }
    if (!answer) return next();
    const statements = statementsSoFar();
    if (options.countStatements && statements !== null) res.setHeader('x-sql-statements', String(statements));
    res.status(200).setHeader('content-type', 'application/json; charset=utf-8');
    // Apollo's own serialisation (prettyJSONStringify): JSON.stringify and a newline.
    res.send(`${JSON.stringify({ data: answer.data })}\n`);
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const operationName = operation.name?.value ?? null;
    options.metrics?.observe(operationName, 'ok', durationMs / 1000);
    logRequest(options.log, {
      requestId: answer.context.requestId,
      operationName,
      durationMs,
      sqlStatements: statements,
      status: 200,
      role: answer.context.user?.role ?? null,
      direct: true,
    });
  };

  /** The response's data, or undefined (or a throw) for the usual way. */
  async function respond(plan: DocumentPlan, operation: OperationDefinitionNode, body: GraphqlBody, req: Request, res: Response) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], body.variables);
    if ('errors' in coerced) return undefined;
    checkTextVariables(body.variables);
    const queryType = schema.getQueryType()!;
    const scope = { schema, fragments: plan.fragments, variables: coerced.coerced };
    const roots = responseFields(scope, queryType, [operation.selectionSet]);
    for (const nodes of roots.values()) {
      const name = nodes[0]!.name.value;
      if (name !== '__typename' && !COMPILED_ROOT_FIELDS.has(name)) return undefined;
    }
    options.cost(plan.document, operation, body.variables, body.operationName);
    const context = await options.contextFor(req, res);
    // Every compiled root field needs a token: the usual way says so in its own words.
    if (!context.user) return undefined;
    context.read.response = true;
    const data: Record<string, unknown> = {};
    const reads: Promise<void>[] = [];
    for (const [key, nodes] of roots) {
      const name = nodes[0]!.name.value;
      // Set now, in document order, filled in as each read returns: the key order is graphql-js's.
      data[key] = name === '__typename' ? queryType.name : null;
      if (name === '__typename') continue;
      const def = queryType.getFields()[name]!;
      const info: GraphQLResolveInfo = {
        fieldName: name,
        fieldNodes: nodes,
        returnType: def.type,
        parentType: queryType,
        path: { prev: undefined, key, typename: queryType.name },
        schema,
        fragments: plan.fragments,
        rootValue: undefined,
        operation,
        variableValues: coerced.coerced,
      };
      const args = getArgumentValues(def, nodes[0]!, coerced.coerced);
      reads.push(
        Promise.resolve(def.resolve!(undefined, args, context, info)).then((value) => {
          if (!(value instanceof ResponseValue)) throw new NotInResponseForm(`${name} answered outside the response form`);
          data[key] = value.value;
        }),
      );
    }
    // All settled before passing on, so no read of this attempt still runs beside the usual way's.
    const results = await Promise.allSettled(reads);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return { data, context };
  }
}

/** A POST body of the query text alone (trusted documents have put it there), its variables and operation name; nothing else. */
function plainBody(req: Request): GraphqlBody | undefined {
  if (req.method !== 'POST') return undefined;
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return undefined;
  for (const key of Object.keys(body)) if (key !== 'query' && key !== 'variables' && key !== 'operationName') return undefined;
  const { variables, operationName } = body;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  return {
    query: body.query,
    variables: (variables as Record<string, unknown> | null) ?? {},
    operationName: (operationName as string | null) ?? undefined,
  };
}

/** graphql-js's choice of operation: the named one, or the only one; a query, or nothing. */
function operationOf(plan: DocumentPlan, name: string | undefined): OperationDefinitionNode | null {
  const operation =
    name === undefined
      ? plan.operations.length === 1
        ? plan.operations[0]
        : undefined
      : plan.operations.find((o) => o.name?.value === name);
  return operation?.operation === 'query' ? operation : null;
}

/**
 * Apollo answers `application/json` unless the client prefers `application/graphql-response+json`:
 * served here only where the answer is surely the former.
 */
function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept === '' || accept === '*/*') return true;
  return accept.includes('application/json') && !accept.includes('application/graphql-response+json');
}
