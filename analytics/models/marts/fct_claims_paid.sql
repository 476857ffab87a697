-- fct_claims_paid: one row per PAID benefit claim, with its programme, sponsor and the worker's attributes (kecamatan and regency of domicile included).
-- Money is whole rupiah (BIGINT).
-- sources: stg_claim, stg_enrolment, stg_sponsor, stg_worker (latest snapshot of each), dim_region;
-- claims carry their own paid_date, so the latest snapshot holds every payment.
-- materialized: table
create or replace view fct_claims_paid as
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
paid_claims as (
    select * from claims where claim_status = 'PAID'
),
final as (
    select
        c.claim_id,
        c.enrolment_id,
        e.worker_key,
        e.sponsor_id,
        s.sponsor_kind,
        e.segment,
        c.programme,
        c.incident_date,
        c.submitted_date,
        c.paid_date,
        cast(year(c.paid_date) as integer) as paid_year,
        c.claimed_amount,
        c.approved_amount,
        c.paid_amount,
        w.sector,
        w.occupation,
        w.non_asn,
        w.region_code,
        r.kecamatan_code,
        r.kecamatan_name,
        r.regency_code,
        r.regency_name
    from paid_claims as c
    left join enrolments as e on e.enrolment_id = c.enrolment_id
    left join sponsors as s on s.sponsor_id = e.sponsor_id
    left join workers as w on w.worker_key = e.worker_key
    left join dim_region as r on r.region_code = w.region_code
)
select * from final;
