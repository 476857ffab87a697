-- fct_contributions_monthly: one row per month covered, sponsor, programme, sector, non-ASN flag and the
-- workers' regency and kecamatan:
-- contributions paid and their count. The small form of fct_contributions for sums by month or year.
-- sources: fct_contributions.
-- materialized: table
create or replace view fct_contributions_monthly as
with contributions as (
    select * from fct_contributions
),
final as (
    select
        period,
        period_year,
        sponsor_id,
        sponsor_kind,
        programme,
        sector,
        non_asn,
        regency_code,
        kecamatan_code,
        sum(amount) as amount,
        count(*) as contributions
    from contributions
    group by all
)
select * from final;
