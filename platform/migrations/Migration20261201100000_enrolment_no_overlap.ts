import { Migration } from '@mikro-orm/migrations';

/**
 * One sponsor pays for a worker once a month: a worker's ACTIVE and PENDING enrolments with the
 * same sponsor may not cover the same day. Without this, 24 open enrolments of one worker each
 * charged the sponsor Rp 16.800 for the same month. An exclusion constraint on the coverage
 * range (GiST; btree_gist ships with PostgreSQL and gives `=` on the ids) enforces it for
 * every path: the API, the CSV import, a bulk COPY, a psql session.
 *
 * Rows that already overlap are reported, never dropped or ended silently: which of two
 * overlapping memberships is the real one is a decision for the people who keep the records.
 */
export class Migration20261201100000_enrolment_no_overlap extends Migration {
  override async up(): Promise<void> {
    // The API caps its own statements (server/graphql/request-budget.ts); building the index on a large table may take longer.
    this.addSql('set local statement_timeout = 0;');
    // In a schema of its own: its ~190 functions would otherwise crowd the application's in `public`.
    this.addSql('create schema if not exists extensions;');
    this.addSql('create extension if not exists btree_gist with schema extensions;');
    this.addSql(`
do $$
declare
  pairs bigint;
  listed text;
begin
  with overlapping as (
    select a.worker_id, a.sponsor_id, a.id as first_id, b.id as second_id
    from enrolment a
    join enrolment b on b.worker_id = a.worker_id and b.sponsor_id = a.sponsor_id and b.id > a.id
    where a.status in ('ACTIVE', 'PENDING') and b.status in ('ACTIVE', 'PENDING')
      and daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')
  )
  select count(*), string_agg(format('worker %s / sponsor %s: enrolments %s and %s', worker_id, sponsor_id, first_id, second_id), '; ')
           filter (where rn <= 50)
  into pairs, listed
  from (select *, row_number() over (order by worker_id, first_id, second_id) as rn from overlapping) numbered;
  if pairs > 0 then
    raise exception 'enrolment_no_overlap: % pair(s) of ACTIVE/PENDING enrolments of one worker with one sponsor overlap; end or correct one of each pair, then migrate again. First pairs (enrolment ids): %', pairs, listed
      using errcode = 'check_violation',
            hint = 'list them all with: select a.id, b.id from enrolment a join enrolment b on b.worker_id = a.worker_id and b.sponsor_id = a.sponsor_id and b.id > a.id where a.status in (''ACTIVE'', ''PENDING'') and b.status in (''ACTIVE'', ''PENDING'') and daterange(a.start_date, a.end_date, ''[]'') && daterange(b.start_date, b.end_date, ''[]'')';
  end if;
end $$;`);
    this.addSql(`
alter table enrolment add constraint enrolment_no_overlap
  exclude using gist (worker_id with =, sponsor_id with =, daterange(start_date, end_date, '[]') with &&)
  where (status in ('ACTIVE', 'PENDING'));`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table enrolment drop constraint if exists enrolment_no_overlap;');
    this.addSql('drop extension if exists btree_gist;');
    this.addSql('drop schema if exists extensions;');
  }
}
