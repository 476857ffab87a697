import fs from 'node:fs';
import type { RequestHandler } from 'express';
import type { Principal, Role } from '../auth/roles.js';

/**
 * Trusted documents (graphql-over-http's persisted documents): the operations a frontend ships
 * are known in advance, listed by graphql-codegen's client preset in a manifest
 * (`client/generated/persisted-documents.json`, `{ "sha256:<hex>": "<document>" }`). A client
 * sends `documentId` (or Apollo's `extensions.persistedQuery.sha256Hash`) instead of the text.
 * With `enforce` (production) any other document is refused before it is parsed, except from the
 * roles configured to send arbitrary documents (an analyst's IDE, an administrator's script):
 * an attacker holding a viewer's token cannot send a document no screen sends.
 */
export interface TrustedDocumentsOptions {
  /** The manifest's documents by id (`sha256:<hex>`). */
  documents: ReadonlyMap<string, string>;
  /** Refuse documents that are not in the manifest. */
  enforce: boolean;
  /** Roles that may still send a document of their own. */
  arbitraryRoles: readonly Role[];
  /** Verifies the bearer token (only asked when an arbitrary document needs a role). */
  verify(authorization: string | undefined): Promise<Principal | null>;
}

/** Reads a client preset manifest; a missing file is no documents, a malformed one stops the server at start. */
export function readManifest(file: string): Map<string, string> {
  if (!fs.existsSync(file)) return new Map();
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: a persisted-documents manifest is a JSON object of id → document`);
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(parsed)) {
    if (!/^sha256:[0-9a-f]{64}$/.test(id) || typeof text !== 'string')
      throw new Error(`${file}: entry ${JSON.stringify(id)} is not "sha256:<64 hex digits>": "<document>"`);
    documents.set(id, text);
  }
  return documents;
}

interface GraphQLBody {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

/** The id a request names, in either spelling; undefined when it names none. */
function requestedId(body: GraphQLBody): string | undefined {
  if (typeof body.documentId === 'string') return body.documentId;
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? `sha256:${hash}` : undefined;
}

/**
 * The text a subscription over WebSocket runs (graphql-ws sends `query`, and a persisted id in
 * `extensions.persistedQuery`), by the same rules as HTTP: a known id's document, the exact text of
 * a trusted document, or — for a role allowed its own documents — anything; otherwise a refusal.
 */
export function trustedSubscriptionText(
  options: Pick<TrustedDocumentsOptions, 'documents' | 'enforce' | 'arbitraryRoles'>,
  payload: { query: string; extensions?: Record<string, unknown> | null },
  role: Role,
): { text: string } | { code: string; message: string } {
  const id = requestedId({ query: payload.query, extensions: payload.extensions ?? undefined } as GraphQLBody);
  if (id !== undefined) {
    const text = options.documents.get(id);
    if (text !== undefined && (payload.query === '' || payload.query === text)) return { text };
    if (text === undefined && options.enforce)
      return {
        code: 'PERSISTED_QUERY_NOT_FOUND',
        message: `no trusted document has the id ${id}: regenerate the client (npm run codegen)`,
      };
    if (text !== undefined) return { code: 'BAD_REQUEST', message: 'the subscription names a trusted document and sends a different text' };
  }
  if (!options.enforce || options.arbitraryRoles.includes(role)) return { text: payload.query };
  for (const text of options.documents.values()) if (text === payload.query) return { text };
  return {
    code: 'UNTRUSTED_DOCUMENT',
    message: "this server runs only the client's trusted documents: send its persisted id instead of the query text",
  };
}

/** Runs after the JSON body parser and before anything reads the document (shape limits, Apollo). */
export function trustedDocuments(options: TrustedDocumentsOptions): RequestHandler {
  const refuse = (res: Parameters<RequestHandler>[1], status: number, code: string, message: string) =>
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId } }] });
  const texts = new Set(options.documents.values());
  return async (req, res, next) => {
    const get = req.method === 'GET';
    const params = get ? new URL(req.url, 'http://x').searchParams : undefined;
    const body: GraphQLBody | undefined = get
      ? {
          query: params!.get('query') ?? undefined,
          documentId: params!.get('documentId') ?? undefined,
          extensions: parseExtensions(params!.get('extensions')),
        }
      : typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
        ? (req.body as GraphQLBody)
        : undefined;
    if (!body) return next();
    const id = requestedId(body);
    if (id !== undefined) {
      const text = options.documents.get(id);
      if (text === undefined) {
        // Outside enforcement Apollo's automatic persisted queries may still know a hash it was sent before.
        if (!options.enforce && body.documentId === undefined) return next();
        return refuse(
          res,
          400,
          'PERSISTED_QUERY_NOT_FOUND',
          `no trusted document has the id ${id}: regenerate the client (npm run codegen)`,
        );
      }
      if (typeof body.query === 'string' && body.query !== text)
        return refuse(res, 400, 'BAD_REQUEST', 'the request names a trusted document and sends a different text: send one or the other');
      if (get) {
        params!.delete('documentId');
        params!.delete('extensions');
        params!.set('query', text);
        req.url = `${req.url.split('?')[0]}?${params!.toString()}`;
      } else {
        const { documentId: _id, extensions, ...rest } = body;
        const { persistedQuery: _pq, ...otherExtensions } = extensions ?? {};
        req.body = { ...rest, query: text, ...(Object.keys(otherExtensions).length ? { extensions: otherExtensions } : {}) };
      }
      return next();
    }
    // The exact text of a trusted document is that document, whichever way it is named.
    if (!options.enforce || typeof body.query !== 'string' || texts.has(body.query)) return next();
    const principal = options.arbitraryRoles.length ? await options.verify(req.headers.authorization).catch(() => null) : null;
    if (principal && options.arbitraryRoles.includes(principal.role)) return next();
    const allowed = options.arbitraryRoles.length ? ` (only ${options.arbitraryRoles.join(', ')} may send their own)` : '';
    refuse(
      res,
      400,
      'UNTRUSTED_DOCUMENT',
      `this server runs only the client's trusted documents: send its documentId instead of the query text${allowed}`,
    );
  };
}

function parseExtensions(text: string | null): GraphQLBody['extensions'] {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as GraphQLBody['extensions']) : undefined;
  } catch {
    return undefined;
  }
}
