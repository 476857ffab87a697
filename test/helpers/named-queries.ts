import fs from 'node:fs';

/** Reads a SQL file of `-- name: x` sections into { x: sql }. */
export function namedQueries(path: string): Record<string, string> {
  const queries: Record<string, string> = {};
  for (const section of fs
    .readFileSync(path, 'utf8')
    .split(/^-- name: /m)
    .slice(1)) {
    const newline = section.indexOf('\n');
    queries[section.slice(0, newline).trim()] = section.slice(newline + 1);
  }
  return queries;
}
