-- yoy_workers_protected: one row per year, sponsor kind, sector and non-ASN flag: distinct workers
-- (worker_key) with a membership covering any day of the year, against the prior year's. Distinct
-- counts do not add up across sponsor kinds (a worker may have two sponsors in a year).
-- sources: fct_enrolment_years.
-- prior_/…_change columns: against the calendar year before, by the rule in macros.sql; the API and the
-- briefs compare any two periods through the semantic layer (analytics/semantic) by the same rule.
-- materialized: table
create or replace view yoy_workers_protected as
with enrolment_years as (
    select * from fct_enrolment_years
),
yearly as (
    select year, sponsor_kind, sector, non_asn, count(distinct worker_key) as workers_protected
    from enrolment_years
    group by all
),
compared as (
    select cur.*, prior.workers_protected as prior_workers_protected
    from yearly as cur
    left join yearly as prior
        on prior.year = cur.year - 1
        and prior.sponsor_kind is not distinct from cur.sponsor_kind
        and prior.sector is not distinct from cur.sector
        and prior.non_asn is not distinct from cur.non_asn
),
final as (
    select
        year,
        sponsor_kind,
        sector,
        non_asn,
        sponsor_kind in ('REGENCY_BUDGET', 'COMPANY_CSR') and sector = 'INFORMAL' and not non_asn as vulnerable_sponsored,
        workers_protected,
        prior_workers_protected,
        workers_protected - prior_workers_protected as workers_protected_change,
        yoy_pct_change(workers_protected, prior_workers_protected) as workers_protected_change_pct
    from compared
)
select * from final;
