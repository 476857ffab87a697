import { Migration } from '@mikro-orm/migrations';

/**
 * Every operational row belongs to a region. A sponsor's is the government or company that
 * pays: a regency's APBD sponsor is that regency (64.02), a company's CSR or payroll sponsor
 * is the company's address. Sponsors that exist are placed by what they already say: their
 * employer's address (the regency of it, for an APBD sponsor), else the regency most of their
 * members live in, else Kutai Kartanegara, the one regency lindung served before this.
 *
 * A worker lives in a kecamatan or a village and an employer is registered at one; labour-force
 * rows are per kecamatan (a regency row beside its kecamatan would count them twice). The code's
 * shape gives its level (8 characters: kecamatan, 13: village), so a check on the length holds
 * this without a lookup; the foreign keys already make the codes real ones.
 */
export class Migration20261202000001_sponsor_region extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table sponsor add column region_code text references region (code);

update sponsor s set region_code = coalesce(
  (select case when s.kind = 'REGENCY_BUDGET' then left(e.region_code, 5) else e.region_code end
   from employer e where e.id = s.employer_id),
  (select left(w.region_code, 5)
   from enrolment n join worker w on w.id = n.worker_id
   where n.sponsor_id = s.id
   group by 1 order by count(*) desc, 1 limit 1),
  '64.02');

alter table sponsor alter column region_code set not null;
create index sponsor_region_code_idx on sponsor (region_code);

alter table worker add constraint worker_region_code_level check (length(region_code) in (8, 13));
alter table employer add constraint employer_region_code_level check (length(region_code) in (8, 13));
alter table workforce add constraint workforce_region_code_level check (length(region_code) = 8);`);
  }

  override async down(): Promise<void> {
    this.addSql(`
alter table workforce drop constraint if exists workforce_region_code_level;
alter table employer drop constraint if exists employer_region_code_level;
alter table worker drop constraint if exists worker_region_code_level;
alter table sponsor drop column if exists region_code;`);
  }
}
