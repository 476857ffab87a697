-- yoy_cost_per_worker: one row per year and sponsor kind: contributions paid for the year's months, the
-- distinct workers that sponsor kind protected during the year, and the cost per protected worker (whole
-- rupiah, rounded half up), against the prior year's.
-- sources: fct_contributions_monthly, fct_enrolment_years, fct_budget.
-- prior_/…_change columns: against the calendar year before, by the rule in macros.sql; the API and the
-- briefs compare any two periods through the semantic layer (analytics/semantic) by the same rule.
-- materialized: table
create or replace view yoy_cost_per_worker as
with contributions as (
    select * from fct_contributions_monthly
),
enrolment_years as (
    select * from fct_enrolment_years
),
budget as (
    select * from fct_budget
),
paid as (
    select period_year as year, sponsor_kind, sum(amount) as contributions_paid
    from contributions
    group by all
),
protected as (
    select year, sponsor_kind, count(distinct worker_key) as workers_protected
    from enrolment_years
    group by all
),
allocated as (
    select fiscal_year as year, sponsor_kind, sum(amount) as budget_allocated
    from budget
    group by all
),
yearly as (
    select
        coalesce(p.year, w.year) as year,
        coalesce(p.sponsor_kind, w.sponsor_kind) as sponsor_kind,
        coalesce(p.contributions_paid, 0) as contributions_paid,
        coalesce(w.workers_protected, 0) as workers_protected,
        case when w.workers_protected > 0
            then (2 * coalesce(p.contributions_paid, 0) + w.workers_protected) // (2 * w.workers_protected)
        end as cost_per_worker
    from paid as p
    full join protected as w on w.year = p.year and w.sponsor_kind is not distinct from p.sponsor_kind
),
compared as (
    select cur.*, prior.cost_per_worker as prior_cost_per_worker
    from yearly as cur
    left join yearly as prior on prior.year = cur.year - 1 and prior.sponsor_kind is not distinct from cur.sponsor_kind
),
final as (
    select
        c.year,
        c.sponsor_kind,
        c.contributions_paid,
        c.workers_protected,
        c.cost_per_worker,
        a.budget_allocated,
        case when c.workers_protected > 0
            then (2 * a.budget_allocated + c.workers_protected) // (2 * c.workers_protected)
        end as budget_per_worker,
        c.prior_cost_per_worker,
        c.cost_per_worker - c.prior_cost_per_worker as cost_per_worker_change,
        yoy_pct_change(c.cost_per_worker, c.prior_cost_per_worker) as cost_per_worker_change_pct
    from compared as c
    left join allocated as a on a.year = c.year and a.sponsor_kind is not distinct from c.sponsor_kind
)
select * from final;
