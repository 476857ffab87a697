import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITIES } from '../../schema/entities/index.js';
import { MIGRATIONS } from '../migrations/index.js';

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
    extensions: [Migrator],
    // The schema is owned by migrations; never let the ORM change it at run time.
    ensureDatabase: false,
    allowGlobalContext: false,
    debug: false,
    ...overrides,
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

export function initORM(clientUrl: string, overrides: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(clientUrl, overrides));
}

/** Applies pending migrations; returns the names applied. */
export async function migrateUp(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
