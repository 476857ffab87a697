import { registerEnumType } from 'type-graphql';

/** Occupation codes used on worker lists (the CSV `occupation` column). */
export enum Occupation {
  PETANI = 'PETANI',
  NELAYAN = 'NELAYAN',
  PEDAGANG = 'PEDAGANG',
  MARBOT = 'MARBOT',
  TENAGA_KESEHATAN = 'TENAGA_KESEHATAN',
  TENAGA_PENDIDIK = 'TENAGA_PENDIDIK',
  BURUH = 'BURUH',
  KARYAWAN = 'KARYAWAN',
  PEGAWAI_NON_ASN = 'PEGAWAI_NON_ASN',
  LAINNYA = 'LAINNYA',
}

registerEnumType(Occupation, {
  name: 'Occupation',
  description: 'Occupation codes used on worker lists.',
  valuesConfig: {
    PETANI: { description: 'Farmer.' },
    NELAYAN: { description: 'Fisher.' },
    PEDAGANG: { description: 'Trader.' },
    MARBOT: { description: 'Mosque caretaker.' },
    TENAGA_KESEHATAN: { description: 'Health worker.' },
    TENAGA_PENDIDIK: { description: 'Educator.' },
    BURUH: { description: 'Labourer.' },
    KARYAWAN: { description: 'Company employee.' },
    PEGAWAI_NON_ASN: { description: 'Non-civil-servant public worker (honorary staff).' },
    LAINNYA: { description: 'Other.' },
  },
});
