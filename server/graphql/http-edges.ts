import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../../platform/logger.js';
import { PlatformNotReadyError } from '../../schema/errors.js';
import type { RequestContext } from '../context.js';
import type { ServerMetrics } from '../metrics.js';
import type { AggregateCache } from '../services/aggregate-cache.js';

/**
 * The HTTP edges around the GraphQL endpoint: what it answers before the platform is ready,
 * when a body cannot be parsed, and when a mutation makes cached aggregates stale.
 */

/** A write through this server shows in the next dashboard read, not after the cache's TTL. */
export function clearAggregatesAfterMutations(aggregates: AggregateCache): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') aggregates.clear();
        },
      };
    },
  };
}

/**
 * Before the platform is ready the API would answer from an empty or half-seeded database, and
 * the dashboard cache would keep that answer: refuse instead, and start the cache afresh at ready.
 */
export function notReadyGate(
  readiness: () => { ready: boolean; pending?: string[] },
  aggregates: AggregateCache,
  metrics: ServerMetrics | undefined,
): express.RequestHandler {
  let wasReady = false;
  return (_req, res, next) => {
    const { ready, pending } = readiness();
    if (ready) {
      if (!wasReady) aggregates.clear();
      wasReady = true;
      return next();
    }
    const error = new PlatformNotReadyError(pending ?? []);
    metrics?.observe(null, error.code, 0);
    res
      .status(503)
      .setHeader('retry-after', '5')
      .json({
        errors: [{ message: error.message, extensions: { code: error.code, pending: error.pending, requestId: res.locals.requestId } }],
      });
  };
}

/** Body-parser failures (too large, not JSON) as GraphQL-shaped JSON, never an HTML stack page. */
export function bodyErrors(log: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    const message = status === 413 ? 'request body too large' : status < 500 ? 'request body is not valid JSON' : 'Internal server error';
    if (status >= 500) log.error({ requestId: res.locals.requestId, err: error, url: req.url }, 'internal error');
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId } }] });
  };
}
