export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The server tests create their databases on: TEST_PG_URL, else the local PostgreSQL on
 * 127.0.0.1:5432 (trust auth); global-setup.ts sets TEST_PG_URL to an embedded server when
 * neither is there.
 */
export function adminUrl(): string {
  return process.env.TEST_PG_URL ?? DEFAULT_TEST_PG_URL;
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
