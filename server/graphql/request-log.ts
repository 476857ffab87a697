import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { RequestContext } from '../context.js';
import type { Logger } from '../../platform/logger.js';

/**
 * SQL statements per request, counted from knex's `query` event in the request's async
 * context: the N+1 test and the benchmark read it from the `x-sql-statements` header, and
 * every request's log line carries it.
 */
const counter = new AsyncLocalStorage<{ statements: number }>();
const counted = new WeakSet<object>();

export function statementCounter(orm: MikroORM): RequestHandler {
  const knex = orm.em.getConnection().getKnex();
  if (!counted.has(knex)) {
    counted.add(knex);
    knex.on('query', () => {
      const store = counter.getStore();
      if (store) store.statements++;
    });
  }
  // Runs after the body parser: its callbacks would leave the async context.
  return (_req, _res, next) => counter.run({ statements: 0 }, next);
}

/** Counts a statement sent outside knex (the compiled read path's own pool, server/read/). */
export function countStatement(): void {
  const store = counter.getStore();
  if (store) store.statements++;
}

/** Null when counting is off. */
export function statementsSoFar(): number | null {
  return counter.getStore()?.statements ?? null;
}

/** One JSON log line per operation: request id, operation name, duration, SQL statements, error codes. */
export function requestLogPlugin(log: Logger, options: { countStatements: boolean }): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName }) {
          const statements = statementsSoFar();
          if (options.countStatements && statements !== null) response.http.headers.set('x-sql-statements', String(statements));
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          logRequest(log, {
            requestId: contextValue.requestId,
            operationName: operationName ?? request.operationName ?? null,
            durationMs,
            sqlStatements: statements,
            status: response.http.status ?? 200,
            role: contextValue.user?.role ?? null,
            errors: response.body.kind === 'single' ? response.body.singleResult.errors?.map((e) => e.extensions?.code) : undefined,
          });
        },
      };
    },
  };
}

/** The request's log line, for Apollo's requests (the plugin above) and the direct response's alike. */
export function logRequest(
  log: Logger,
  line: {
    requestId: string;
    operationName: string | null;
    durationMs: number;
    sqlStatements: number | null;
    status: number;
    role: string | null;
    errors?: unknown[];
    /** Answered by the direct response (direct-response.ts), not by Apollo. */
    direct?: true;
  },
): void {
  // Below info (production runs at warn) the line is not even built.
  if (!log.isLevelEnabled('info')) return;
  log.info({ ...line, durationMs: Math.round(line.durationMs * 10) / 10 }, 'graphql request');
}
