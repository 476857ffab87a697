import type { MikroORM } from '@mikro-orm/postgresql';
import { initORM } from './orm.js';
import { DB_ROLES, roleUrl } from './roles.js';

/**
 * The API's own ORM, connected as lindung_api: a role that owns nothing and cannot bypass
 * row-level security, so every row it reads passed a policy. Built beside the platform's ORM
 * (the migration role's), with the same pool settings; it connects on first use, because the
 * server starts before the migration that creates the role has run.
 */
export function openApiOrm(platform: MikroORM, apiUrl?: string): Promise<MikroORM> {
  const url = apiUrl ?? roleUrl(platform.config.getClientUrl(), DB_ROLES.api);
  return initORM(url, { pool: platform.config.get('pool'), connect: false }, { migrations: false });
}

/**
 * Refuses to serve through a connection that row-level security would not hold: a superuser,
 * a BYPASSRLS role, or the owner of an operational table (FORCE covers the owner, but an owner
 * can turn FORCE off).
 */
export async function assertHeldByPolicies(orm: MikroORM): Promise<void> {
  const [role] = await orm.em.fork().execute<{ name: string; bypasses: boolean; owns: boolean; national: boolean; inherits: boolean }[]>(
    `select current_user as name, r.rolsuper or r.rolbypassrls as bypasses, r.rolinherit as inherits,
            exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner in (current_user, '${DB_ROLES.apiNational}')) as owns,
            exists (select 1 from pg_roles n where n.rolname = '${DB_ROLES.apiNational}' and not (n.rolsuper or n.rolbypassrls)
                    and pg_has_role(current_user, n.oid, 'member')) as national
     from pg_roles r where r.rolname = current_user`,
  );
  if (!role || role.bypasses || role.owns) {
    throw new Error(
      `the API's database role ${role?.name ?? '?'} is not held by row-level security (superuser, BYPASSRLS or a table owner): ` +
        `connect it as ${DB_ROLES.api} (API_DATABASE_URL)`,
    );
  }
  // National requests switch to the national role for their transaction (request-settings.ts);
  // inheriting it would hand its `true` policies to every request.
  if (!role.national || role.inherits) {
    throw new Error(
      `the API's database role ${role.name} must be a NOINHERIT member of ${DB_ROLES.apiNational} ` +
        `(grant ${DB_ROLES.apiNational} to ${role.name}; alter role ${role.name} noinherit)`,
    );
  }
}

/**
 * Gives lindung_api the password of the platform's own URL, so the derived API URL logs in (the
 * embedded server checks passwords even on 127.0.0.1). Only for a derived URL: a configured
 * API_DATABASE_URL's password is the operator's business.
 */
export async function setApiPassword(platform: MikroORM): Promise<void> {
  const password = decodeURIComponent(new URL(platform.config.getClientUrl()).password);
  if (!password) return;
  const em = platform.em.fork();
  const [row] = await em.execute<{ quoted: string }[]>('select quote_literal(?) as quoted', [password]);
  await em.execute(`alter role ${DB_ROLES.api} password ${row!.quoted}`);
}
