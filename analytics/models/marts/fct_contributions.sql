-- fct_contributions: one row per contribution paid (enrolment × month × programme), with the sponsor
-- and the worker's attributes (the kecamatan and regency they live in from dim_region). Money is whole rupiah (BIGINT).
-- sources: stg_contribution, stg_enrolment, stg_sponsor, stg_worker (latest snapshot of each), dim_region;
-- contributions carry their own period and paid_date, so the latest snapshot holds them all.
create or replace view fct_contributions as
with contributions as (
    select * from latest_snapshot('stg_contribution')
),
enrolments as (
    select * from latest_snapshot('stg_enrolment')
),
sponsors as (
    select * from latest_snapshot('stg_sponsor')
),
workers as (
    select * from latest_snapshot('stg_worker')
),
final as (
    select
        c.contribution_id,
        c.enrolment_id,
        e.worker_key,
        c.sponsor_id,
        s.sponsor_kind,
        e.segment,
        c.programme,
        c.period,
        cast(year(c.period) as integer) as period_year,
        c.paid_date,
        cast(year(c.paid_date) as integer) as paid_year,
        c.amount,
        w.sector,
        w.occupation,
        w.non_asn,
        w.region_code,
        r.kecamatan_code,
        r.kecamatan_name,
        r.regency_code,
        r.regency_name
    from contributions as c
    left join enrolments as e on e.enrolment_id = c.enrolment_id
    left join sponsors as s on s.sponsor_id = c.sponsor_id
    left join workers as w on w.worker_key = e.worker_key
    left join dim_region as r on r.region_code = w.region_code
)
select * from final;
