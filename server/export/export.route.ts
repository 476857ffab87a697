import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import { todayIn } from '../../platform/dates.js';
import type { Logger } from '../../platform/logger.js';
import { DomainError, UnauthenticatedError } from '../../schema/errors.js';
import type { Principal } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { EXPORT_KINDS } from './export-kinds.js';
import { parseExportLink, verifyExportLink } from './export-link.js';
import { runExport } from './export-run.js';
import { CONTENT_TYPE, type RowWriter, rowWriter } from './export-writer.js';

/** Runs `work` in a request context from the same factory as /graphql's (its scoped transaction included); null before the caller is known. */
export type WithRequestContext = <T>(
  user: Principal | null,
  requestId: string,
  work: (context: RequestContext) => Promise<T>,
) => Promise<T>;

export interface ExportRouteOptions {
  schema: GraphQLSchema;
  withContext: WithRequestContext;
  verify(authorization: string | undefined): Promise<Principal | null>;
  log: Logger;
  /** Downloads running at once, per user and for the whole server: each holds a connection and a transaction while it streams. */
  maxPerUser?: number;
  maxTotal?: number;
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * `GET /exports/<token>`: streams an export prepared by an `export…` mutation. The link is the
 * credential (a browser can follow it and save the file as it arrives); it names one export of one
 * user and expires. The principal is rebuilt from the export log as it was at the request, and
 * the rows are read as that user's request would read them: in a context from the same factory,
 * in its scoped transaction, through the connection's own conditions and mask (export-run.ts).
 */
export function exportRouter(options: ExportRouteOptions): Router {
  const router = express.Router();
  const running = new Map<string, number>();
  let total = 0;
  const deny = (res: express.Response, status: number, code: string, message: string) =>
    res.status(status).json({ error: { code, message, requestId: res.locals.requestId } });

  router.get('/:token', async (req, res) => {
    res.locals.requestId = randomUUID();
    res.setHeader('x-request-id', res.locals.requestId);
    res.setHeader('cache-control', 'no-store');
    const requestId = res.locals.requestId as string;
    const token = req.params.token;
    const link = parseExportLink(token);
    const record = link && (await options.withContext(null, requestId, (ctx) => ctx.services.exports.find(link.id)));
    // One answer for malformed, altered and unknown links: a caller learns nothing about which exports exist.
    if (!record || !verifyExportLink(record.urlKey, token, record.actor, record.expiresAt)) {
      return deny(res, 404, 'NOT_FOUND', 'no export at this link: it is incomplete, altered or revoked; ask for a new one');
    }
    if (record.expiresAt.getTime() <= Date.now()) {
      return deny(res, 410, 'EXPORT_EXPIRED', 'this export link has expired; ask for a new one (links last a few minutes)');
    }
    try {
      const caller = await options.verify(req.headers.authorization);
      if (caller && caller.subject !== record.actor) {
        return deny(res, 403, 'FORBIDDEN', 'this export link belongs to another user');
      }
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      res.setHeader('www-authenticate', 'Bearer');
      return deny(res, 401, error.code, error.message);
    }
    const user = record.principal;
    if ((running.get(user.subject) ?? 0) >= (options.maxPerUser ?? 2) || total >= (options.maxTotal ?? 4)) {
      res.setHeader('retry-after', '30');
      return deny(res, 429, 'TOO_MANY_EXPORTS', 'too many exports are downloading at once; try again in a moment');
    }
    running.set(user.subject, (running.get(user.subject) ?? 0) + 1);
    total++;
    const started = Date.now();
    const spec = EXPORT_KINDS[record.kind];
    const fileName = `${spec.fileStem[record.language]}-${todayIn()}.${record.format}`;
    let writer: RowWriter | undefined;
    // Headers go out with the first row, so a refused filter can still answer with a status and a reason.
    const open = () => {
      if (writer) return writer;
      res.status(200).setHeader('content-type', CONTENT_TYPE[record.format]);
      res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
      return (writer = rowWriter(record.format, res, spec.columns, record.language, spec.fileStem[record.language]));
    };
    try {
      await options.withContext(null, requestId, (ctx) => ctx.services.exports.downloadStarted(record.id));
      const rows = await runExport({
        schema: options.schema,
        kind: record.kind,
        filter: record.filter,
        where: record.where,
        orderBy: record.orderBy,
        user,
        requestId,
        inContext: options.withContext,
        writer: { row: (values) => open().row(values), flush: () => open().flush(), end: () => open().end() },
        stopped: () => res.destroyed,
      });
      if (res.destroyed) return;
      // Logged before the file's last bytes: a client that has the whole file finds its download recorded.
      await options.withContext(null, requestId, (ctx) => ctx.services.exports.downloadFinished(record.id, rows));
      await open().end();
      options.log.info(
        { requestId, exportId: record.id, kind: record.kind, format: record.format, rows, ms: Date.now() - started },
        'export sent',
      );
    } catch (error) {
      if (!res.headersSent && error instanceof DomainError) {
        return deny(res, STATUS[error.code] ?? 400, error.code, error.message);
      }
      options.log.error({ requestId, exportId: record.id, err: error }, 'export failed');
      // Mid-file there is no status left to send: the cut connection tells the client the file is incomplete.
      if (res.headersSent) res.destroy();
      else deny(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    } finally {
      running.set(user.subject, (running.get(user.subject) ?? 1) - 1);
      total--;
    }
  });
  return router;
}
