import { Migration } from '@mikro-orm/migrations';

/**
 * The log of list exports (server/export/): who asked for which list with which filter, as which
 * principal (role, personal-data access, region scope), and how many rows each download sent.
 * `url_key` is the HMAC key of that export's download URL: it never leaves the database, so a URL
 * cannot be made or altered without it, and deleting the row revokes the URL.
 */
export class Migration20261202300000_export_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table export_log (
  id bigint generated always as identity primary key,
  actor text not null,
  principal jsonb not null,
  kind text not null check (kind in ('workers', 'enrolments', 'contributions', 'claims')),
  format text not null check (format in ('csv', 'xlsx')),
  language text not null check (language in ('id', 'en')),
  filter jsonb not null,
  request_id text not null,
  requested_at timestamptz not null default now(),
  expires_at timestamptz not null check (expires_at > requested_at),
  url_key bytea not null check (length(url_key) = 32),
  downloads integer not null default 0 check (downloads >= 0),
  last_started_at timestamptz,
  last_finished_at timestamptz,
  row_count bigint check (row_count >= 0)
);
create index export_log_actor on export_log (actor, requested_at desc);
-- The API's own role (migration 20261202100000) records exports and their downloads.
do $$ begin
  if exists (select 1 from pg_roles where rolname = 'lindung_api') then
    grant select, insert, update on export_log to lindung_api;
    grant usage on sequence export_log_id_seq to lindung_api;
  end if;
end $$;
`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table export_log;');
  }
}
