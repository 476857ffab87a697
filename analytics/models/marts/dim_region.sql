-- dim_region: one row per official region (province, regency, kecamatan, village), with the
-- kecamatan and the regency each region lies in (NULL above each level).
-- sources: stg_region (latest snapshot).
create or replace view dim_region as
with regions as (
    select * from latest_snapshot('stg_region')
),
with_parents as (
    select
        r.region_code,
        r.region_name,
        r.region_level,
        r.parent_region_code,
        case r.region_level
            when 'DISTRICT' then r.region_code
            when 'VILLAGE' then r.parent_region_code
        end as kecamatan_code,
        case r.region_level
            when 'REGENCY' then r.region_code
            when 'DISTRICT' then r.parent_region_code
            when 'VILLAGE' then p.parent_region_code
        end as regency_code
    from regions as r
    -- the parent of every region, used only for villages (the case above): an ON condition on the left side alone
    -- (region_level = 'VILLAGE') makes DuckDB join by nested loop, 90 s over the official 91,599 regions
    left join regions as p on p.region_code = r.parent_region_code
),
final as (
    select
        w.region_code,
        w.region_name,
        w.region_level,
        w.parent_region_code,
        w.kecamatan_code,
        k.region_name as kecamatan_name,
        w.regency_code,
        g.region_name as regency_name
    from with_parents as w
    left join regions as k on k.region_code = w.kecamatan_code
    left join regions as g on g.region_code = w.regency_code
)
select * from final;
