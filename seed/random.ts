import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A deterministic random source. Each worker gets its own, derived from (seed, cohort,
 * index), so the generator can walk the population once per table and see the same
 * worker every time without holding the population in memory.
 */
export class Random {
  private readonly rng;

  constructor(...keys: number[]) {
    this.rng = xoroshiro128plus(mix(keys));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** Picks from `[item, weight]` pairs in proportion to the weights. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.float() * total;
    for (const [item, weight] of choices) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return choices[choices.length - 1]![0];
  }

  /** Log-normal around `median` with multiplicative spread `sigma`, as incomes are. */
  logNormal(median: number, sigma: number): number {
    const u1 = 1 - this.float();
    const u2 = this.float();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return median * Math.exp(sigma * z);
  }
}

/** Folds several integers into one 32-bit seed (a 32-bit FNV-1a over their words). */
function mix(keys: number[]): number {
  let hash = 0x811c9dc5;
  for (const key of keys) {
    let k = key >>> 0;
    for (let i = 0; i < 4; i++) {
      hash ^= k & 0xff;
      hash = Math.imul(hash, 0x01000193);
      k >>>= 8;
    }
    hash ^= Math.floor(key / 2 ** 32) & 0xff;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
