-- benefits_paid (RUPIAH, a flow): benefits paid per paid date; a period shows the sum.
-- source: fct_claims_paid.
select paid_date as day, sum(paid_amount) as value
from fct_claims_paid group by paid_date
