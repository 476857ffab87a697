-- fct_contributions_groups: one row per month covered, sponsor, segment, programme and group of workers
-- (sector, occupation, non-ASN flag, sex, age band, kecamatan, regency): contributions paid and their
-- count. The semantic layer's source for contributions (analytics/semantic): every dimension a
-- contribution has, in a form small enough to sum at query time (no worker, so no distinct counts).
-- budgeted_sponsor: the sponsor has a budget in force in some fiscal year (the realisation's numerator).
-- sources: stg_contribution, stg_enrolment, stg_sponsor, stg_worker, stg_budget_in_force (latest snapshot
-- of each), dim_place.
-- materialized: table
create or replace view fct_contributions_groups as
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
budgeted as (
    select distinct sponsor_id from latest_snapshot('stg_budget_in_force')
),
places as (
    select * from dim_place
),
final as (
    select
        c.period,
        cast(year(c.period) as integer) as period_year,
        c.sponsor_id,
        s.sponsor_code,
        s.sponsor_name,
        s.sponsor_kind,
        b.sponsor_id is not null as budgeted_sponsor,
        e.segment,
        c.programme,
        w.sector,
        w.occupation,
        w.non_asn,
        w.sex,
        w.age_band,
        p.kecamatan_code,
        p.kecamatan_name,
        p.regency_code,
        p.regency_name,
        sum(c.amount) as amount,
        count(*) as contributions
    from contributions as c
    left join enrolments as e on e.enrolment_id = c.enrolment_id
    left join sponsors as s on s.sponsor_id = c.sponsor_id
    left join budgeted as b on b.sponsor_id = c.sponsor_id
    left join workers as w on w.worker_key = e.worker_key
    left join places as p on p.region_code = w.region_code
    group by all
)
select * from final;
