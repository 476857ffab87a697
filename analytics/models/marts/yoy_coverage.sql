-- yoy_coverage: one row per year, breakdown and member: distinct workers covered during the year against
-- the labour force, for breakdown 'total', 'sector', 'kecamatan', 'kecamatan_sector' and 'occupation'
-- (the workforce has no occupation, so labour_force and coverage_pct are NULL there).
-- sources: fct_enrolment_years, fct_workforce.
-- prior_/…_change columns: against the calendar year before, by the rule in macros.sql; the API and the
-- briefs compare any two periods through the semantic layer (analytics/semantic) by the same rule.
-- materialized: table
create or replace view yoy_coverage as
with enrolment_years as (
    select * from fct_enrolment_years
),
workforce as (
    select * from fct_workforce
),
covered as (
    select
        year,
        case
            when grouping(occupation) = 0 then 'occupation'
            when grouping(kecamatan_code) = 0 and grouping(sector) = 0 then 'kecamatan_sector'
            when grouping(kecamatan_code) = 0 then 'kecamatan'
            when grouping(sector) = 0 then 'sector'
            else 'total'
        end as breakdown,
        sector,
        kecamatan_code,
        occupation,
        count(distinct worker_key) as covered_workers
    from enrolment_years
    group by grouping sets ((year), (year, sector), (year, kecamatan_code), (year, kecamatan_code, sector), (year, occupation))
),
labour_force as (
    select
        year,
        case
            when grouping(kecamatan_code) = 0 and grouping(sector) = 0 then 'kecamatan_sector'
            when grouping(kecamatan_code) = 0 then 'kecamatan'
            when grouping(sector) = 0 then 'sector'
            else 'total'
        end as breakdown,
        sector,
        kecamatan_code,
        sum(labour_force) as labour_force
    from workforce
    group by grouping sets ((year), (year, sector), (year, kecamatan_code), (year, kecamatan_code, sector))
),
kecamatan_names as (
    select distinct region_code as kecamatan_code, region_name as kecamatan_name from dim_region where region_level = 'DISTRICT'
),
yearly as (
    select
        coalesce(c.year, l.year) as year,
        coalesce(c.breakdown, l.breakdown) as breakdown,
        coalesce(c.sector, l.sector) as sector,
        coalesce(c.kecamatan_code, l.kecamatan_code) as kecamatan_code,
        c.occupation,
        coalesce(c.covered_workers, 0) as covered_workers,
        l.labour_force,
        case when l.labour_force > 0 then cast(100 * coalesce(c.covered_workers, 0) / l.labour_force as decimal(18, 1)) end
            as coverage_pct
    from covered as c
    full join labour_force as l
        on l.year = c.year and l.breakdown = c.breakdown
        and l.sector is not distinct from c.sector
        and l.kecamatan_code is not distinct from c.kecamatan_code
),
compared as (
    select
        cur.*,
        prior.covered_workers as prior_covered_workers,
        prior.coverage_pct as prior_coverage_pct
    from yearly as cur
    left join yearly as prior
        on prior.year = cur.year - 1 and prior.breakdown = cur.breakdown
        and prior.sector is not distinct from cur.sector
        and prior.kecamatan_code is not distinct from cur.kecamatan_code
        and prior.occupation is not distinct from cur.occupation
),
final as (
    select
        c.year,
        c.breakdown,
        c.sector,
        c.kecamatan_code,
        k.kecamatan_name,
        c.occupation,
        c.covered_workers,
        c.labour_force,
        c.coverage_pct,
        c.prior_covered_workers,
        c.covered_workers - c.prior_covered_workers as covered_workers_change,
        yoy_pct_change(c.covered_workers, c.prior_covered_workers) as covered_workers_change_pct,
        c.prior_coverage_pct,
        c.coverage_pct - c.prior_coverage_pct as coverage_change_points
    from compared as c
    left join kecamatan_names as k on k.kecamatan_code = c.kecamatan_code
)
select * from final;
