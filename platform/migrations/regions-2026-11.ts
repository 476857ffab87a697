import type { RegionSeed } from '../../schema/reference/regions.js';

/**
 * The regions the first migration inserted, frozen as they were on 26 November 2026 (38
 * provinces, Kutai Kartanegara and the 18 kecamatan of an outdated mirror), so that replaying
 * the history gives the same rows. Migration20261202000000_official_regions replaces them with
 * the official list (Kukar has 20 kecamatan there) and restores these on the way down.
 */
const PROVINCES: Array<[string, string]> = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
  ['93', 'Papua Selatan'],
  ['94', 'Papua Tengah'],
  ['95', 'Papua Pegunungan'],
  ['96', 'Papua Barat Daya'],
];

const KUKAR_CODE = '64.02';

const KUKAR_KECAMATAN: Array<[string, string]> = [
  ['64.02.01', 'Muara Muntai'],
  ['64.02.02', 'Loa Kulu'],
  ['64.02.03', 'Loa Janan'],
  ['64.02.04', 'Anggana'],
  ['64.02.05', 'Muara Badak'],
  ['64.02.06', 'Tenggarong'],
  ['64.02.07', 'Sebulu'],
  ['64.02.08', 'Kota Bangun'],
  ['64.02.09', 'Kenohan'],
  ['64.02.10', 'Kembang Janggut'],
  ['64.02.11', 'Muara Kaman'],
  ['64.02.12', 'Tabang'],
  ['64.02.13', 'Samboja'],
  ['64.02.14', 'Muara Jawa'],
  ['64.02.15', 'Sanga-Sanga'],
  ['64.02.16', 'Tenggarong Seberang'],
  ['64.02.17', 'Marang Kayu'],
  ['64.02.18', 'Muara Wis'],
];

export const REGIONS_2026_11: RegionSeed[] = [
  ...PROVINCES.map(([code, name]) => ({ code, name, parentCode: null, level: 'PROVINCE' as const })),
  { code: KUKAR_CODE, name: 'Kutai Kartanegara', parentCode: '64', level: 'REGENCY' },
  ...KUKAR_KECAMATAN.map(([code, name]) => ({ code, name, parentCode: KUKAR_CODE, level: 'DISTRICT' as const })),
];
