-- dim_date: one row per calendar day from 2020-01-01 to 2030-12-31.
-- sources: none (generated).
create or replace view dim_date as
with days as (
    select cast(d as date) as date_day
    from generate_series(timestamp '2020-01-01', timestamp '2030-12-31', interval 1 day) as g(d)
),
attributes as (
    select
        date_day,
        cast(year(date_day) as integer) as year,
        cast(quarter(date_day) as integer) as quarter,
        cast(month(date_day) as integer) as month,
        cast(date_trunc('month', date_day) as date) as month_start,
        cast(last_day(date_day) as date) as month_end,
        date_day = last_day(date_day) as is_month_end,
        cast(isodow(date_day) as integer) as iso_day_of_week,
        strftime(date_day, '%Y-%m') as year_month
    from days
)
select * from attributes;
