-- vulnerable_benefits_paid (RUPIAH): JKK and JKM benefits paid in the year to non-ASN workers and to
-- informal workers sponsored by the regency or a company's CSR (the article's Rp 5.794.000 for 2022).
-- groups: TOTAL, PROGRAMME. source: fct_claims_paid, dim_programme.
select paid_year as year,
    case when grouping(programme) = 0 then 'PROGRAMME' else 'TOTAL' end as group_by,
    coalesce(programme, 'TOTAL') as group_key,
    programme as group_label,
    sum(paid_amount) as value
from fct_claims_paid
where programme in ('JKK', 'JKM')
    and (non_asn or (sector = 'INFORMAL' and sponsor_kind in ('REGENCY_BUDGET', 'COMPANY_CSR')))
group by grouping sets ((paid_year), (paid_year, programme))
