import { Migration } from '@mikro-orm/migrations';
import { officialRegions } from '../../schema/reference/regions.js';
import { REGIONS_2026_11 } from './regions-2026-11.js';

/** Every column of the operational tables that names a region; each must name an official code. */
const REGION_COLUMNS = [
  ['worker', 'region_code'],
  ['worker', 'nik_province'],
  ['employer', 'region_code'],
  ['workforce', 'region_code'],
] as const;

const namedCodes = (columns: ReadonlyArray<readonly [string, string]>) =>
  columns.map(([table, column]) => `select ${column} as code, '${table}.${column}' as source from ${table}`).join(' union all ');

/**
 * Refuses, naming the codes and where they are used, when rows would point at a code outside
 * `list`. NOT EXISTS, not NOT IN: an anti-join over the keyed list, one pass over the rows.
 */
const refuseCodesOutside = (list: string, why: string) => `
do $$
declare
  listed text;
  missing bigint;
begin
  select count(*), string_agg(format('%s (%s)', code, sources), '; ') filter (where rn <= 20)
  into missing, listed
  from (
    select code, string_agg(distinct source, ', ') as sources, row_number() over (order by code) as rn
    from (${namedCodes(REGION_COLUMNS)}) named
    where not exists (select 1 from ${list} l where l.code = named.code)
    group by code
  ) outside;
  if missing > 0 then
    raise exception '% region code(s) in use are %: %', missing, '${why}', listed using errcode = 'foreign_key_violation';
  end if;
end $$;`;

/**
 * The official Kemendagri list (schema/reference/README.md): all 91,599 codes instead of the 57
 * hand-listed ones, so every code a worker, employer, sponsor or workforce row names is a real
 * one, and Kutai Kartanegara has its 20 kecamatan. Codes already present stay (rows point at
 * them); their names become the official spelling. The list goes in as one JSON parameter and
 * one INSERT … SELECT (about a second), not 91,599 statements. Down restores the 57 regions
 * and their names; a code outside them that rows still use stays, with its parents, so that
 * nothing is orphaned (`npm run seed -- --reset` goes down to zero over a seeded database).
 */
export class Migration20261202000000_official_regions extends Migration {
  override async up(): Promise<void> {
    await this.loadList(
      'official_region',
      officialRegions().map((r) => [r.code, r.name]),
    );
    await this.execute(refuseCodesOutside('official_region', 'not in the official Kemendagri list'));
    await this.execute(`
insert into region (code, name, level, parent_code)
select code, name,
  case length(code) when 2 then 'PROVINCE' when 5 then 'REGENCY' when 8 then 'DISTRICT' else 'VILLAGE' end,
  case when length(code) = 2 then null else left(code, length(code) - case when length(code) = 13 then 5 else 3 end) end
from official_region
order by code
on conflict (code) do update set name = excluded.name
where region.name is distinct from excluded.name`);
    // "Regions below 64.02" is how the API lists kecamatan; these indexes are also what a
    // region's delete checks its referrers by (else one scan of each table per deleted code).
    await this.execute(`
create index region_parent_code_idx on region (parent_code);
create index employer_region_code_idx on employer (region_code);
create index workforce_region_code_idx on workforce (region_code);`);
  }

  override async down(): Promise<void> {
    await this.loadList(
      'region_2026_11',
      REGIONS_2026_11.map((r) => [r.code, r.name]),
    );
    await this.execute(`
with recursive used as (
  select code from (${namedCodes(REGION_COLUMNS)}) named
  union
  select r.parent_code from region r join used u on u.code = r.code where r.parent_code is not null
)
delete from region r
where not exists (select 1 from region_2026_11 o where o.code = r.code) and not exists (select 1 from used u where u.code = r.code)`);
    await this.execute(`
drop index if exists workforce_region_code_idx;
drop index if exists employer_region_code_idx;
drop index if exists region_parent_code_idx;`);
    await this.execute('update region set name = o.name from region_2026_11 o where o.code = region.code and region.name <> o.name');
  }

  /** A temporary, keyed, analysed copy of a list of [code, name], for anti-joins; one JSON parameter, one INSERT. */
  private async loadList(table: string, rows: string[][]): Promise<void> {
    await this.execute(`create temporary table ${table} (code text primary key, name text not null) on commit drop`);
    await this.execute(`insert into ${table} select r ->> 0, r ->> 1 from json_array_elements(?::json) as r`, [JSON.stringify(rows)]);
    await this.execute(`analyze ${table}`);
  }
}
