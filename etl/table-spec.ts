/**
 * The shape of a warehouse table's extract (tables.ts lists them) and the SQL fragments the
 * extracts share: the snapshot day and a timestamp's calendar day in the ETL's time zone.
 */

export type SnapshotMode = 'live' | 'history';

export interface ExtractContext {
  /** The snapshot date, `YYYY-MM-DD` (validated before it reaches SQL). */
  date: string;
  mode: SnapshotMode;
  /** IANA zone in which a timestamp becomes a calendar day (Asia/Makassar). */
  timezone: string;
}

export interface Column {
  name: string;
  /** DuckDB type as stored in Parquet. Money is BIGINT, never DOUBLE. */
  type: string;
  /** DuckDB expression over the CSV column when the stored value needs more than a cast. */
  load?: string;
  /** Type the CSV column is read as, when it differs from `type`. */
  csvType?: string;
}

export interface TableSpec {
  name: string;
  /** One line for the README and the catalogue's comment. */
  grain: string;
  columns: Column[];
  /** Summed at the source and in the warehouse; a difference fails the run. */
  money: string[];
  select(ctx: ExtractContext): string;
  /**
   * The same rows (and money columns) as `select`, cheaper to compute, for the verification's
   * count(*): for a SELECT that spends its time on each row rather than on which rows it keeps.
   */
  countSelect?(ctx: ExtractContext): string;
  /**
   * The verification's count and sums for several history dates at once, for a table whose
   * every history date would otherwise scan the whole source again (contributions): one row per
   * date, `snapshot_date` (text), `rows` (text), then each money column (text). It must count
   * the rows `select` returns for each date, formulated independently of it (etl/history-counts.ts).
   */
  historyCounts?(dates: readonly string[], timezone: string): string;
}

export const day = (ctx: ExtractContext) => `date '${ctx.date}'`;
export const localDate = (column: string, ctx: ExtractContext) => `(${column} at time zone '${ctx.timezone}')::date`;

/** An enrolment exists on D when it had started or been recorded by then. */
export const enrolmentKnown = (alias: string, ctx: ExtractContext) =>
  `least(${alias}.start_date, ${localDate(`${alias}.created_at`, ctx)}) <= ${day(ctx)}`;
