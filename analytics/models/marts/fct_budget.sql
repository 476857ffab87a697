-- fct_budget: one row per sponsor and fiscal year: the allocation in force (REVISED replaces ORIGINAL),
-- with the original allocation beside it. Money is whole rupiah (BIGINT).
-- sources: stg_budget_in_force, stg_budget_allocation, stg_sponsor (latest snapshot of each).
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
original_allocations as (
    select sponsor_id, fiscal_year, amount as original_amount
    from allocations
    where budget_kind = 'ORIGINAL'
),
final as (
    select
        b.sponsor_id,
        s.sponsor_code,
        s.sponsor_name,
        s.sponsor_kind,
        b.fiscal_year,
        b.budget_kind,
        b.amount,
        o.original_amount
    from budget_in_force as b
    left join sponsors as s on s.sponsor_id = b.sponsor_id
    left join original_allocations as o on o.sponsor_id = b.sponsor_id and o.fiscal_year = b.fiscal_year
)
select * from final;
