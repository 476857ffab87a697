-- workers_protected (COUNT): distinct workers with a membership covering any day of the year, whatever its
-- sponsor. Distinct counts: groups need not add up to the total (a worker may have two sponsors).
-- groups: TOTAL, SPONSOR_KIND, SECTOR, KECAMATAN, OCCUPATION. sources: yoy_coverage, yoy_workers_protected.
select year, upper(breakdown) as group_by,
    case breakdown when 'total' then 'TOTAL' when 'sector' then sector when 'kecamatan' then kecamatan_code else occupation end
        as group_key,
    case breakdown when 'sector' then sector when 'kecamatan' then kecamatan_name when 'occupation' then occupation end
        as group_label,
    covered_workers as value
from yoy_coverage
where breakdown in ('total', 'sector', 'kecamatan', 'occupation')
union all
-- sector and the non-ASN flag split a sponsor kind's workers without overlap, so their sum is distinct
select year, 'SPONSOR_KIND', sponsor_kind, sponsor_kind, sum(workers_protected)
from yoy_workers_protected group by year, sponsor_kind
