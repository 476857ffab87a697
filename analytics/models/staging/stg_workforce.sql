-- stg_workforce: one row per year, kecamatan and sector per snapshot_date: workers in the labour force (coverage denominators).
-- source: workforce (every published snapshot).
create or replace view stg_workforce as
with source as (
    select * from workforce
),
renamed as (
    select
        snapshot_date,
        year,
        region_code as kecamatan_code,
        sector,
        cast(workers as bigint) as labour_force
    from source
)
select * from renamed;
