-- contributions_paid (RUPIAH): contributions paid for the months of the year (by the month they cover).
-- groups: TOTAL, SPONSOR_KIND, PROGRAMME, SECTOR. source: fct_contributions_monthly.
select period_year as year, 'TOTAL' as group_by, 'TOTAL' as group_key, null as group_label, sum(amount) as value
from fct_contributions_monthly group by period_year
union all
select period_year, 'SPONSOR_KIND', sponsor_kind, sponsor_kind, sum(amount)
from fct_contributions_monthly group by period_year, sponsor_kind
union all
select period_year, 'PROGRAMME', programme, programme, sum(amount)
from fct_contributions_monthly group by period_year, programme
union all
select period_year, 'SECTOR', sector, sector, sum(amount)
from fct_contributions_monthly group by period_year, sector
