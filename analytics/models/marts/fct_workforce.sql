-- fct_workforce: one row per year, kecamatan and sector (with the kecamatan's regency): workers in the labour force (coverage denominators).
-- sources: stg_workforce (latest snapshot), dim_region.
create or replace view fct_workforce as
with workforce as (
    select * from latest_snapshot('stg_workforce')
),
final as (
    select
        w.year,
        w.kecamatan_code,
        r.region_name as kecamatan_name,
        r.regency_code,
        r.regency_name,
        w.sector,
        w.labour_force
    from workforce as w
    left join dim_region as r on r.region_code = w.kecamatan_code
)
select * from final;
