-- fct_claims_paid_groups: one row per paid date, sponsor, segment, programme and group of workers (sector,
-- occupation, non-ASN flag, sex, age band, kecamatan, regency): benefits paid and the number of claims
-- paid. The semantic layer's source for claims (analytics/semantic). Money is whole rupiah.
-- sources: stg_claim, stg_enrolment, stg_sponsor, stg_worker (latest snapshot of each), dim_place;
-- claims carry their own paid_date, so the latest snapshot holds every payment.
-- materialized: table
create or replace view fct_claims_paid_groups as
with claims as (
    select * from latest_snapshot('stg_claim')
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
places as (
    select * from dim_place
),
final as (
    select
        c.paid_date,
        e.sponsor_id,
        s.sponsor_code,
        s.sponsor_name,
        s.sponsor_kind,
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
        sum(c.paid_amount) as paid_amount,
        count(*) as claims
    from claims as c
    left join enrolments as e on e.enrolment_id = c.enrolment_id
    left join sponsors as s on s.sponsor_id = e.sponsor_id
    left join workers as w on w.worker_key = e.worker_key
    left join places as p on p.region_code = w.region_code
    where c.claim_status = 'PAID'
    group by all
)
select * from final;
