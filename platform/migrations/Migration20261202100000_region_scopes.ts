import { Migration } from '@mikro-orm/migrations';
import { DB_ROLES } from '../db/roles.js';

/** Tables that hold operational rows: each gets row-level security, ENABLEd and FORCEd. */
const SCOPED_TABLES = [
  'worker',
  'employer',
  'sponsor',
  'budget_allocation',
  'enrolment',
  'contribution',
  'claim',
  'audit_entry',
  'sponsor_month_paid',
] as const;

const { api, importer, seed, etl } = DB_ROLES;

/**
 * Region scopes enforced by PostgreSQL (server/README.md, "Region scopes"). Four roles that own
 * nothing and cannot bypass row-level security: the API (`lindung_api`, scoped by the request's
 * `lindung.region_scopes` setting), the CSV import and the demo generator (write everywhere) and
 * the ETL (reads everywhere). Every operational table gets RLS, FORCEd so that even its owner goes
 * through a policy (the migration role gets its own explicit one).
 *
 * A row's place is a *path*: `region_path('64.02.06')` = `{*,64,64.02,64.02.06}`. A scope
 * `{64.02}` overlaps (`&&`) every path below 64.02; the national scope `{*}` overlaps every path.
 * One GIN index per table serves any level and any number of codes. Where the path is not a
 * column of the row, BEFORE INSERT triggers fill it (so COPY and the import need not know it):
 * - worker.scope_path: the domicile, every earlier domicile and the regions of its memberships
 *   (a worker who moves keeps being seen by the region that holds their history);
 * - enrolment.region_path: the worker's domicile when the membership started, its sponsor's and
 *   its employer's region (fixed: the history stays where it happened);
 * - claim.region_path and audit_entry.region_path: their enrolment's (an entry's record's);
 * - sponsor and employer scope_path: their own region and every region they cover members in.
 * Contributions (bulk-loaded by the seed with triggers off) follow their enrolment through its
 * primary key.
 */
