-- fct_coverage_years: one row per enrolment and calendar year in which it covered its worker (the years of
-- fct_enrolment_years), with the day its coverage ends (end_date, or the snapshot date while open), the
-- sponsor, and the worker's sector, occupation, non-ASN flag, sex, age band, kecamatan and regency: the
-- semantic layer's source for workers protected (analytics/semantic), counted by count(distinct worker_key).
-- sources: stg_enrolment, stg_sponsor, stg_worker (latest snapshot of each), dim_place.
-- materialized: table
create or replace view fct_coverage_years as
with enrolments as (
    select * from latest_snapshot('stg_enrolment')
),
sponsors as (
    select * from latest_snapshot('stg_sponsor')
),
workers as (
    select * from latest_snapshot('stg_worker')
),
places as (
    select * from dim_place
),
enrolment_years as (
    select
        e.*,
        coalesce(e.end_date, e.snapshot_date) as covered_until,
        cast(y.year as integer) as year
    from enrolments as e
    cross join lateral (select unnest(covered_years(e.start_date, e.end_date, e.snapshot_date)) as year) as y
),
final as (
    select
        ey.year,
        ey.enrolment_id,
        ey.worker_key,
        ey.start_date,
        ey.covered_until,
        ey.sponsor_id,
        sp.sponsor_code,
        sp.sponsor_name,
        sp.sponsor_kind,
        ey.segment,
        w.sector,
        w.occupation,
        w.non_asn,
        w.sex,
        w.age_band,
        p.kecamatan_code,
        p.kecamatan_name,
        p.regency_code,
        p.regency_name
    from enrolment_years as ey
    left join sponsors as sp on sp.sponsor_id = ey.sponsor_id
    left join workers as w on w.worker_key = ey.worker_key
    left join places as p on p.region_code = w.region_code
)
select * from final;
