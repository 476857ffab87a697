import { Migration } from '@mikro-orm/migrations';

/**
 * Paid contributions per sponsor and month, kept by statement-level triggers. The budget
 * check of every new enrolment and the budget dashboards need "paid so far this year": summed
 * from `contribution` that is millions of rows per sponsor at scale, here it is twelve.
 * Statement triggers with transition tables cost one grouped upsert per statement, so bulk
 * imports stay fast; a bulk load that disables triggers calls refresh_sponsor_month_paid().
 */
export class Migration20261126230000_sponsor_month_paid extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table sponsor_month_paid (
  sponsor_id bigint not null references sponsor (id),
  period date not null,
  -- No CHECK (amount >= 0): PostgreSQL checks an upsert's proposed row before it finds the
  -- conflict, and the triggers upsert negative deltas. Non-negative by construction.
  amount bigint not null,
  contributions bigint not null,
  primary key (sponsor_id, period)
);

-- One function for the three triggers: PL/pgSQL plans a statement when it first runs it, so
-- the branch naming a transition table the firing trigger lacks is never planned.
create function maintain_sponsor_month_paid() returns trigger language plpgsql as $$
begin
  if tg_op in ('DELETE', 'UPDATE') then
    insert into sponsor_month_paid as t (sponsor_id, period, amount, contributions)
    select sponsor_id, period, -sum(amount), -count(*) from old_rows group by sponsor_id, period
    on conflict (sponsor_id, period) do update
      set amount = t.amount + excluded.amount, contributions = t.contributions + excluded.contributions;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into sponsor_month_paid as t (sponsor_id, period, amount, contributions)
    select sponsor_id, period, sum(amount), count(*) from new_rows group by sponsor_id, period
    on conflict (sponsor_id, period) do update
      set amount = t.amount + excluded.amount, contributions = t.contributions + excluded.contributions;
  end if;
  return null;
end $$;

create trigger contribution_paid_insert after insert on contribution
  referencing new table as new_rows for each statement execute function maintain_sponsor_month_paid();
create trigger contribution_paid_delete after delete on contribution
  referencing old table as old_rows for each statement execute function maintain_sponsor_month_paid();
create trigger contribution_paid_update after update on contribution
  referencing old table as old_rows new table as new_rows for each statement execute function maintain_sponsor_month_paid();

-- Rebuilds the totals from scratch, after a bulk load that ran with triggers disabled.
create function refresh_sponsor_month_paid() returns void language sql as $$
  delete from sponsor_month_paid;
  insert into sponsor_month_paid (sponsor_id, period, amount, contributions)
  select sponsor_id, period, sum(amount), count(*) from contribution group by sponsor_id, period;
$$;

select refresh_sponsor_month_paid();
`);
  }

  override async down(): Promise<void> {
    this.addSql(`
drop trigger if exists contribution_paid_insert on contribution;
drop trigger if exists contribution_paid_delete on contribution;
drop trigger if exists contribution_paid_update on contribution;
drop function if exists refresh_sponsor_month_paid();
drop function if exists maintain_sponsor_month_paid();
drop table if exists sponsor_month_paid;
`);
  }
}
