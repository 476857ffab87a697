import { Migration } from '@mikro-orm/migrations';
import { DB_ROLES } from '../db/roles.js';

const { api } = DB_ROLES;

/**
 * Contribution rows carry their region path, like claims (SCALE.md, "Measured"). Until now a
 * contribution followed its enrolment through `exists (…)`, so a scoped user's contribution total
 * scanned the whole table and probed each row's enrolment: its cost grew with every regency
 * outside the scope. Now the row holds its enrolment's path as it was when the month was written
 * (a worker who moves keeps their history where it happened), a GIN index serves the policy, and
 * the policy is `region_path && request_scope()` like the others.
 *
 * Writers: the API and the import insert through the trigger below; the demo generator loads with
 * triggers off and writes the path in its COPY rows (seed/seed.service.ts).
 */
export class Migration20261203000020_contribution_region_path extends Migration {
  override async up(): Promise<void> {
    // Backfilling and indexing a large table takes longer than the API's statement cap.
    this.addSql('set local statement_timeout = 0;');
    this.addSql(`
alter table contribution add column region_path text[];

-- SECURITY DEFINER: the path comes from the enrolment as it is, whatever the writer may see; the
-- policy then decides whether the writer may write the row.
create function contribution_scope_path() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  -- No such enrolment: the foreign key refuses the row next, with its own message.
  new.region_path := coalesce((select e.region_path from enrolment e where e.id = new.enrolment_id), array['*']);
  return new;
end $$;
create trigger contribution_scope_path before insert or update of enrolment_id on contribution
  for each row execute function contribution_scope_path();

-- Rows already there: their enrolment's path. The paid totals do not change, so their trigger
-- would only churn through every row twice.
alter table contribution disable trigger contribution_paid_update;
update contribution c set region_path = e.region_path from enrolment e where e.id = c.enrolment_id;
alter table contribution enable trigger contribution_paid_update;
alter table contribution alter column region_path set not null;

-- The policy's index. A scoped period range (the dashboard's months, a list's fromMonth/toMonth)
-- uses it alone or with contribution_period_keyset_idx (period, id) by a BitmapAnd. A composite
-- GIN (region_path, period) would need the btree_gin extension and would still read the month's
-- entries of every regency; partitioning by period is what makes a month flat (SCALE.md).
create index contribution_region_path_idx on contribution using gin (region_path);

drop policy contribution_api on contribution;
create policy contribution_api on contribution to ${api}
  using (region_path && request_scope()) with check (region_path && request_scope());
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop policy contribution_api on contribution;
create policy contribution_api on contribution to ${api}
  using (request_scope() = array['*'] or exists (select 1 from enrolment e where e.id = contribution.enrolment_id))
  with check (request_scope() = array['*'] or exists (select 1 from enrolment e where e.id = contribution.enrolment_id));
drop trigger if exists contribution_scope_path on contribution;
drop function if exists contribution_scope_path();
drop index if exists contribution_region_path_idx;
alter table contribution drop column if exists region_path;
`);
  }
}
