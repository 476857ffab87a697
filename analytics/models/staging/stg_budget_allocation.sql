-- stg_budget_allocation: one row per sponsor, fiscal year and kind (ORIGINAL or REVISED) per snapshot_date.
-- source: budget_allocation (every published snapshot). amount is whole rupiah (BIGINT).
create or replace view stg_budget_allocation as
with source as (
    select * from budget_allocation
),
renamed as (
    select
        snapshot_date,
        id as budget_allocation_id,
        sponsor_id,
        fiscal_year,
        kind as budget_kind,
        cast(amount as bigint) as amount,
        created_date
    from source
)
select * from renamed;
