import { type DocumentNode, type ExecutionResult, execute, type GraphQLError, type GraphQLSchema, parse } from 'graphql';
import type { Principal } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { EXPORT_KINDS, type ExportKind, pageDocument, valueAt } from './export-kinds.js';
import type { RowWriter } from './export-writer.js';

/** Rows per page: one connection query each (with its loaders' batched lookups). */
export const EXPORT_PAGE_SIZE = 500;

/** Runs `work` in a request context built by the same factory as /graphql's (server/app.ts supplies it). */
export type InRequestContext = <T>(user: Principal, requestId: string, work: (context: RequestContext) => Promise<T>) => Promise<T>;

/** A page the API refused (a filter that no longer validates, a scope that no longer covers it). */
export class ExportPageError extends Error {
  constructor(readonly error: GraphQLError) {
    super(error.message);
  }
}

const documents = new Map<ExportKind, DocumentNode>();

interface Page {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Record<string, unknown> }>;
}

/**
 * Pages through the list's own connection by its keyset cursor, each page executed as the API
 * executes it (same resolvers, same masking, same scope, a fresh request context), and writes
 * its rows. Memory holds two pages. Stops early when `stopped()` says the client went away.
 */
export async function runExport(options: {
  schema: GraphQLSchema;
  kind: ExportKind;
  filter: Record<string, unknown>;
  where?: Record<string, unknown> | null;
  orderBy?: unknown[] | null;
  user: Principal;
  requestId: string;
  inContext: InRequestContext;
  writer: RowWriter;
  stopped?: () => boolean;
  pageSize?: number;
}): Promise<number> {
  const spec = EXPORT_KINDS[options.kind];
  let document = documents.get(options.kind);
  if (!document) documents.set(options.kind, (document = parse(pageDocument(spec))));
  const fetchPage = async (after: string | null): Promise<Page> => {
    const variableValues: Record<string, unknown> = {
      filter: options.filter,
      where: options.where ?? null,
      orderBy: options.orderBy ?? null,
      first: options.pageSize ?? EXPORT_PAGE_SIZE,
      after,
    };
    const result: ExecutionResult = await options.inContext(options.user, options.requestId, async (contextValue) =>
      execute({ schema: options.schema, document: document!, variableValues, contextValue }),
    );
    if (result.errors?.length) throw new ExportPageError(result.errors[0]!);
    return (result.data as { page: Page }).page;
  };
  let rows = 0;
  let next: Promise<Page> | null = fetchPage(null);
  while (next) {
    const page: Page = await next;
    // The next page is read while this one is written: the database and the writer work side by side, two pages in memory at most.
    next = page.pageInfo.hasNextPage && !options.stopped?.() ? fetchPage(page.pageInfo.endCursor) : null;
    next?.catch(() => {}); // awaited on the next turn; a failure is thrown there, not reported as unhandled
    for (const { node } of page.edges) options.writer.row(spec.columns.map((c) => valueAt(node, c.path)));
    rows += page.edges.length;
    await options.writer.flush();
  }
  return rows;
}