export class Migration20261202100000_region_scopes extends Migration {
  override async up(): Promise<void> {
    // Building the GIN indexes on a large database takes longer than the API's statement cap.
    this.addSql('set local statement_timeout = 0;');
    this.addSql(createRoles());
    this.addSql(FUNCTIONS);
    this.addSql(COLUMNS);
    this.addSql(TRIGGERS);
    this.addSql(BACKFILL);
    this.addSql(INDEXES);
    this.addSql(GRANTS);
    this.addSql(POLICIES);
    for (const table of SCOPED_TABLES) {
      this.addSql(`alter table ${table} enable row level security;`);
      this.addSql(`alter table ${table} force row level security;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of SCOPED_TABLES) {
      this.addSql(`alter table ${table} no force row level security;`);
      this.addSql(`alter table ${table} disable row level security;`);
      this.addSql(`
do $$
declare p record;
begin
  for p in select policyname from pg_policies where schemaname = 'public' and tablename = '${table}' loop
    execute format('drop policy %I on ${table}', p.policyname);
  end loop;
end $$;`);
    }
    this.addSql(`
alter view budget_in_force reset (security_invoker);
alter function maintain_sponsor_month_paid() security invoker;
drop trigger if exists worker_scope_path on worker;
drop trigger if exists enrolment_scope_path on enrolment;
drop trigger if exists claim_scope_path on claim;
drop trigger if exists audit_entry_scope_path on audit_entry;
drop trigger if exists sponsor_scope_path on sponsor;
drop trigger if exists employer_scope_path on employer;
drop function if exists worker_scope_path();
drop function if exists enrolment_scope_path();
drop function if exists claim_scope_path();
drop function if exists audit_entry_scope_path();
drop function if exists audit_region_path(text, text);
drop function if exists sponsor_commitment_groups(bigint, date, date);
drop function if exists party_scope_path();
alter table worker drop column if exists scope_path;
alter table employer drop column if exists scope_path;
alter table sponsor drop column if exists scope_path;
alter table enrolment drop column if exists region_path;
alter table claim drop column if exists region_path;
alter table audit_entry drop column if exists region_path;
drop function if exists request_scope_ancestors();
drop function if exists request_scope();
drop function if exists path_union(text[], text[]);
drop function if exists region_path(text);
`);
    // The roles stay: they are cluster-wide, and other databases (test clones) may use them.
    this.addSql(`revoke all on all tables in schema public from ${api}, ${importer}, ${seed}, ${etl};`);
    this.addSql(`revoke all on all sequences in schema public from ${api}, ${importer}, ${seed}, ${etl};`);
  }
}

/**
 * Roles are cluster-wide while migrations run per database, possibly at the same moment (tests
 * clone one template per run, and several runs share a server): create each when missing, and
 * treat "someone just created it" as done. Attributes are set at creation only, so two runs never
 * update one pg_authid row concurrently.
 */
function createRoles(): string {
  const roles: Array<[string, string]> = [
    [api, 'login'],
    [importer, 'nologin'],
    [seed, 'nologin'],
    [etl, 'nologin'],
  ];
  return `
do $$
declare
  r record;
begin
  for r in select * from (values ${roles.map(([name, login]) => `('${name}', '${login}')`).join(', ')}) as v (name, login) loop
    if not exists (select 1 from pg_roles where rolname = r.name) then
      begin
        execute format('create role %I %s nosuperuser nobypassrls nocreatedb nocreaterole noinherit noreplication', r.name, r.login);
      exception when duplicate_object or unique_violation then
        null;
      end;
    end if;
    if exists (select 1 from pg_roles where rolname = r.name and (rolsuper or rolbypassrls)) then
      raise exception 'role % exists with SUPERUSER or BYPASSRLS: row-level security would not hold for it', r.name;
    end if;
    -- The import and the ETL connect as the migration role and SET ROLE to their own; a superuser may anyway.
    if r.login = 'nologin' and not (select rolsuper from pg_roles where rolname = current_user)
       and not pg_has_role(current_user, r.name, 'member') then
      begin
        execute format('grant %I to %I', r.name, current_user);
      exception when unique_violation or duplicate_object then
        null;
      end;
    end if;
  end loop;
end $$;`;
}

const FUNCTIONS = `
-- {*, province, regency, kecamatan, village} down to the code's own level; '*' is in every path,
-- so the national scope {*} overlaps every row.
create function region_path(code text) returns text[] language sql immutable parallel safe as $$
  select case
    when code is null then array['*']
    when length(code) >= 13 then array['*', left(code, 2), left(code, 5), left(code, 8), code]
    when length(code) >= 8 then array['*', left(code, 2), left(code, 5), code]
    when length(code) >= 5 then array['*', left(code, 2), code]
    else array['*', code]
  end
$$;

create function path_union(a text[], b text[]) returns text[] language sql immutable parallel safe as $$
  select array(select distinct x from unnest(coalesce(a, '{}') || coalesce(b, '{}')) as x order by x)
$$;

-- The request's scope (platform/db/request-settings.ts), NULL when the transaction set none: then
-- every policy is false and nothing is visible. A plain SQL function, inlined by the planner, so
-- it estimates each query with the actual scope and an index scan evaluates it once.
create function request_scope() returns text[] language sql stable parallel safe as $$
  select string_to_array(nullif(current_setting('lindung.region_scopes', true), ''), ',')
$$;

-- The regions above the scope's codes (64 and 64.02 for 64.02.06): a kecamatan officer sees the
-- regency's own sponsor, whose budget pays for their workers.
create function request_scope_ancestors() returns text[] language sql stable parallel safe as $$
  select array(select distinct p from unnest(request_scope()) as c, unnest(region_path(c)) as p where p <> '*' and p <> c)
$$;
`;

const COLUMNS = `
-- Added by 20261202000001_sponsor_region, which runs first; here only so this migration stands alone.
alter table sponsor add column if not exists region_code text references region (code);
alter table worker add column scope_path text[];
alter table employer add column scope_path text[];
alter table sponsor add column scope_path text[];
alter table enrolment add column region_path text[];
alter table claim add column region_path text[];
alter table audit_entry add column region_path text[];
`;

const TRIGGERS = `
-- Paths only grow: a move adds the new domicile and keeps the old one, where the history is.
create function worker_scope_path() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    new.scope_path := region_path(new.region_code);
  else
    new.scope_path := path_union(path_union(old.scope_path, new.scope_path), region_path(new.region_code));
  end if;
  return new;
end $$;
create trigger worker_scope_path before insert or update on worker for each row execute function worker_scope_path();

create function party_scope_path() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    new.scope_path := path_union(region_path(new.region_code), new.scope_path);
  else
    new.scope_path := path_union(path_union(old.scope_path, new.scope_path), region_path(new.region_code));
  end if;
  return new;
end $$;
create trigger sponsor_scope_path before insert or update on sponsor for each row execute function party_scope_path();
create trigger employer_scope_path before insert or update on employer for each row execute function party_scope_path();

-- SECURITY DEFINER: the path comes from the rows as they are, whatever the writer may see; the
-- policies then decide whether the writer may write the row.
create function enrolment_scope_path() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  domicile text[];
  sponsor_region text;
  employer_region text;
begin
  select region_path(region_code) into domicile from worker where id = new.worker_id;
  select region_code into sponsor_region from sponsor where id = new.sponsor_id;
  if new.employer_id is not null then
    select region_code into employer_region from employer where id = new.employer_id;
  end if;
  new.region_path := path_union(path_union(domicile, case when sponsor_region is not null then region_path(sponsor_region) end),
                                case when employer_region is not null then region_path(employer_region) end);
  -- Whoever sees the membership sees its worker, sponsor and employer (the API's nested fields).
  update worker set scope_path = path_union(scope_path, new.region_path) where id = new.worker_id and not scope_path @> new.region_path;
  update sponsor set scope_path = path_union(scope_path, domicile) where id = new.sponsor_id and not scope_path @> domicile;
  if new.employer_id is not null then
    update employer set scope_path = path_union(scope_path, domicile) where id = new.employer_id and not scope_path @> domicile;
  end if;
  return new;
end $$;
create trigger enrolment_scope_path before insert or update of worker_id, sponsor_id, employer_id on enrolment
  for each row execute function enrolment_scope_path();

create function claim_scope_path() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
begin
  -- No such enrolment: the foreign key refuses the row next, with its own message.
  new.region_path := coalesce((select e.region_path from enrolment e where e.id = new.enrolment_id), array['*']);
  return new;
end $$;
create trigger claim_scope_path before insert or update of enrolment_id on claim for each row execute function claim_scope_path();

-- An entry is seen where its record is; a batch where its sponsor is; anything else nationally.
create function audit_region_path(entity_type text, entity_id text) returns text[] language plpgsql stable
  security definer set search_path = public, pg_temp as $$
declare
  key bigint;
  found text[];
begin
  if entity_id ~ '^[0-9]{1,18}$' then
    key := entity_id::bigint;
    found := case entity_type
      when 'Worker' then (select w.scope_path from worker w where w.id = key)
      when 'Enrolment' then (select e.region_path from enrolment e where e.id = key)
      when 'Claim' then (select c.region_path from claim c where c.id = key)
      when 'BudgetAllocation' then (select region_path(s.region_code) from budget_allocation b join sponsor s on s.id = b.sponsor_id where b.id = key)
      when 'Sponsor' then (select region_path(s.region_code) from sponsor s where s.id = key)
    end;
  elsif entity_type = 'ContributionBatch' and split_part(entity_id, ':', 1) ~ '^[0-9]{1,18}$' then
    found := (select region_path(s.region_code) from sponsor s where s.id = split_part(entity_id, ':', 1)::bigint);
  end if;
  return coalesce(found, array['*']);
end $$;

-- …and by the scope that wrote it: a kecamatan officer who records the regency sponsor's month
-- reads their own entry back (INSERT … RETURNING must pass the read policy too).
create function audit_entry_scope_path() returns trigger language plpgsql as $$
begin
  new.region_path := path_union(audit_region_path(new.entity_type, new.entity_id),
    array(select distinct p from unnest(request_scope()) as c, unnest(region_path(c)) as p));
  return new;
end $$;
create trigger audit_entry_scope_path before insert on audit_entry for each row execute function audit_entry_scope_path();

-- A sponsor's commitment is the whole sponsor's, whatever part of its members the caller sees: the
-- budget check of a kecamatan's enrolment must weigh every enrolment the sponsor pays for.
-- Aggregates only (no person), and only for a sponsor the caller's scope sees.
create function sponsor_commitment_groups(bigint, date, date)
returns table (segment text, programmes text[], income text, industry text, from_month text, to_date text, n int)
language sql stable security definer set search_path = public, pg_temp as $$
  select e.segment, e.programmes, e.declared_income::text, coalesce(emp.industry, 'LAINNYA'),
         to_char(greatest(date_trunc('month', e.start_date)::date, $2), 'YYYY-MM-DD'),
         to_char(least(coalesce(e.end_date, $3), $3), 'YYYY-MM-DD'),
         count(*)::int
  from enrolment e left join employer emp on emp.id = e.employer_id
  where e.sponsor_id = $1 and e.status in ('ACTIVE', 'PENDING') and e.start_date <= $3
    and (e.end_date is null or e.end_date >= $2)
    and exists (select 1 from sponsor s where s.id = $1
                and (s.scope_path && request_scope() or s.region_code = any (request_scope_ancestors())))
  group by 1, 2, 3, 4, 5, 6
$$;

-- The paid totals are derived rows that every writer of contributions keeps: the trigger writes
-- them as the owner, so writers need no grant on sponsor_month_paid.
alter function maintain_sponsor_month_paid() security definer;
alter function maintain_sponsor_month_paid() set search_path = public, pg_temp;

-- A view runs with its owner's rights unless told otherwise: without this the allocations of
-- every region would show through it.
alter view budget_in_force set (security_invoker = true);
`;

const BACKFILL = `
-- Rows already there (an existing deployment): updating the key columns fires the triggers above.
update worker set region_code = region_code;
update employer set region_code = region_code;
update sponsor set region_code = region_code;
update enrolment set worker_id = worker_id;
update claim set enrolment_id = enrolment_id;
alter table audit_entry disable trigger audit_entry_append_only;
update audit_entry set region_path = audit_region_path(entity_type, entity_id);
alter table audit_entry enable trigger audit_entry_append_only;
alter table worker alter column scope_path set not null;
alter table employer alter column scope_path set not null;
alter table sponsor alter column scope_path set not null;
alter table enrolment alter column region_path set not null;
alter table claim alter column region_path set not null;
alter table audit_entry alter column region_path set not null;
`;

const INDEXES = `
create index worker_scope_path_idx on worker using gin (scope_path);
create index employer_scope_path_idx on employer using gin (scope_path);
create index enrolment_region_path_idx on enrolment using gin (region_path);
create index claim_region_path_idx on claim using gin (region_path);
create index audit_entry_region_path_idx on audit_entry using gin (region_path);
`;

const OPERATIONAL = 'worker, employer, sponsor, budget_allocation, enrolment, contribution, claim, audit_entry, sponsor_month_paid';

const GRANTS = `
grant usage on schema public to ${api}, ${importer}, ${seed}, ${etl};
grant select on region, workforce, budget_in_force to ${api}, ${importer}, ${seed}, ${etl};
grant select on ${OPERATIONAL} to ${api}, ${importer}, ${seed}, ${etl};
-- UPDATE on sponsor: the budget check locks its sponsor row (select … for update); the policy keeps changes within scope.
grant insert, update on worker, enrolment, claim, budget_allocation to ${api};
grant update on sponsor to ${api};
grant insert on contribution, audit_entry to ${api};
grant insert, update on worker, employer, sponsor, budget_allocation, enrolment, contribution, claim, workforce to ${importer};
grant insert on audit_entry to ${importer};
grant delete on workforce to ${importer};
grant insert, update, delete, truncate on worker, employer, sponsor, budget_allocation, enrolment, contribution, claim, workforce, sponsor_month_paid to ${seed};
grant insert on audit_entry to ${seed};
grant usage on all sequences in schema public to ${api}, ${importer}, ${seed};
grant update on all sequences in schema public to ${seed};
`;

/** The API's policy on a table: the row's path overlaps the request's scope. */
const scoped = (table: string, path: string) =>
  `create policy ${table}_api on ${table} to ${api} using (${path} && request_scope()) with check (${path} && request_scope());`;

const POLICIES = `
${scoped('worker', 'scope_path')}
${scoped('employer', 'scope_path')}
${scoped('enrolment', 'region_path')}
${scoped('claim', 'region_path')}
create policy sponsor_api on sponsor to ${api}
  using (scope_path && request_scope() or region_code = any (request_scope_ancestors()))
  with check (region_path(region_code) && request_scope());
-- Through the sponsor's own policy: an allocation is seen with its sponsor, and set only by a
-- scope that covers the sponsor's region (a kecamatan does not set the regency's APBD).
create policy budget_allocation_api on budget_allocation to ${api}
  using (exists (select 1 from sponsor s where s.id = budget_allocation.sponsor_id))
  with check (exists (select 1 from sponsor s where s.id = budget_allocation.sponsor_id and region_path(s.region_code) && request_scope()));
create policy sponsor_month_paid_api on sponsor_month_paid to ${api}
  using (exists (select 1 from sponsor s where s.id = sponsor_month_paid.sponsor_id));
-- A month's contribution follows its enrolment (one primary-key probe, under enrolment's policy);
-- the national scope skips the probe.
create policy contribution_api on contribution to ${api}
  using (request_scope() = array['*'] or exists (select 1 from enrolment e where e.id = contribution.enrolment_id))
  with check (request_scope() = array['*'] or exists (select 1 from enrolment e where e.id = contribution.enrolment_id));
-- The log is append-only; the write it records passed its own table's policy.
create policy audit_entry_api_read on audit_entry for select to ${api} using (region_path && request_scope());
create policy audit_entry_api_write on audit_entry for insert to ${api} with check (true);

${['worker', 'employer', 'sponsor', 'budget_allocation', 'enrolment', 'contribution', 'claim', 'audit_entry', 'sponsor_month_paid']
  .map(
    (t) => `create policy ${t}_writers on ${t} to ${importer}, ${seed} using (true) with check (true);
create policy ${t}_etl on ${t} for select to ${etl} using (true);`,
  )
  .join('\n')}

-- FORCE puts the owner under the policies too; the role that migrates (the owner) keeps full
-- access by an explicit policy, named here rather than implied.
do $$
declare
  t text;
begin
  foreach t in array string_to_array('${OPERATIONAL.replaceAll(' ', '')}', ',') loop
    execute format('create policy %I on %I to %I using (true) with check (true)', t || '_owner', t, current_user);
  end loop;
end $$;
`;
