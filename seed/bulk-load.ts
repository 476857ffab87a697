import type pg from 'pg';

/**
 * Loads a large table the way PostgreSQL's documentation recommends ("Populating a
 * Database"): drop its indexes, keys and user triggers, COPY, then rebuild them in bulk. The
 * definitions are read from the catalog and restored verbatim, so the migration stays the one
 * place that defines them. Must run inside the caller's transaction: if anything fails, the
 * rollback restores the table as it was.
 */
export async function withBulkLoad<T>(
  client: pg.ClientBase,
  table: string,
  verifyTriggerRules: string[],
  load: () => Promise<T>,
  /** Called before each rebuild step (a key, an index, a rule), for progress: the rebuild takes a while. */
  onRebuild?: (step: { name: string; index: number; total: number }) => void,
): Promise<T> {
  const constraints = await client.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = $1::regclass and contype in ('p', 'u', 'f')
     order by case contype when 'p' then 0 when 'u' then 1 else 2 end, conname`,
    [table],
  );
  const indexes = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition from pg_index i
     where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [table],
  );
  const referencing = await client.query(`select 1 from pg_constraint where confrelid = $1::regclass and contype = 'f'`, [table]);
  if (referencing.rowCount! > 0) throw new Error(`bulk load of ${table}: other tables reference it; load it with its keys in place`);

  for (const c of [...constraints.rows].reverse()) await client.query(`alter table ${table} drop constraint ${c.name}`);
  for (const i of indexes.rows) await client.query(`drop index ${i.name}`);
  await client.query(`alter table ${table} disable trigger user`);

  const result = await load();

  await client.query(`set local maintenance_work_mem = '512MB'`);
  const total = constraints.rows.length + indexes.rows.length + verifyTriggerRules.length;
  let index = 0;
  for (const c of constraints.rows) {
    onRebuild?.({ name: c.name, index: index++, total });
    await client.query(`alter table ${table} add constraint ${c.name} ${c.definition}`);
  }
  for (const i of indexes.rows) {
    onRebuild?.({ name: i.name, index: index++, total });
    await client.query(i.definition);
  }
  await client.query(`alter table ${table} enable trigger user`);
  // The disabled triggers' rules, checked once over the whole table instead of row by row.
  for (const sql of verifyTriggerRules) {
    onRebuild?.({ name: 'trigger rule', index: index++, total });
    const broken = await client.query(sql);
    if (broken.rowCount! > 0) throw new Error(`bulk load of ${table}: ${broken.rowCount} rows break a trigger rule: ${sql}`);
  }
  onRebuild?.({ name: 'done', index, total });
  return result;
}

/**
 * The lighter form, for tables other tables reference (worker, enrolment): keys, rules and triggers
 * stay and check every row as it comes; only the indexes that back no constraint (orderings, GIN
 * and trigram indexes for the API's filters) are dropped for the load and built after it, one sort
 * each instead of an insertion per row. Same transaction rule as withBulkLoad.
 */
export async function withIndexesDeferred<T>(
  client: pg.ClientBase,
  table: string,
  owner: Owner,
  load: () => Promise<T>,
  /** Called once the indexes are built again, with how many and how long they took. */
  onBuilt?: (built: { indexes: number; seconds: number }) => void,
): Promise<T> {
  const indexes = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition from pg_index i
     where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [table],
  );
  await owner(async () => {
    for (const i of indexes.rows) await client.query(`drop index ${i.name}`);
  });
  const result = await load();
  const started = Date.now();
  await owner(async () => {
    await client.query(`set local maintenance_work_mem = '512MB'`);
    for (const i of indexes.rows) await client.query(i.definition);
  });
  onBuilt?.({ indexes: indexes.rows.length, seconds: (Date.now() - started) / 1000 });
  return result;
}

/** Runs DDL as the table's owner, the one part of a load the writing role may not do (seed/README.md). */
export type Owner = (ddl: () => Promise<void>) => Promise<void>;

/** The rule of the enforce_programme_covered trigger, as a set query returning offenders. */
export function programmeCoveredViolations(table: 'contribution' | 'claim'): string {
  return `select t.id from ${table} t join enrolment e on e.id = t.enrolment_id where not (t.programme = any (e.programmes)) limit 10`;
}
