import type http from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';

/**
 * `POST /graphql` with a JSON body, served straight from node:http: express's router, its
 * request and response prototypes and its body parser cost a claim by id about as much as its
 * SQL (issue 13's profile). The same handlers run in the same order as on the express route
 * (`handlers`, the very array app.ts mounts), over the few express methods they use (`status`,
 * `json`, `send`, `locals`, `ip`); the body is read and parsed here by express.json's rules (its
 * limit, strict JSON, an empty body as `{}`), so the parser in `handlers` finds it read and passes.
 * Anything else (GET, another content type or encoding, another path) goes to `fallback`, the
 * express app, as before.
 */
export function fastGraphqlRoute(options: {
  path: string;
  /** Bytes, as GRAPHQL_BODY_LIMIT gives them ("100kb"). */
  bodyLimit: string;
  handlers: RequestHandler[];
  /** The express.json handler in `handlers`: the body is read in its place, so every handler before it runs first, as on express. */
  jsonParser: RequestHandler;
  onError: ErrorRequestHandler;
  fallback: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const limit = bytes(options.bodyLimit);
  return (req, res) => {
    if (!served(req, options.path)) return options.fallback(req, res);
    const express = withExpressMethods(req, res);
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      options.onError(error, express.req as never, express.res as never, () => res.end());
    };
    const run = (i: number): void => {
      const handler = options.handlers[i];
      if (!handler || failed) return;
      if (handler === options.jsonParser) {
        readJson(req, limit, (error, body) => {
          if (error) return fail(error);
          express.req.body = body;
          run(i + 1);
        });
        return;
      }
      try {
        const result = handler(express.req as never, express.res as never, (error?: unknown) => {
          if (error !== undefined && error !== 'route' && error !== 'router') fail(error);
          else run(i + 1);
        }) as unknown;
        if (result instanceof Promise) result.catch(fail);
      } catch (error) {
        fail(error);
      }
    };
    run(0);
  };
}

/** The body, within `limit` bytes (413 past it, without reading the rest), parsed as express.json would. */
function readJson(req: http.IncomingMessage, limit: number, done: (error: Error | null, body?: unknown) => void): void {
  if (Number(req.headers['content-length']) > limit) {
    req.resume();
    done(httpError(413, 'request entity too large'));
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    received += chunk.length;
    if (received <= limit) {
      chunks.push(chunk);
      return;
    }
    over = true;
    done(httpError(413, 'request entity too large'));
  });
  req.on('error', (error) => {
    if (!over) done(httpError(400, error.message));
    over = true;
  });
  req.on('end', () => {
    if (over) return;
    try {
      done(null, parseStrictJson(Buffer.concat(chunks, received).toString('utf8')));
    } catch (error) {
      done(httpError(400, (error as Error).message));
    }
  });
}

/** Only what is sure to mean the same to express.json: POST, this path, JSON in UTF-8, not compressed, with a body. */
function served(req: http.IncomingMessage, path: string): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  if (url !== path && !url.startsWith(`${path}?`)) return false;
  const type = req.headers['content-type'];
  if (!type || !/^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(type)) return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  return req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;
}

interface ExpressLike {
  req: http.IncomingMessage & { ip?: string; query: Record<string, unknown>; body?: unknown };
  res: http.ServerResponse & {
    locals: Record<string, unknown>;
    status(code: number): ExpressLike['res'];
    json(body: unknown): ExpressLike['res'];
    send(body: string | Buffer): ExpressLike['res'];
  };
}

function withExpressMethods(req: http.IncomingMessage, res: http.ServerResponse): ExpressLike {
  const r = res as ExpressLike['res'];
  if (r.locals) return { req: req as ExpressLike['req'], res: r };
  r.locals = {};
  r.status = (code) => {
    res.statusCode = code;
    return r;
  };
  r.send = (body) => {
    if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
    return r;
  };
  r.json = (body) => {
    if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
    return r.send(JSON.stringify(body));
  };
  const q = req as ExpressLike['req'];
  // express's req.ip without 'trust proxy', which this server does not set.
  q.ip = req.socket.remoteAddress;
  q.query = {};
  return { req: q, res: r };
}

/** express.json's strict mode: an object or an array; an empty body is `{}` (a common client mistake it forgives). */
function parseStrictJson(text: string): unknown {
  if (text.length === 0) return {};
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') throw new SyntaxError(`Unexpected token ${first ?? 'end of input'}: the body must be a JSON object`);
  return JSON.parse(text);
}

function httpError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

function bytes(limit: string): number {
  const m = /^([0-9]+)(b|kb|mb)$/.exec(limit);
  if (!m) throw new Error(`body limit ${limit}: must look like 100kb`);
  return Number(m[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[m[2] as 'b' | 'kb' | 'mb'];
}
