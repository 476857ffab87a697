/**
 * Answers of one published catalogue, by normalised query. A published catalogue never changes (the ETL
 * publishes a new file by rename), so an answer stays right until the next publish; then every entry goes
 * at once, because an earlier snapshot's answer may change too (the marts are rebuilt each publish).
 * Bounded: the least recently used entry leaves first.
 */
export class AnswerCache<T> {
  private generation: number | null = null;
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  get(generation: number, key: string): T | undefined {
    if (generation !== this.generation) return undefined;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(generation: number, key: string, value: T): void {
    if (this.maxEntries <= 0) return;
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
