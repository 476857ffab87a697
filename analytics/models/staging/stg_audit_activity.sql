-- stg_audit_activity: one row per day, action and entity type per snapshot_date: how many audited changes.
-- source: audit_activity (every published snapshot).
create or replace view stg_audit_activity as
with source as (
    select * from audit_activity
),
renamed as (
    select
        snapshot_date,
        day as activity_date,
        action,
        entity_type,
        entries
    from source
)
select * from renamed;
