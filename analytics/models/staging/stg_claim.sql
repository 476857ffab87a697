-- stg_claim: one row per benefit claim per snapshot_date; no claim number, payment key or free-text reason.
-- source: claim (every published snapshot). Amounts are whole rupiah (BIGINT).
create or replace view stg_claim as
with source as (
    select * from claim
),
renamed as (
    select
        snapshot_date,
        id as claim_id,
        enrolment_id,
        programme,
        status as claim_status,
        incident_date,
        submitted_date,
        cast(claimed_amount as bigint) as claimed_amount,
        cast(approved_amount as bigint) as approved_amount,
        cast(paid_amount as bigint) as paid_amount,
        paid_date
    from source
)
select * from renamed;
