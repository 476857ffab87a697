-- yoy_payouts_by_programme: one row per year and programme (all five programmes in every year with a
-- payment): benefits paid and claims paid, against the prior year's.
-- sources: fct_claims_paid, dim_programme.
-- prior_/…_change columns: against the calendar year before, by the rule in macros.sql; the API and the
-- briefs compare any two periods through the semantic layer (analytics/semantic) by the same rule.
-- materialized: table
create or replace view yoy_payouts_by_programme as
with claims_paid as (
    select * from fct_claims_paid
),
programmes as (
    select * from dim_programme
),
years as (
    select distinct paid_year as year from claims_paid where paid_year is not null
),
paid as (
    select paid_year as year, programme, sum(paid_amount) as paid_amount, count(*) as claims_paid
    from claims_paid
    group by all
),
yearly as (
    select
        y.year,
        pr.programme,
        pr.programme_name,
        coalesce(p.paid_amount, 0) as paid_amount,
        coalesce(p.claims_paid, 0) as claims_paid
    from years as y
    cross join programmes as pr
    left join paid as p on p.year = y.year and p.programme = pr.programme
),
compared as (
    select cur.*, prior.paid_amount as prior_paid_amount, prior.claims_paid as prior_claims_paid
    from yearly as cur
    left join yearly as prior on prior.programme = cur.programme and prior.year = cur.year - 1
),
final as (
    select
        year,
        programme,
        programme_name,
        paid_amount,
        prior_paid_amount,
        paid_amount - prior_paid_amount as paid_amount_change,
        yoy_pct_change(paid_amount, prior_paid_amount) as paid_amount_change_pct,
        claims_paid,
        prior_claims_paid,
        claims_paid - prior_claims_paid as claims_paid_change,
        yoy_pct_change(claims_paid, prior_claims_paid) as claims_paid_change_pct
    from compared
)
select * from final;
