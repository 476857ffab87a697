import { Migration } from '@mikro-orm/migrations';
import { DB_ROLES } from '../db/roles.js';

const { api, apiNational } = DB_ROLES;

/**
 * A role for requests whose scope is the whole country. Under lindung_api every row of a
 * national request still passes `path && request_scope()`: the array test runs on every row a
 * count or a page touches (a kecamatan's count of 11,401 workers: 23 ms against 6 ms without
 * it, measured on the scale-1 province demo), and a prepared statement's generic plan cannot
 * know the scope covers everything. lindung_api_national holds the same grants with policies
 * that are `true`, so a national request plans and runs as if no policy were there, and every
 * other scope keeps the indexed policies.
 *
 * It cannot log in. lindung_api is a member so that a national request's transaction can
 * `set_config('role', …, true)` (platform/db/request-settings.ts); lindung_api is NOINHERIT
 * (migration 20261202100000), so the `true` policies never apply to lindung_api itself. The
 * grants are copied from lindung_api's, so every table the API may touch is covered; a later
 * migration that grants lindung_api something grants it to both.
 */
export class Migration20261203000001_national_reads extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
do $$
declare
  g record;
  t record;
begin
  if not exists (select 1 from pg_roles where rolname = '${apiNational}') then
    begin
      create role ${apiNational} nologin nosuperuser nobypassrls nocreatedb nocreaterole noinherit noreplication;
    exception when duplicate_object or unique_violation then
      null;
    end;
  end if;
  if exists (select 1 from pg_roles where rolname = '${apiNational}' and (rolsuper or rolbypassrls or rolcanlogin)) then
    raise exception 'role ${apiNational} exists with SUPERUSER, BYPASSRLS or LOGIN';
  end if;
  if exists (select 1 from pg_roles where rolname = '${api}' and rolinherit) then
    raise exception 'role ${api} inherits: the national role''s policies would apply to every request';
  end if;
  begin
    grant ${apiNational} to ${api};
  exception when duplicate_object or unique_violation then
    null;
  end;
  grant usage on schema public to ${apiNational};
  for g in
    select table_name, string_agg(privilege_type, ', ') as privileges
    from information_schema.role_table_grants
    where grantee = '${api}' and table_schema = 'public'
    group by table_name
  loop
    execute format('grant %s on %I to ${apiNational}', g.privileges, g.table_name);
  end loop;
  grant usage on all sequences in schema public to ${apiNational};
  for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relrowsecurity loop
    execute format('drop policy if exists %I on %I', t.relname || '_national', t.relname);
    execute format('create policy %I on %I to ${apiNational} using (true) with check (true)', t.relname || '_national', t.relname);
  end loop;
end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`
do $$
declare t record;
begin
  for t in select tablename from pg_policies where schemaname = 'public' and policyname = tablename || '_national' loop
    execute format('drop policy %I on %I', t.tablename || '_national', t.tablename);
  end loop;
  if exists (select 1 from pg_roles where rolname = '${apiNational}') then
    revoke all on all tables in schema public from ${apiNational};
    revoke all on all sequences in schema public from ${apiNational};
    revoke usage on schema public from ${apiNational};
  end if;
end $$;`);
  }
}
