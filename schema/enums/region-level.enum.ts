/** Kemendagri administrative levels: 64 → 64.02 → 64.02.06 → 64.02.06.2001. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  DISTRICT = 'DISTRICT',
  VILLAGE = 'VILLAGE',
}
