-- dim_programme: one row per BPJS Ketenagakerjaan benefit programme (JKK, JKM, JHT, JP, JKP).
-- sources: none (the five programmes of seed/FACTS.md).
create or replace view dim_programme as
with programmes as (
    select * from (values
        ('JKK', 'Jaminan Kecelakaan Kerja', 'work-accident care and compensation', true, date '2015-07-01'),
        ('JKM', 'Jaminan Kematian', 'death benefit to heirs', true, date '2015-07-01'),
        ('JHT', 'Jaminan Hari Tua', 'old-age savings paid as a lump sum', false, date '2015-07-01'),
        ('JP', 'Jaminan Pensiun', 'pension', false, date '2015-07-01'),
        ('JKP', 'Jaminan Kehilangan Pekerjaan', 'job-loss benefit', false, date '2022-02-01')
    ) as t(programme, programme_name, pays_for, open_to_informal, claims_from)
)
select * from programmes;
