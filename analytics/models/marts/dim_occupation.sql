-- dim_occupation: one row per occupation code (the Occupation enum), with Indonesian and English labels;
-- any code found in the data but not listed here is kept with its code as label.
-- sources: stg_worker (latest snapshot) for codes not in the list.
create or replace view dim_occupation as
with listed as (
    select * from (values
        ('PETANI', 'Petani', 'Farmer', true),
        ('NELAYAN', 'Nelayan', 'Fisher', true),
        ('PEDAGANG', 'Pedagang', 'Trader', true),
        ('MARBOT', 'Marbot', 'Mosque caretaker', true),
        ('TENAGA_KESEHATAN', 'Tenaga kesehatan', 'Health worker', true),
        ('TENAGA_PENDIDIK', 'Tenaga pendidik', 'Educator', true),
        ('BURUH', 'Buruh', 'Labourer', false),
        ('KARYAWAN', 'Karyawan', 'Employee', false),
        ('PEGAWAI_NON_ASN', 'Pegawai non-ASN', 'Non-civil-servant public worker', false),
        ('LAINNYA', 'Lainnya', 'Other', false)
    ) as t(occupation, occupation_name_id, occupation_name_en, named_vulnerable)
),
observed as (
    select distinct occupation from latest_snapshot('stg_worker')
    where occupation is not null
),
final as (
    select * from listed
    union all
    select o.occupation, o.occupation, o.occupation, false
    from observed as o
    where o.occupation not in (select occupation from listed)
)
select * from final;
