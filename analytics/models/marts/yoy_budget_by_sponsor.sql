-- yoy_budget_by_sponsor: one row per sponsor and fiscal year: the budget in force against the prior year's,
-- with the sponsor's region and regency (fct_budget).
-- sources: fct_budget. Change is NULL when the prior year is missing; the percentage also when it is zero.
-- prior_/…_change columns: against the calendar year before, by the rule in macros.sql; the API and the
-- briefs compare any two periods through the semantic layer (analytics/semantic) by the same rule.
-- materialized: table
create or replace view yoy_budget_by_sponsor as
with budget as (
    select * from fct_budget
),
yearly as (
    select
        fiscal_year as year,
        sponsor_id,
        any_value(sponsor_code) as sponsor_code,
        any_value(sponsor_name) as sponsor_name,
        any_value(sponsor_kind) as sponsor_kind,
        any_value(budget_kind) as budget_kind,
        any_value(sponsor_region_code) as sponsor_region_code,
        any_value(regency_code) as regency_code,
        any_value(regency_name) as regency_name,
        sum(amount) as amount
    from budget
    group by fiscal_year, sponsor_id
),
compared as (
    select cur.*, prior.amount as prior_amount
    from yearly as cur
    left join yearly as prior on prior.sponsor_id = cur.sponsor_id and prior.year = cur.year - 1
),
final as (
    select
        year,
        sponsor_id,
        sponsor_code,
        sponsor_name,
        sponsor_kind,
        sponsor_region_code,
        regency_code,
        regency_name,
        budget_kind,
        amount,
        prior_amount,
        amount - prior_amount as amount_change,
        yoy_pct_change(amount, prior_amount) as amount_change_pct
    from compared
)
select * from final;
