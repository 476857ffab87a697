-- macros: yoy_pct_change(value, prior), the one rule for a year-over-year percentage change: the
-- comparison the API and the briefs publish (the semantic layer, analytics/semantic/compile-sql.ts)
-- and the prior-year columns of every yoy_* mart both call it, with the change itself value - prior;
-- latest_snapshot('stg_x'), the rows of a staging view in its latest snapshot (marts of facts that
-- carry their own dates read only that).
-- grain: a scalar macro, no rows. sources: none. NULL (never a division error) when the prior
-- value is missing or zero, so a brief can print "new"; DECIMAL, never DOUBLE, one decimal place.
create or replace macro yoy_pct_change(value, prior) as
    case
        when prior is null or prior = 0 or value is null then null
        else cast(100 * (value - prior) / prior as decimal(18, 1))
    end;

create or replace macro latest_snapshot(relation) as table
    select * from query_table(relation)
    where snapshot_date = (select max(snapshot_date) from query_table(relation));

-- covered_years(start_date, end_date, snapshot_date): the calendar years a membership covered its
-- worker, from the year it started to the year it ended (an open one up to the snapshot's year):
-- the one rule of fct_enrolment_years and fct_coverage_years, unnested there into one row per year.
create or replace macro covered_years(start_date, end_date, snapshot_date) as
    generate_series(
        cast(year(start_date) as integer),
        cast(least(year(coalesce(end_date, snapshot_date)), year(snapshot_date)) as integer)
    );

