import type { Db } from './importer.js';

/**
 * Looks codes up a batch at a time (`where code = any($1)`) and remembers what it found, so
 * a million contributions over fifty thousand memberships cost a few thousand lookups, not
 * a million. Only hits are kept: a miss is a row error, rare enough to ask again.
 */
export class ReferenceCache<Value> {
  private known = new Map<string, Value>();

  constructor(
    /** Returns a `key` column plus whatever `toValue` reads; `$1` is a text[] of keys. */
    private readonly sql: string,
    private readonly toValue: (row: Record<string, unknown>) => Value,
    private readonly maxSize = 200_000,
  ) {}

  async load(db: Db, keys: Iterable<string | null>): Promise<void> {
    const wanted = new Set<string>();
    for (const key of keys) if (key !== null) wanted.add(key);
    let missing = [...wanted].filter((k) => !this.known.has(k));
    if (missing.length === 0) return;
    if (this.known.size + missing.length > this.maxSize) {
      // Bounded memory: start over, reloading this batch's keys.
      this.known = new Map();
      missing = [...wanted];
    }
    const { rows } = await db.query<Record<string, unknown>>(this.sql, [missing]);
    for (const row of rows) this.known.set(String(row.key), this.toValue(row));
  }

  get(key: string): Value | undefined {
    return this.known.get(key);
  }
}
