-- coverage (PERCENT): distinct workers covered during the year as a share of the labour force (one decimal).
-- groups: TOTAL, SECTOR, KECAMATAN (the workforce has no occupation, so there is no coverage by occupation).
-- source: yoy_coverage.
select year, upper(breakdown) as group_by,
    case breakdown when 'total' then 'TOTAL' when 'sector' then sector else kecamatan_code end as group_key,
    case breakdown when 'sector' then sector when 'kecamatan' then kecamatan_name end as group_label,
    coverage_pct as value
from yoy_coverage
where breakdown in ('total', 'sector', 'kecamatan')
