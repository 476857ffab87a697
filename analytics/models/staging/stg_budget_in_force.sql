-- stg_budget_in_force: one row per sponsor and fiscal year per snapshot_date: the allocation in force (REVISED replaces ORIGINAL).
-- source: budget_in_force (every published snapshot). amount is whole rupiah (BIGINT).
create or replace view stg_budget_in_force as
with source as (
    select * from budget_in_force
),
renamed as (
    select
        snapshot_date,
        sponsor_id,
        fiscal_year,
        kind as budget_kind,
        cast(amount as bigint) as amount
    from source
)
select * from renamed;
