-- fct_contributions_worker_months: one row per month covered, sponsor kind, segment, programme and group
-- of workers (sector, occupation, non-ASN flag, sex, age band, kecamatan, regency): contributions paid and
-- their count, without the sponsor itself, whose number grows with the data (every employer is one) where
-- these groups stay bounded by their dimensions. The semantic layer reads it for any breakdown but SPONSOR
-- (analytics/semantic).
-- sources: fct_contributions_groups.
-- materialized: table
create or replace view fct_contributions_worker_months as
with contributions as (
    select * from fct_contributions_groups
),
final as (
    select
        period,
        period_year,
        sponsor_kind,
        budgeted_sponsor,
        segment,
        programme,
        sector,
        occupation,
        non_asn,
        sex,
        age_band,
        kecamatan_code,
        kecamatan_name,
        regency_code,
        regency_name,
        sum(amount) as amount,
        sum(contributions) as contributions
    from contributions
    group by all
)
select * from final;
