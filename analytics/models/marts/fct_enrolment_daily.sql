-- fct_enrolment_daily: one row per snapshot_date, sponsor kind, segment, sector, non-ASN flag, regency and
-- kecamatan (where the worker lived on that date):
-- ACTIVE memberships and distinct active members on that snapshot date (history: every snapshot).
-- sources: stg_enrolment, stg_worker (each snapshot_date joined to itself), stg_sponsor (latest), dim_region.
-- materialized: table
create or replace view fct_enrolment_daily as
with enrolments as (
    select * from stg_enrolment where enrolment_status = 'ACTIVE'
),
workers as (
    select * from stg_worker
),
sponsors as (
    select * from latest_snapshot('stg_sponsor')
),
active as (
    select
        e.snapshot_date,
        s.sponsor_kind,
        e.segment,
        w.sector,
        w.non_asn,
        r.regency_code,
        r.kecamatan_code,
        e.enrolment_id,
        e.worker_key
    from enrolments as e
    left join workers as w on w.worker_key = e.worker_key and w.snapshot_date = e.snapshot_date
    left join sponsors as s on s.sponsor_id = e.sponsor_id
    left join dim_region as r on r.region_code = w.region_code
),
final as (
    select
        snapshot_date,
        sponsor_kind,
        segment,
        sector,
        non_asn,
        regency_code,
        kecamatan_code,
        count(*) as active_enrolments,
        count(distinct worker_key) as active_members
    from active
    group by all
)
select * from final;
