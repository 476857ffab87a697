-- fct_budget: one row per sponsor and fiscal year: the allocation in force (REVISED replaces ORIGINAL),
-- with the original allocation beside it and the region of the government or company that pays
-- (a regency's APBD is that regency's). Money is whole rupiah (BIGINT).
-- sources: stg_budget_in_force, stg_budget_allocation, stg_sponsor, stg_employer (latest snapshot of each),
-- dim_region. A sponsor without a region of its own is placed in its employer's regency (a company's
-- CSR programme, or a regency's own office as employer), never below a regency: a kecamatan does not
-- hold a budget.
create or replace view fct_budget as
with budget_in_force as (
    select * from latest_snapshot('stg_budget_in_force')
),
allocations as (
    select * from latest_snapshot('stg_budget_allocation')
),
sponsors as (
    select * from latest_snapshot('stg_sponsor')
),
employers as (
    select * from latest_snapshot('stg_employer')
),
original_allocations as (
    select sponsor_id, fiscal_year, amount as original_amount
    from allocations
    where budget_kind = 'ORIGINAL'
),
sponsor_regions as (
    select
        s.sponsor_id,
        coalesce(s.sponsor_region_code, er.regency_code) as sponsor_region_code
    from sponsors as s
    left join employers as e on e.employer_id = s.employer_id
    left join dim_region as er on er.region_code = e.region_code
),
final as (
    select
        b.sponsor_id,
        s.sponsor_code,
        s.sponsor_name,
        s.sponsor_kind,
        sr.sponsor_region_code,
        r.regency_code,
        r.regency_name,
        b.fiscal_year,
        b.budget_kind,
        b.amount,
        o.original_amount
    from budget_in_force as b
    left join sponsors as s on s.sponsor_id = b.sponsor_id
    left join sponsor_regions as sr on sr.sponsor_id = b.sponsor_id
    left join dim_region as r on r.region_code = sr.sponsor_region_code
    left join original_allocations as o on o.sponsor_id = b.sponsor_id and o.fiscal_year = b.fiscal_year
)
select * from final;
