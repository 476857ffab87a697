import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The marts beside this folder: one `create or replace view <name> as …` per file (analytics/README.md). */
const MARTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'models', 'marts');

const LATEST = /latest_snapshot\('(stg_[a-z_]+)'\)/g;
const MART_REFERENCE = /\b(from|join)\s+((?:dim|fct)_[a-z_]+)\b/g;

const bodies = new Map<string, string>();
/** A mart's SELECT: its file without the `create or replace view … as` and the closing semicolon. */
function martBody(name: string): string {
  let body = bodies.get(name);
  if (body === undefined) {
    const sql = fs.readFileSync(path.join(MARTS, `${name}.sql`), 'utf8');
    const start = sql.search(new RegExp(`create or replace view ${name} as\\s`));
    if (start < 0) throw new Error(`${name}.sql is not one create or replace view ${name} statement`);
    body = sql
      .slice(start)
      .replace(new RegExp(`^create or replace view ${name} as\\s+`), '')
      .trim()
      .replace(/;\s*$/, '');
    bodies.set(name, body);
  }
  return body;
}

/** Whether a mart's rows depend on the snapshot (it, or a mart it reads, reads the latest snapshot of a staging view). */
function dependsOnSnapshot(name: string): boolean {
  const body = martBody(name);
  if (/latest_snapshot\(/.test(body)) return true;
  return [...body.matchAll(MART_REFERENCE)].some(
    ([, , mart]) => mart !== name && fs.existsSync(path.join(MARTS, `${mart}.sql`)) && dependsOnSnapshot(mart!),
  );
}

/**
 * A mart's own SQL as it would be had `snapshotDate` been the latest snapshot: every
 * `latest_snapshot('stg_x')` reads that snapshot's rows instead, and every mart it reads whose rows depend
 * on the snapshot is pinned the same way, inline. One definition of each mart serves the latest
 * (materialised) answer and any earlier one, so the two cannot drift apart. The date is a checked ISO date.
 */
export function pinnedModelSql(name: string, snapshotDate: string): string {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(snapshotDate)) throw new Error(`not an ISO date: ${snapshotDate}`);
  return martBody(name)
    .replace(LATEST, (_, staging: string) => `(select * from ${staging} where snapshot_date = date '${snapshotDate}')`)
    .replace(MART_REFERENCE, (whole, keyword: string, mart: string) =>
      mart !== name && fs.existsSync(path.join(MARTS, `${mart}.sql`)) && dependsOnSnapshot(mart)
        ? `${keyword} (\n${pinnedModelSql(mart, snapshotDate)}\n)`
        : whole,
    );
}
