-- active_enrolments (COUNT, a stock): ACTIVE memberships on each snapshot date; a period shows its last.
-- source: fct_enrolment_daily.
select snapshot_date as day, sum(active_enrolments) as value
from fct_enrolment_daily group by snapshot_date
