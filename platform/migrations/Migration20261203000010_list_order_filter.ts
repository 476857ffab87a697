import { Migration } from '@mikro-orm/migrations';

/**
 * `orderBy` and `where` on the four root lists (server/read/connections.ts). Every order a list
 * offers pages by `(column, id) > (cursor)` in either direction, so each gets a B-tree on
 * `(column, id)` (read backward for DESC); the default orders already have theirs (migration
 * 20261202200000, and the primary key for workers). `includesInsensitive` / `startsWith` on a
 * worker's name is `ILIKE '%…%'` / `LIKE '…%'`, which only a trigram index serves (pg_trgm ships
 * with PostgreSQL and is a trusted extension, so the database owner may create it; it lives in the
 * `extensions` schema beside btree_gist, so that `public` holds only lindung's own functions). The export
 * log records the `where` and `orderBy` of an export beside its `filter`.
 */
export class Migration20261203000010_list_order_filter extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create schema if not exists extensions;
create extension if not exists pg_trgm schema extensions;
create index if not exists worker_full_name_trgm_idx on worker using gin (full_name extensions.gin_trgm_ops);
-- Under row-level security PostgreSQL uses a condition as an index condition only when its
-- function is LEAKPROOF (else it could see rows the policy hides first), and LIKE / ILIKE are not
-- marked so: lindung_api's name search read the whole table. They are leakproof in fact (their only
-- error is a malformed pattern, which is the caller's own parameter, never a row's value), so they
-- are marked here; this takes a superuser, and without one the index serves only roles outside
-- row-level security (the notice says so).
do $$ begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    alter function pg_catalog.textlike(text, text) leakproof;
    alter function pg_catalog.texticlike(text, text) leakproof;
  else
    raise notice 'not a superuser: LIKE/ILIKE stay non-leakproof, so name search under row-level security scans the table';
  end if;
end $$;
create index if not exists worker_full_name_order_idx on worker (full_name, id);
create index if not exists worker_nik_order_idx on worker (nik, id);
create index if not exists worker_birth_date_order_idx on worker (birth_date, id);
create index if not exists worker_region_code_order_idx on worker (region_code, id);
create index if not exists worker_occupation_order_idx on worker (occupation, id);
create index if not exists claim_incident_date_order_idx on claim (incident_date, id);
create index if not exists claim_claimed_amount_order_idx on claim (claimed_amount, id);
create index if not exists claim_status_order_idx on claim (status, id);
create index if not exists claim_programme_order_idx on claim (programme, id);
create index if not exists claim_claim_no_order_idx on claim (claim_no, id);
create index if not exists enrolment_membership_no_order_idx on enrolment (membership_no, id);
create index if not exists enrolment_status_order_idx on enrolment (status, id);
create index if not exists enrolment_declared_income_order_idx on enrolment (declared_income, id);
create index if not exists contribution_paid_date_order_idx on contribution (paid_date, id);
create index if not exists contribution_amount_order_idx on contribution (amount, id);
alter table export_log add column if not exists list_where jsonb, add column if not exists list_order jsonb;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table export_log drop column if exists list_order, drop column if exists list_where;
drop index if exists contribution_amount_order_idx;
drop index if exists contribution_paid_date_order_idx;
drop index if exists enrolment_declared_income_order_idx;
drop index if exists enrolment_status_order_idx;
drop index if exists enrolment_membership_no_order_idx;
drop index if exists claim_claim_no_order_idx;
drop index if exists claim_programme_order_idx;
drop index if exists claim_status_order_idx;
drop index if exists claim_claimed_amount_order_idx;
drop index if exists claim_incident_date_order_idx;
drop index if exists worker_occupation_order_idx;
drop index if exists worker_region_code_order_idx;
drop index if exists worker_birth_date_order_idx;
drop index if exists worker_nik_order_idx;
drop index if exists worker_full_name_order_idx;
drop index if exists worker_full_name_trgm_idx;
do $$ begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    alter function pg_catalog.textlike(text, text) not leakproof;
    alter function pg_catalog.texticlike(text, text) not leakproof;
  end if;
end $$;
drop extension if exists pg_trgm;
`);
  }
}
