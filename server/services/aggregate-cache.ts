import { type RegionScope, scopeClaim } from '../../schema/region-scope.js';

interface Entry {
  value?: unknown;
  settledAt?: number;
  pending?: Promise<unknown>;
}

/**
 * Dashboard aggregates scan whole tables (1.5 million active enrolments, 22 million of the
 * regency's contribution rows a year at scale 20), so the server shares each result across
 * requests. A result younger than the TTL is served as is; an older one is still served while
 * one refresh runs behind it (stale-while-revalidate), so a slow aggregate never makes every
 * reader wait. Concurrent first reads share one query. Only plain rows are cached, never
 * entities, which belong to one request's EntityManager. A mutation through this server
 * clears everything, so its own writes show at once. Each figure is computed under row-level
 * security for one scope, so its key names the scope (`AggregateCache.key`): a kecamatan officer's
 * total is never served to the regency, nor the other way round.
 */
export class AggregateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  /** The key of figure `name` as computed under `scope`. */
  static key(scope: RegionScope, name: string): string {
    return `${scopeClaim(scope).join(',')}|${name}`;
  }

  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = {}));
    if (entry.settledAt !== undefined && Date.now() - entry.settledAt < this.ttlMs) return Promise.resolve(entry.value as T);
    if (!entry.pending) {
      const target = entry;
      target.pending = compute().then(
        (value) => {
          Object.assign(target, { value, settledAt: Date.now(), pending: undefined });
          return value;
        },
        (error: unknown) => {
          target.pending = undefined;
          throw error;
        },
      );
      target.pending.catch(() => {});
    }
    return (entry.settledAt !== undefined ? Promise.resolve(entry.value) : entry.pending) as Promise<T>;
  }

  clear(): void {
    this.entries.clear();
  }
}
