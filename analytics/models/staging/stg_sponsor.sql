-- stg_sponsor: one row per funding source (regency budget, company CSR, employer, self-paid) per snapshot_date.
-- source: sponsor (every published snapshot).
create or replace view stg_sponsor as
with source as (
    select * from sponsor
),
renamed as (
    select
        snapshot_date,
        id as sponsor_id,
        code as sponsor_code,
        name as sponsor_name,
        kind as sponsor_kind,
        employer_id,
        region_code as sponsor_region_code,
        created_date
    from source
)
select * from renamed;
