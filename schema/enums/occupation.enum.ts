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
