/** Tests use the PostgreSQL on 127.0.0.1:5432 (trust auth) unless TEST_PG_URL names another server. */
export function adminUrl(): string {
  return process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
