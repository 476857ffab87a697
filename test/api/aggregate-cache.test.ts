import { describe, expect, it, vi } from 'vitest';
import { AggregateCache } from '../../server/services/aggregate-cache.js';

describe('the dashboard aggregate cache', () => {
  it('shares one computation between concurrent first readers and serves it while fresh', async () => {
    const cache = new AggregateCache(1000);
    const compute = vi.fn(async () => 42);
    expect(await Promise.all([cache.get('k', compute), cache.get('k', compute)])).toEqual([42, 42]);
    expect(await cache.get('k', compute)).toBe(42);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('serves a stale value while one refresh runs, then the refreshed one', async () => {
    vi.useFakeTimers();
    try {
      const cache = new AggregateCache(1000);
      let n = 0;
      let release!: () => void;
      const compute = vi.fn(() => (n++ === 0 ? Promise.resolve('old') : new Promise<string>((r) => (release = () => r('new')))));
      expect(await cache.get('k', compute)).toBe('old');
      vi.advanceTimersByTime(1500);
      expect(await cache.get('k', compute)).toBe('old');
      expect(await cache.get('k', compute)).toBe('old');
      expect(compute).toHaveBeenCalledTimes(2);
      release();
      await Promise.resolve();
      await Promise.resolve();
      expect(await cache.get('k', compute)).toBe('new');
    } finally {
      vi.useRealTimers();
    }
  });

  it('recomputes after clear() (a mutation) and not at all with a TTL of 0', async () => {
    const cache = new AggregateCache(60_000);
    const compute = vi.fn(async () => Math.random());
    const first = await cache.get('k', compute);
    cache.clear();
    expect(await cache.get('k', compute)).not.toBe(first);
    const off = new AggregateCache(0);
    await off.get('k', compute);
    await off.get('k', compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('does not keep a failure', async () => {
    const cache = new AggregateCache(60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });
});
