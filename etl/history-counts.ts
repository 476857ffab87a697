import type { SourceSnapshot } from './extract.js';
import type { ExtractContext, TableSpec } from './table-spec.js';

type Counted = { rows: number; sums: Record<string, string> };

/**
 * The verification's source counts of a backfill's history dates, one statement per table for
 * all of them (TableSpec.historyCounts) instead of a count(*) per date: at scale 1 each of the
 * 24 month ends counted every contribution again. Still PostgreSQL counting the source in the
 * run's snapshot, and still compared per date with what the COPY sent and the Parquet holds; it
 * is formulated apart from the extract's SELECT, so the two agreeing checks that too.
 */
export class HistoryCounts {
  private readonly pending = new Map<string, Promise<Map<string, Counted>>>();

  constructor(
    private readonly dates: readonly string[],
    private readonly timezone: string,
  ) {}

  /** The counts of `ctx.date`, or undefined when this table and date are counted one at a time. */
  lookup(spec: TableSpec, ctx: ExtractContext, source: SourceSnapshot): Promise<Counted> | undefined {
    if (ctx.mode !== 'history' || !spec.historyCounts || this.dates.length < 2 || !this.dates.includes(ctx.date)) return undefined;
    let all = this.pending.get(spec.name);
    if (!all) {
      // Run on the connection of the date that asks first; a date loading beside it waits for the same answer.
      all = source.aggregateByDate(spec.historyCounts(this.dates, this.timezone), spec.money);
      this.pending.set(spec.name, all);
    }
    return all.then((counts) => {
      const counted = counts.get(ctx.date);
      if (!counted) throw new Error(`${spec.name}: the batched source count has no row for ${ctx.date}`);
      return counted;
    });
  }
}
