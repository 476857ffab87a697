-- vulnerable_workers_sponsored (COUNT): distinct informal, non-ASN workers whose membership, paid by the
-- regency's budget or a company's CSR, covered any day of the year (the article's 51,000 for 2023 are the
-- REGENCY_BUDGET group). groups: TOTAL, SPONSOR_KIND. source: fct_enrolment_years.
select year,
    case when grouping(sponsor_kind) = 0 then 'SPONSOR_KIND' else 'TOTAL' end as group_by,
    coalesce(sponsor_kind, 'TOTAL') as group_key,
    sponsor_kind as group_label,
    count(distinct worker_key) as value
from fct_enrolment_years
where sponsor_kind in ('REGENCY_BUDGET', 'COMPANY_CSR') and sector = 'INFORMAL' and not non_asn
group by grouping sets ((year), (year, sponsor_kind))
