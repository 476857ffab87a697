-- fct_contributions_sponsor_months: one row per month covered, sponsor, segment, programme and sector:
-- contributions paid and their count, without the workers' demographic groups, so a breakdown by who pays
-- reads thousands of rows where fct_contributions_groups holds millions. The semantic layer reads it when
-- a query needs no other dimension (analytics/semantic).
-- sources: fct_contributions_groups.
-- materialized: table
create or replace view fct_contributions_sponsor_months as
with contributions as (
    select * from fct_contributions_groups
),
final as (
    select
        period,
        period_year,
        sponsor_id,
        sponsor_code,
        sponsor_name,
        sponsor_kind,
        budgeted_sponsor,
        segment,
        programme,
        sector,
        sum(amount) as amount,
        sum(contributions) as contributions
    from contributions
    group by all
)
select * from final;
