-- stg_region: one row per official region (province, regency, kecamatan, village) per snapshot_date.
-- source: region (every published snapshot).
create or replace view stg_region as
with source as (
    select * from region
),
renamed as (
    select
        snapshot_date,
        code as region_code,
        name as region_name,
        level as region_level,
        parent_code as parent_region_code
    from source
)
select * from renamed;
