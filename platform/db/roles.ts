/**
 * The database roles of the products (migration 20261202100000_region_scopes): none owns a table
 * and none can bypass row-level security. The API connects as `api` and sees what the request's
 * scope covers; a request whose scope is the whole country switches to `apiNational` for its
 * transaction (migration 20261203000001: the same grants, policies that are `true`); the import
 * and the demo generator write everywhere; the ETL reads everywhere.
 */
export const DB_ROLES = {
  api: 'lindung_api',
  apiNational: 'lindung_api_national',
  importer: 'lindung_import',
  seed: 'lindung_seed',
  etl: 'lindung_etl',
} as const;

export type DbRole = (typeof DB_ROLES)[keyof typeof DB_ROLES];

/** The same server and database as `url`, as `role` (its password, when given, replaces the URL's). */
export function roleUrl(url: string, role: DbRole, password?: string): string {
  const target = new URL(url);
  target.username = role;
  if (password !== undefined) target.password = password;
  return target.toString();
}

/**
 * `set role <role>` for a product's own connection (the import, the seed, the ETL connect as the
 * migration role and then act as their own). Session-wide on a connection they do not share.
 */
export function setRoleSql(role: DbRole): string {
  return `set role ${role}`;
}
