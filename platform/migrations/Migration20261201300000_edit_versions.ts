import { Migration } from '@mikro-orm/migrations';

/**
 * Optimistic locking on every record a screen edits (workers, enrolments, budget allocations),
 * as claims already have: the API sends the version it read and refuses a stale one with
 * CONFLICT. Existing rows start at version 1.
 */
export class Migration20261201300000_edit_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table worker add column version integer not null default 1 check (version > 0);
alter table enrolment add column version integer not null default 1 check (version > 0);
alter table budget_allocation add column version integer not null default 1 check (version > 0);
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table worker drop column version;
alter table enrolment drop column version;
alter table budget_allocation drop column version;
`);
  }
}
