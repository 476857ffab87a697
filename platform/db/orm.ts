import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITIES } from '../../schema/entities/index.js';

/**
 * MikroORM settings shared by the server, the CLI and tests. Callers pass overrides (a test
 * database URL, a pool size) instead of mutating a live config.
 */
export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities: ENTITIES,
    // Decorators carry explicit types (NOTES.md): no reflection, so tsx, tsc and vitest agree.
    discovery: { requireEntitiesArray: true },
    // The schema is owned by migrations; never let the ORM change it at run time.
    ensureDatabase: false,
    allowGlobalContext: false,
    debug: false,
    ...overrides,
  };
}

/**
 * The migrator and the migrations, loaded only where something migrates: the API server never
 * does (its background process does), and would otherwise hold the migrator's modules (umzug and
 * its command line) and every migration's SQL for its lifetime.
 */
export async function migrationOptions(overrides: Partial<Options> = {}): Promise<Partial<Options>> {
  const [{ Migrator }, { MIGRATIONS }] = await Promise.all([import('@mikro-orm/migrations'), import('../migrations/index.js')]);
  return {
    extensions: [Migrator],
    // Merged, not replaced: an override such as `{ silent: true }` must keep migrationsList,
    // else the migrator falls back to globbing ./migrations and applies nothing.
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // Callers log what was applied through pino; the migrator's own console lines would bypass it.
      silent: true,
      ...overrides.migrations,
    },
  };
}

/** `migrations: false` for a process that never migrates (the API server): see migrationOptions. */
export async function initORM(
  clientUrl: string,
  overrides: Partial<Options> = {},
  { migrations = true }: { migrations?: boolean } = {},
): Promise<MikroORM> {
  return MikroORM.init({ ...ormOptions(clientUrl, overrides), ...(migrations ? await migrationOptions(overrides) : {}) });
}

/** Applies pending migrations; returns the names applied. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
