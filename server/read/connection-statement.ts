import { estimateSql } from './estimate.js';
import type { ListPage } from './list-query.js';
import { Unsupported } from './selection.js';

/** What a connection's statement reads, in the order its JSON lists them: the page's rows (with each node's SQL), the count, the estimate. */
export type ConnectionWants = Array<{ rows: string } | 'totalCount' | 'totalCountEstimate'>;

/** The JSON a connection's statement returns: each row's cursor and node, and the count and estimate when asked. */
export interface ConnectionRow {
  rows: Array<{ c: string; n: object }>;
  total?: number;
  estimate?: number;
}

/**
 * One statement for one page of a list (list-query.ts: the one translation of filters, order and
 * cursors), as one JSON value: `{rows, total, estimate}`. Both forms of a compiled read use it:
 * rows for graphql-jit (index.ts) and rows in the response form (response.ts).
 */
export function connectionStatement(page: ListPage, wants: ConnectionWants): { text: string; values: unknown[]; types: string[] } {
  const { st } = page;
  const table = page.spec.table;
  const conditions = page.conditions.length ? ` where ${page.conditions.join(' and ')}` : '';
  const parts: string[] = [];
  for (const want of wants) {
    if (want === 'totalCount') parts.push(`'total', (select count(*)::int from ${table} t${conditions})`);
    else if (want === 'totalCountEstimate') parts.push(`'estimate', ${estimateSql(table, page.conditions)}`);
    else
      parts.push(
        `'rows', (select coalesce(json_agg(json_build_object('c', ${page.cursorSql}, 'n', ${want.rows}) order by ${page.orderSql}), '[]'::json) ` +
          `from ${page.fromSql()})`,
      );
  }
  if (!wants.some((w) => typeof w === 'object')) parts.push(`'rows', '[]'::json`);
  const text = `select json_build_object(${parts.join(', ')}) as j`;
  // On the request's own transaction the statement is bound without declared types: every parameter must appear.
  if (st.values.some((_, i) => !text.includes(`$${i + 1}::`))) throw new Unsupported('a parameter the selection does not use');
  return { text, values: st.values, types: st.types };
}
