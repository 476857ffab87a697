import { Migration } from '@mikro-orm/migrations';

/**
 * Keyset pagination (server/read/): each connection pages by `(order column, id) < (cursor)`
 * in its own order, so page 1,000 is an index range scan like page 1, not an offset walk. The
 * worker list pages by the primary key; claims, enrolments and contributions need these.
 * `lindung_count_estimate` is the planner's row estimate of a filtered query (`totalCountEstimate`),
 * for screens that show "about 1.2 million" without paying for the exact count. It runs as its
 * caller, so row-level security shapes the estimate as it shapes the rows; volatile, because
 * PostgreSQL allows EXPLAIN only in a volatile function.
 */
export class Migration20261202200000_read_path extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create index if not exists claim_submitted_keyset_idx on claim (submitted_date, id);
create index if not exists enrolment_start_keyset_idx on enrolment (start_date, id);
create index if not exists contribution_period_keyset_idx on contribution (period, id);
create or replace function lindung_count_estimate(query text) returns bigint
  language plpgsql volatile as $$
declare plan json;
begin
  execute 'explain (format json) ' || query into plan;
  return round((plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric)::bigint;
end $$;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop function if exists lindung_count_estimate(text);
drop index if exists contribution_period_keyset_idx;
drop index if exists enrolment_start_keyset_idx;
drop index if exists claim_submitted_keyset_idx;
`);
  }
}
