-- dim_region: one row per official region (province, regency, kecamatan, village), with the
-- kecamatan each region lies in (NULL above kecamatan level).
-- sources: stg_region (latest snapshot).
create or replace view dim_region as
with regions as (
    select * from latest_snapshot('stg_region')
),
with_kecamatan as (
    select
        r.region_code,
        r.region_name,
        r.region_level,
        r.parent_region_code,
        case r.region_level
            when 'DISTRICT' then r.region_code
            when 'VILLAGE' then r.parent_region_code
        end as kecamatan_code
    from regions as r
),
final as (
    select
        w.region_code,
        w.region_name,
        w.region_level,
        w.parent_region_code,
        w.kecamatan_code,
        k.region_name as kecamatan_name
    from with_kecamatan as w
    left join regions as k on k.region_code = w.kecamatan_code
)
select * from final;
