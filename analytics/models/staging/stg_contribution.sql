-- stg_contribution: one row per contribution (enrolment × month × programme) per snapshot_date.
-- source: contribution (every published snapshot). amount is whole rupiah (BIGINT).
create or replace view stg_contribution as
with source as (
    select * from contribution
),
renamed as (
    select
        snapshot_date,
        id as contribution_id,
        enrolment_id,
        sponsor_id,
        period,
        programme,
        cast(amount as bigint) as amount,
        paid_date
    from source
)
select * from renamed;
