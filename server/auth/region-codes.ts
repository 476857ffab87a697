import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The set of region codes, read once per server and kept: the region table is reference data
 * (it changes with a migration, and a migration restarts the server). Sign-in checks token
 * scopes against it. A failed load is not kept, so the next sign-in tries again.
 */
export function regionCodesOf(orm: MikroORM): () => Promise<ReadonlySet<string>> {
  let loading: Promise<ReadonlySet<string>> | undefined;
  return () =>
    (loading ??= orm.em
      .fork()
      .execute<{ code: string }[]>('select code from region')
      .then((rows) => new Set(rows.map((r) => r.code)))
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
}
