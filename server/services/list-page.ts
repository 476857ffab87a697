import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { onDemand, type Page } from '../../schema/types/connection.type.js';
import type { ConnectionName } from '../read/connections.js';
import { estimateSql } from '../read/estimate.js';
import { type ListArgs, listPage } from '../read/list-query.js';
import { pageOfRows } from './pagination.js';
import type { ServiceDeps } from './service-deps.js';

/**
 * The ORM path of the root connections (the four lists when the compiled read path leaves a
 * selection to the resolvers: `aggregates`, `monthlyContribution`, …; the reference lists and the
 * audit log always): the same page SQL as the compiled path
 * (server/read/list-query.ts, so a filter, an order and a cursor mean one thing), its rows mapped
 * to entities in the request's EntityManager, inside its scoped transaction.
 */
export async function listEntities<T extends object>(
  deps: ServiceDeps,
  entity: EntityClass<T>,
  list: ConnectionName,
  args: ListArgs,
): Promise<Page<T>> {
  const { em } = deps;
  const page = listPage(list, args, deps.user, deps.pageSizeMax);
  const rows = await runStatement<Record<string, unknown>>(
    em,
    `select t.*, ${page.cursorSql} as lindung_cursor from ${page.fromSql()} order by ${page.orderSql}`,
    page.st.values,
  );
  const { edges, pageInfo } = pageOfRows(rows, page, ({ lindung_cursor, ...row }) => ({
    cursor: lindung_cursor as string,
    node: em.map(entity, row as never) as T,
  }));
  const where = page.conditions.length ? ` where ${page.conditions.join(' and ')}` : '';
  const one = async (sql: string) => (await runStatement<{ n: number }>(em, sql, page.st.values))[0]!.n;
  return {
    edges,
    pageInfo,
    totalCount: onDemand(() => one(`select count(*)::int as n from ${page.spec.table} t${where}`)),
    totalCountEstimate: onDemand(() => one(`select ${estimateSql(page.spec.table, page.conditions)} as n`)),
  };
}

/**
 * A statement written for the compiled path (`$n::type` parameters) run through the
 * EntityManager, so inside the request's transaction and counted like the ORM's own: knex binds
 * `?`, and would spread an array into a list, so an array goes as PostgreSQL's array literal.
 */
export function runStatement<R>(em: EntityManager, text: string, values: unknown[]): Promise<R[]> {
  const bindings: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_m, n: string) => {
    bindings.push(binding(values[Number(n) - 1]));
    return '?';
  });
  return em.execute<R[]>(sql, bindings);
}

function binding(value: unknown): unknown {
  if (Array.isArray(value)) return `{${value.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}
