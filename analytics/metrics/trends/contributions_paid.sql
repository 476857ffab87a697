-- contributions_paid (RUPIAH, a flow): contributions by the month they cover; a period shows the sum.
-- source: fct_contributions_monthly.
select period as day, sum(amount) as value
from fct_contributions_monthly group by period
