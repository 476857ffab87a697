-- dim_place: one row per official region, with the kecamatan and the regency it lies in (NULL above
-- each level): where a worker lives, for the semantic layer's REGENCY and KECAMATAN (analytics/semantic).
-- sources: stg_region (latest snapshot).
create or replace view dim_place as
with regions as (
    select * from latest_snapshot('stg_region')
),
placed as (
    select
        r.region_code,
        r.region_level,
        case r.region_level
            when 'DISTRICT' then r.region_code
            when 'VILLAGE' then r.parent_region_code
        end as kecamatan_code,
        case r.region_level
            when 'REGENCY' then r.region_code
            when 'DISTRICT' then r.parent_region_code
            when 'VILLAGE' then k.parent_region_code
        end as regency_code
    from regions as r
    -- the parent of every region, used only for villages (the case above): an ON condition on the left side alone
    -- (region_level = 'VILLAGE') makes DuckDB join by nested loop, 90 s over the official 91,599 regions
    left join regions as k on k.region_code = r.parent_region_code
),
final as (
    select
        p.region_code,
        p.region_level,
        p.kecamatan_code,
        k.region_name as kecamatan_name,
        p.regency_code,
        g.region_name as regency_name
    from placed as p
    left join regions as k on k.region_code = p.kecamatan_code
    left join regions as g on g.region_code = p.regency_code
)
select * from final;
