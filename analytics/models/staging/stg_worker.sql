-- stg_worker: one row per worker (pseudonymous worker_key) per snapshot_date; no name, NIK, phone or birth date.
-- source: worker (every published snapshot).
create or replace view stg_worker as
with source as (
    select * from worker
),
renamed as (
    select
        snapshot_date,
        worker_key,
        sex,
        birth_year,
        age_band,
        region_code,
        occupation,
        sector,
        non_asn,
        created_date
    from source
)
select * from renamed;
