import { registerEnumType } from 'type-graphql';

/** Kemendagri administrative levels: 64 → 64.02 → 64.02.06 → 64.02.06.2001. */
export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  REGENCY = 'REGENCY',
  DISTRICT = 'DISTRICT',
  VILLAGE = 'VILLAGE',
}

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Kemendagri administrative level.',
  valuesConfig: {
    PROVINCE: { description: 'Province, e.g. 64 Kalimantan Timur.' },
    REGENCY: { description: 'Regency or city, e.g. 64.02 Kutai Kartanegara.' },
    DISTRICT: { description: 'Kecamatan, e.g. 64.02.06 Tenggarong.' },
    VILLAGE: { description: 'Desa or kelurahan.' },
  },
});
