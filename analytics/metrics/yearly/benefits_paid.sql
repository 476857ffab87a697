-- benefits_paid (RUPIAH): benefits paid in the year (by paid date) over JKK, JKM, JHT, JP and JKP.
-- groups: TOTAL, PROGRAMME. source: yoy_payouts_by_programme.
select year, 'TOTAL' as group_by, 'TOTAL' as group_key, null as group_label, sum(paid_amount) as value
from yoy_payouts_by_programme group by year
union all
select year, 'PROGRAMME', programme, programme_name, paid_amount
from yoy_payouts_by_programme
