-- budget_realisation (PERCENT): contributions a budgeted sponsor paid for the year's months, as a share of
-- its allocation in force (one decimal). TOTAL is over every budgeted sponsor.
-- groups: TOTAL, SPONSOR_KIND, SPONSOR. source: yoy_budget_realisation.
with realisation as (
    select * from yoy_budget_realisation
)
select year, 'TOTAL' as group_by, 'TOTAL' as group_key, null as group_label,
    case when sum(allocated) > 0 then cast(100 * sum(paid) / sum(allocated) as decimal(18, 1)) end as value
from realisation group by year
union all
select year, 'SPONSOR_KIND', sponsor_kind, sponsor_kind,
    case when sum(allocated) > 0 then cast(100 * sum(paid) / sum(allocated) as decimal(18, 1)) end
from realisation group by year, sponsor_kind
union all
select year, 'SPONSOR', sponsor_code, sponsor_name, realisation_pct
from realisation
