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
-- Narrow rows first (worker and period only): the distinct sets of a wide GROUP BY had to fit in
-- memory and ran out of the catalogue's 512 MB at scale 1; a plain DISTINCT of narrow rows spills.
quarters as (
    select
        c.worker_key,
        'QUARTER' as period_grain,
        make_date(c.year, q.first_month, 1) as period_start,
        cast(make_date(c.year, q.first_month, 1) + interval 3 month - interval 1 day as date) as period_end,
        c.start_date,
        c.covered_until
    from coverage as c
    cross join (values (1), (4), (7), (10)) as q(first_month)
),
worker_periods as (
    select worker_key, period_grain, period_start, period_end
    from quarters
    where start_date <= period_end and covered_until >= period_start
    union
    select c.worker_key, 'YEAR' as period_grain, make_date(c.year, 1, 1) as period_start, make_date(c.year, 12, 31) as period_end
    from coverage as c
),
-- One row per worker: its attributes are the latest snapshot's, the same in every row of fct_coverage_years.
worker_groups as (
    select distinct
        worker_key,
        kecamatan_code,
        kecamatan_name,
        regency_code,
        regency_name,
        sector,
        occupation,
        non_asn,
        sex,
        age_band
    from coverage
),
final as (
    select
        p.period_grain,
        p.period_start,
        p.period_end,
        g.kecamatan_code,
        g.kecamatan_name,
        g.regency_code,
        g.regency_name,
        g.sector,
        g.occupation,
        g.non_asn,
        g.sex,
        g.age_band,
        count(*) as workers
    from worker_periods as p
    join worker_groups as g on g.worker_key = p.worker_key
    group by all
)
select * from final;
