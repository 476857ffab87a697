import { Migration } from '@mikro-orm/migrations';

/**
 * The live claim queue: every new claim and every status change is announced on the
 * `lindung_claim_changes` channel when its transaction commits, so each API process (however
 * many there are) pushes it to its GraphQL subscribers. The payload holds codes only (id,
 * status, programme), never personal data: a subscriber reads the claim through the API, masked
 * for its role. A rolled-back change announces nothing.
 */
export class Migration20261201200000_claim_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create function notify_claim_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('lindung_claim_changes', json_build_object(
    'id', new.id, 'status', new.status, 'programme', new.programme,
    'change', case tg_op when 'INSERT' then 'CREATED' else 'STATUS_CHANGED' end)::text);
  return null;
end $$;

create trigger claim_notify_insert after insert on claim for each row execute function notify_claim_change();
create trigger claim_notify_status after update of status on claim
  for each row when (old.status is distinct from new.status) execute function notify_claim_change();
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop trigger if exists claim_notify_status on claim;
drop trigger if exists claim_notify_insert on claim;
drop function if exists notify_claim_change();
`);
  }
}
