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

/** Refuses, naming the codes and where they are used, when rows would point at a code outside `list`. */
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
    where code not in (select code from ${list})
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
    const rows = officialRegions().map((r) => [r.code, r.name]);
    await this.execute(
      `create temporary table official_region on commit drop as
       select r ->> 0 as code, r ->> 1 as name from json_array_elements(?::json) as r`,
      [JSON.stringify(rows)],
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
    // "Regions below 64.02" is how the API lists kecamatan, and how a delete checks for children.
    await this.execute('create index region_parent_code_idx on region (parent_code)');
  }

  override async down(): Promise<void> {
    await this.execute(
      `create temporary table region_2026_11 on commit drop as
       select r ->> 0 as code, r ->> 1 as name from json_array_elements(?::json) as r`,
      [JSON.stringify(REGIONS_2026_11.map((r) => [r.code, r.name]))],
    );
    await this.execute(`
with recursive used as (
  select code from (${namedCodes(REGION_COLUMNS)}) named
  union
  select r.parent_code from region r join used u on u.code = r.code where r.parent_code is not null
)
delete from region where code not in (select code from region_2026_11) and code not in (select code from used)`);
    await this.execute('drop index if exists region_parent_code_idx');
    await this.execute('update region set name = o.name from region_2026_11 o where o.code = region.code and region.name <> o.name');
  }
}
