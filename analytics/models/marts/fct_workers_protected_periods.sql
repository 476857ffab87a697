-- fct_workers_protected_periods: one row per calendar quarter or year (period_grain QUARTER or YEAR) and
-- group of workers (kecamatan, regency, sector, occupation, non-ASN flag, sex, age band): the distinct
-- workers a membership covered on any day of the period, by the overlap rule of fct_coverage_years. A
-- worker has one set of attributes per snapshot, so each worker is in exactly one group of a period and
-- the groups add up: a distinct count by any of these dimensions is a sum here. The semantic layer's fast
-- form of workers protected (analytics/semantic) for whole quarters and years at the latest snapshot.
-- sources: fct_coverage_years.
-- materialized: table
create or replace view fct_workers_protected_periods as
with coverage as (
    select * from fct_coverage_years
),
quarters as (
    select
        c.*,
        'QUARTER' as period_grain,
        make_date(c.year, q.first_month, 1) as period_start,
        cast(make_date(c.year, q.first_month, 1) + interval 3 month - interval 1 day as date) as period_end
    from coverage as c
    cross join (values (1), (4), (7), (10)) as q(first_month)
),
periods as (
    select * from quarters
    where start_date <= period_end and covered_until >= period_start
    union all by name
    select c.*, 'YEAR' as period_grain, make_date(c.year, 1, 1) as period_start, make_date(c.year, 12, 31) as period_end
    from coverage as c
),
final as (
    select
        period_grain,
        period_start,
        period_end,
        kecamatan_code,
        kecamatan_name,
        regency_code,
        regency_name,
        sector,
        occupation,
        non_asn,
        sex,
        age_band,
        count(distinct worker_key) as workers
    from periods
    group by all
)
select * from final;
