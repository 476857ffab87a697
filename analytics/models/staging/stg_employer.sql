-- stg_employer: one row per company per snapshot_date.
-- source: employer (every published snapshot).
create or replace view stg_employer as
with source as (
    select * from employer
),
renamed as (
    select
        snapshot_date,
        id as employer_id,
        code as employer_code,
        name as employer_name,
        region_code,
        industry,
        created_date
    from source
)
select * from renamed;
