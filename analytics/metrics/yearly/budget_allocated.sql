-- budget_allocated (RUPIAH): the budget in force per fiscal year (a REVISED allocation replaces the ORIGINAL).
-- groups: TOTAL, SPONSOR_KIND, SPONSOR. source: yoy_budget_by_sponsor.
select year, 'TOTAL' as group_by, 'TOTAL' as group_key, null as group_label, sum(amount) as value
from yoy_budget_by_sponsor group by year
union all
select year, 'SPONSOR_KIND', sponsor_kind, sponsor_kind, sum(amount)
from yoy_budget_by_sponsor group by year, sponsor_kind
union all
select year, 'SPONSOR', sponsor_code, sponsor_name, amount
from yoy_budget_by_sponsor
