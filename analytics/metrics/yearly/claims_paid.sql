-- claims_paid (COUNT): benefit claims paid in the year (by paid date).
-- groups: TOTAL, PROGRAMME. source: yoy_payouts_by_programme.
select year, 'TOTAL' as group_by, 'TOTAL' as group_key, null as group_label, sum(claims_paid) as value
from yoy_payouts_by_programme group by year
union all
select year, 'PROGRAMME', programme, programme_name, claims_paid
from yoy_payouts_by_programme
