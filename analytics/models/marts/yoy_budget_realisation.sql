-- yoy_budget_realisation: one row per budgeted sponsor and year: the allocation in force against the
-- contributions that sponsor actually paid for that year's months (by contribution period), and how
-- the amount paid changed from the prior year; with the sponsor's region and regency (fct_budget).
-- sources: fct_budget, fct_contributions.
-- prior_/…_change columns: against the calendar year before, by the rule in macros.sql; the API and the
-- briefs compare any two periods through the semantic layer (analytics/semantic) by the same rule.
-- materialized: table
create or replace view yoy_budget_realisation as
with budget as (
    select * from fct_budget
),
contributions as (
    select * from fct_contributions
),
budgeted_sponsors as (
    select sponsor_id, any_value(sponsor_code) as sponsor_code, any_value(sponsor_name) as sponsor_name,
        any_value(sponsor_kind) as sponsor_kind, any_value(sponsor_region_code) as sponsor_region_code,
        any_value(regency_code) as regency_code, any_value(regency_name) as regency_name
    from budget
    group by sponsor_id
),
allocated as (
    select fiscal_year as year, sponsor_id, sum(amount) as allocated
    from budget
    group by all
),
paid as (
    select period_year as year, sponsor_id, sum(amount) as paid, count(distinct worker_key) as workers_paid_for
    from contributions
    where sponsor_id in (select sponsor_id from budgeted_sponsors)
    group by all
),
yearly as (
    select
        coalesce(a.year, p.year) as year,
        coalesce(a.sponsor_id, p.sponsor_id) as sponsor_id,
        a.allocated,
        coalesce(p.paid, 0) as paid,
        coalesce(p.workers_paid_for, 0) as workers_paid_for
    from allocated as a
    full join paid as p on p.year = a.year and p.sponsor_id = a.sponsor_id
),
compared as (
    select cur.*, prior.paid as prior_paid, prior.allocated as prior_allocated
    from yearly as cur
    left join yearly as prior on prior.sponsor_id = cur.sponsor_id and prior.year = cur.year - 1
),
final as (
    select
        c.year,
        c.sponsor_id,
        s.sponsor_code,
        s.sponsor_name,
        s.sponsor_kind,
        s.sponsor_region_code,
        s.regency_code,
        s.regency_name,
        c.allocated,
        c.paid,
        c.allocated - c.paid as unspent,
        case when c.allocated > 0 then cast(100 * c.paid / c.allocated as decimal(18, 1)) end as realisation_pct,
        c.workers_paid_for,
        c.prior_allocated,
        c.prior_paid,
        c.paid - c.prior_paid as paid_change,
        yoy_pct_change(c.paid, c.prior_paid) as paid_change_pct
    from compared as c
    left join budgeted_sponsors as s on s.sponsor_id = c.sponsor_id
)
select * from final;
