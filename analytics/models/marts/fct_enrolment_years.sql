-- fct_enrolment_years: one row per enrolment and calendar year in which it covered its worker (from the
-- year of start_date to the year of end_date, open memberships up to the latest snapshot's year), with
-- the sponsor and the worker's attributes (kecamatan and regency of domicile included); the base of "workers protected" and coverage.
-- sources: stg_enrolment, stg_sponsor, stg_worker, dim_region (latest snapshot of each).
-- materialized: table
create or replace view fct_enrolment_years as
with enrolments as (
    select * from latest_snapshot('stg_enrolment')
),
sponsors as (
    select * from latest_snapshot('stg_sponsor')
),
workers as (
    select * from latest_snapshot('stg_worker')
),
regions as (
    select * from dim_region
),
enrolment_years as (
    select
        e.*,
        cast(y.year as integer) as year
    from enrolments as e
    cross join lateral (select unnest(covered_years(e.start_date, e.end_date, e.snapshot_date)) as year) as y
),
final as (
    select
        ey.year,
        ey.enrolment_id,
        ey.worker_key,
        ey.sponsor_id,
        sp.sponsor_kind,
        ey.segment,
        ey.start_date,
        ey.end_date,
        ey.enrolment_status,
        w.sector,
        w.occupation,
        w.non_asn,
        w.region_code,
        r.kecamatan_code,
        r.kecamatan_name,
        r.regency_code,
        r.regency_name
    from enrolment_years as ey
    left join sponsors as sp on sp.sponsor_id = ey.sponsor_id
    left join workers as w on w.worker_key = ey.worker_key
    left join regions as r on r.region_code = w.region_code
)
select * from final;
