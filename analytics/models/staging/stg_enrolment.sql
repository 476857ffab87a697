-- stg_enrolment: one row per membership (worker × sponsor × segment over a period) per snapshot_date.
-- source: enrolment (every published snapshot). declared_income is whole rupiah (BIGINT).
create or replace view stg_enrolment as
with source as (
    select * from enrolment
),
renamed as (
    select
        snapshot_date,
        id as enrolment_id,
        worker_key,
        sponsor_id,
        employer_id,
        segment,
        programmes,
        start_date,
        end_date,
        cast(declared_income as bigint) as declared_income,
        status as enrolment_status,
        created_date
    from source
)
select * from renamed;
