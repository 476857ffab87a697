import { Migration } from '@mikro-orm/migrations';

/**
 * One audit key convention (schema/audit-key.ts): a record's entry stores its type name and
 * primary key, which SQL and the ETL's history mode join on. The API used to store the global
 * id (base64url of `Claim:42`) while the ETL matched `c.id::text`, so a past day's snapshot
 * missed every status change made through the API. This rewrites the stored global ids (and
 * the sponsor global id inside contribution batch keys) to primary keys. The log stays
 * append-only for everyone else: its guard trigger is off only inside this transaction.
 */
export class Migration20261201000000_audit_record_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create or replace function pg_temp.global_id_key(id text, expected_type text) returns text language plpgsql immutable as $$
declare
  decoded text;
begin
  if id !~ '^[A-Za-z0-9_-]+$' or length(id) % 4 = 1 then return null; end if;
  decoded := convert_from(decode(translate(id, '-_', '+/') || repeat('=', (4 - length(id) % 4) % 4), 'base64'), 'UTF8');
  if decoded ~ ('^' || expected_type || ':[0-9]+$') then return split_part(decoded, ':', 2); end if;
  return null;
exception when others then
  -- Not a global id (a batch key, a file name): leave it as it is.
  return null;
end $$;

alter table audit_entry disable trigger audit_entry_append_only;

update audit_entry set entity_type = 'Claim' where entity_type = 'claim';

update audit_entry set entity_id = pg_temp.global_id_key(entity_id, entity_type)
where entity_type in ('Worker', 'Enrolment', 'Claim', 'BudgetAllocation')
  and pg_temp.global_id_key(entity_id, entity_type) is not null;

update audit_entry
set entity_id = pg_temp.global_id_key(split_part(entity_id, ':', 1), 'Sponsor') || ':' || split_part(entity_id, ':', 2)
where entity_type = 'ContributionBatch' and pg_temp.global_id_key(split_part(entity_id, ':', 1), 'Sponsor') is not null;

alter table audit_entry enable trigger audit_entry_append_only;
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table audit_entry disable trigger audit_entry_append_only;

update audit_entry set entity_id = rtrim(translate(encode(convert_to(entity_type || ':' || entity_id, 'UTF8'), 'base64'), '+/', '-_'), '=')
where entity_type in ('Worker', 'Enrolment', 'Claim', 'BudgetAllocation') and entity_id ~ '^[0-9]+$';

update audit_entry
set entity_id = rtrim(translate(encode(convert_to('Sponsor:' || split_part(entity_id, ':', 1), 'UTF8'), 'base64'), '+/', '-_'), '=')
  || ':' || split_part(entity_id, ':', 2)
where entity_type = 'ContributionBatch' and split_part(entity_id, ':', 1) ~ '^[0-9]+$';

alter table audit_entry enable trigger audit_entry_append_only;
`);
  }
}
