-- claims_paid (COUNT, a flow): claims paid per paid date; a period shows the sum.
-- source: fct_claims_paid.
select paid_date as day, count(*) as value
from fct_claims_paid group by paid_date
