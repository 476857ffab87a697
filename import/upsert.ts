import type pg from 'pg';

/** Any pg client: the import runs its batches on one transaction's client. */
export type Db = pg.ClientBase;

export type SqlValue = string | number | boolean | null;

export interface UpsertColumn<Row> {
  name: string;
  /** Element type of the parameter array (`bigint`, `date`, `text`, ...). */
  type: string;
  value(row: Row): SqlValue;
  /** How the unnested parameter `p.<name>` becomes the column, when its type alone is not enough. */
  select?: string;
  /**
   * The value on conflict, given the alias of the incoming row (the stored row is `t`);
   * false keeps the stored value. Default: the incoming value.
   */
  onUpdate?: false | ((incoming: string) => string);
}

export interface UpsertSpec<Row> {
  table: string;
  conflict: readonly string[];
  columns: ReadonlyArray<UpsertColumn<Row>>;
  /** Assignments made on a real update only and left out of the comparison (`updated_at = now()`). */
  touch?: readonly string[];
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

/**
 * One statement per batch. The rows travel as one array per column and `unnest` turns them
 * back into rows, so a batch has six parameters, not thirty thousand. Rows already stored
 * with the same values are filtered out before the INSERT: ON CONFLICT would still fire
 * the insert triggers and lock each of them, which made re-importing a file as slow as
 * importing it. The ON CONFLICT clause stays for rows that change. The lookup is a lateral
 * subquery with `limit 1` (harmless on a unique key) so that it stays one index probe per
 * row: as a plain join the planner, guessing the batch size, may hash the whole table.
 */
export function upsertSql<Row>(spec: UpsertSpec<Row>): string {
  const names = spec.columns.map((c) => c.name);
  const params = spec.columns.map((c, i) => `$${i + 1}::${c.type}[]`);
  const selects = spec.columns.map((c) => `${c.select ?? `p.${c.name}`} as ${c.name}`);
  const updates = spec.columns
    .filter((c) => !spec.conflict.includes(c.name) && c.onUpdate !== false)
    .map((c) => ({ name: c.name, value: typeof c.onUpdate === 'function' ? c.onUpdate : (from: string) => `${from}.${c.name}` }));
  const differs = (from: string) =>
    `row(${updates.map((u) => `t.${u.name}`).join(', ')}) is distinct from row(${updates.map((u) => u.value(from)).join(', ')})`;
  const onConflict =
    updates.length === 0
      ? 'do nothing'
      : `do update set ${[...updates.map((u) => `${u.name} = ${u.value('excluded')}`), ...(spec.touch ?? [])].join(', ')}
      where ${differs('excluded')}`;
  // xmax is 0 on a freshly inserted row version and set on one that ON CONFLICT updated;
  // counting in the database sends back one row per batch instead of one per row.
  return `with u as (
    select ${selects.join(', ')} from unnest(${params.join(', ')}) as p(${names.join(', ')})
  ), pending as (
    select u.* from u left join lateral (
      select * from ${spec.table} t where ${spec.conflict.map((c) => `t.${c} = u.${c}`).join(' and ')} limit 1
    ) t on true
    where t.${spec.conflict[0]} is null${updates.length === 0 ? '' : ` or ${differs('u')}`}
  ), written as (
    insert into ${spec.table} as t (${names.join(', ')}) select ${names.join(', ')} from pending
    on conflict (${spec.conflict.join(', ')}) ${onConflict}
    returning (xmax = 0) as inserted
  )
  select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from written`;
}

export async function upsertRows<Row>(db: Db, spec: UpsertSpec<Row>, sql: string, rows: readonly Row[]): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const arrays = spec.columns.map((c) => rows.map((r) => c.value(r)));
  const result = await db.query<UpsertCounts>(sql, arrays);
  return result.rows[0] ?? { inserted: 0, updated: 0 };
}
