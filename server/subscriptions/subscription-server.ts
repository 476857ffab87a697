import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  type ExecutionArgs,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from '../../platform/logger.js';
import type { Principal } from '../auth/roles.js';
import { withoutSuggestions } from '../graphql/errors.js';
import type { RequestContext } from '../context.js';
import type { ClaimEvents } from './claim-events.js';
import { createSubscriptionContext, type SubscriptionContext } from './subscription-context.js';
import { type TrustedDocumentsOptions, trustedSubscriptionText } from '../graphql/trusted-documents.js';

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  verify(authorization: string | undefined): Promise<Principal | null>;
  /** The same request context as HTTP requests get, for this subscriber. */
  contextFor(user: Principal, requestId: string): RequestContext;
  claimEvents: ClaimEvents;
  maxPerConnection: number;
  maxTokens: number;
  validationRules: readonly ValidationRule[];
  /** How execution errors are shown, as on HTTP (domain codes, nothing internal). */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** Production: no "Did you mean …?" in refusals either. */
  hideSuggestions: boolean;
  /** The manifest and its enforcement, as on HTTP (server/graphql/trusted-documents.ts). */
  trusted: Pick<TrustedDocumentsOptions, 'documents' | 'enforce' | 'arbitraryRoles'>;
  log: Logger;
}

const users = new WeakMap<Context, Principal>();
const refuse = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

/**
 * GraphQL subscriptions on `/graphql` over WebSocket, in the graphql-ws protocol that Apollo
 * Client and urql speak. The token is checked once, at `connection_init` (a bad or missing one
 * closes the socket with 4403); each subscription document passes the same depth, alias and
 * size limits as an HTTP request; queries and mutations stay on HTTP, where CSRF, cost and
 * timeouts are enforced.
 */
export function attachSubscriptions(server: http.Server, o: SubscriptionServerOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });
  const rules = [...specifiedRules, ...o.validationRules];
  const disposable = useServer(
    {
      schema: o.schema,
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization;
        const user = await o.verify(typeof auth === 'string' ? auth : undefined).catch(() => null);
        if (!user) return false;
        users.set(ctx, user);
        return true;
      },
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        // graphql-ws has already entered this subscription in `ctx.subscriptions` (as null).
        if (Object.keys(ctx.subscriptions).length > o.maxPerConnection) {
          return refuse(`at most ${o.maxPerConnection} subscriptions per connection`, 'TOO_MANY_SUBSCRIPTIONS');
        }
        // Trusted documents hold here too: a WebSocket must not be the way round the manifest.
        const trusted = trustedSubscriptionText(o.trusted, payload, users.get(ctx)!.role);
        if ('code' in trusted) return refuse(trusted.message, trusted.code);
        let document: ReturnType<typeof parse>;
        try {
          document = parse(trusted.text, { maxTokens: o.maxTokens });
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(o.schema, document, rules);
        if (errors.length > 0) return errors;
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return refuse('only subscriptions are served over WebSocket; send queries and mutations over HTTP', 'BAD_REQUEST');
        }
        const contextValue = createSubscriptionContext(() => o.contextFor(users.get(ctx)!, randomUUID()), o.claimEvents);
        return { schema: o.schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
      },
      onNext: async (_ctx, _id, _payload, args, result) => {
        // The event's result is built: its scoped transaction ends before the next event's begins.
        await (args.contextValue as SubscriptionContext).settle();
        return result.errors ? { ...result, errors: result.errors.map((e) => o.formatError(e.toJSON(), e)) } : result;
      },
      // Refusals before execution: our own codes, else a validation failure as Apollo names it.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map(
          (e) =>
            new GraphQLError(o.hideSuggestions ? withoutSuggestions(e.message) : e.message, {
              extensions: { code: e.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' },
            }),
        ),
    },
    wss,
  );
  wss.on('error', (error) => o.log.error({ err: error.message }, 'subscriptions: server error'));
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
