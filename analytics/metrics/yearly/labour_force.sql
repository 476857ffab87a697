-- labour_force (COUNT): workers in the labour force (the coverage denominator).
-- groups: TOTAL, SECTOR, KECAMATAN. source: yoy_coverage.
select year, upper(breakdown) as group_by,
    case breakdown when 'total' then 'TOTAL' when 'sector' then sector else kecamatan_code end as group_key,
    case breakdown when 'sector' then sector when 'kecamatan' then kecamatan_name end as group_label,
    labour_force as value
from yoy_coverage
where breakdown in ('total', 'sector', 'kecamatan') and labour_force is not null
