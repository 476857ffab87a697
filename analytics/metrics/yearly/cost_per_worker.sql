-- cost_per_worker (RUPIAH): contributions paid for the year's months per distinct worker protected that
-- year, whole rupiah rounded half up. groups: TOTAL, SPONSOR_KIND.
-- sources: yoy_cost_per_worker; TOTAL from fct_contributions_monthly and fct_enrolment_years, as that mart does.
with paid as (
    select period_year as year, sum(amount) as contributions_paid from fct_contributions_monthly group by all
),
protected as (
    select year, count(distinct worker_key) as workers_protected from fct_enrolment_years group by all
)
select w.year, 'TOTAL' as group_by, 'TOTAL' as group_key, null as group_label,
    (2 * coalesce(p.contributions_paid, 0) + w.workers_protected) // (2 * w.workers_protected) as value
from protected as w
left join paid as p on p.year = w.year
where w.workers_protected > 0
union all
select year, 'SPONSOR_KIND', sponsor_kind, sponsor_kind, cost_per_worker
from yoy_cost_per_worker
