import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

/**
 * Kemendagri region codes: the official list of Kepmendagri No 300.2.2-2138 Tahun 2025, all
 * 91,599 codes (README.md beside this file gives its source and licence). Loaded into the
 * `region` table by Migration20261202000000_official_regions; code here reads the same file,
 * so there is one list. The level and parent follow from a code's shape (`64` → `64.02` →
 * `64.02.06` → `64.02.06.2001`), never from its name: names are spelled differently between
 * editions.
 */
export type RegionLevelName = 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';

export interface RegionSeed {
  code: string;
  name: string;
  parentCode: string | null;
  level: RegionLevelName;
}

export const OFFICIAL_REGIONS_FILE = new URL('./wilayah-kemendagri-2025.csv.gz', import.meta.url);

export const KUKAR_CODE = '64.02';
export const EAST_KALIMANTAN_CODE = '64';

const LEVEL_BY_LENGTH: Record<number, RegionLevelName> = { 2: 'PROVINCE', 5: 'REGENCY', 8: 'DISTRICT', 13: 'VILLAGE' };
const SHAPE = /^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$/;

/** The level a well-formed code names, or null for anything else. */
export function levelOfCode(code: string): RegionLevelName | null {
  return SHAPE.test(code) ? (LEVEL_BY_LENGTH[code.length] ?? null) : null;
}

/** `64.02.06` → `64.02`; a province has no parent. */
export function parentOfCode(code: string): string | null {
  const cut = code.lastIndexOf('.');
  return cut < 0 ? null : code.slice(0, cut);
}

let official: RegionSeed[] | undefined;

/** All official regions, parents before children, read once (about 0.2 s) and kept. */
export function officialRegions(): readonly RegionSeed[] {
  official ??= (
    parse(gunzipSync(readFileSync(OFFICIAL_REGIONS_FILE)), { columns: true, skip_empty_lines: true }) as Array<{
      code: string;
      name: string;
    }>
  ).map(({ code, name }) => {
    const level = levelOfCode(code);
    if (level === null) throw new Error(`official region list: ${code} is not a Kemendagri code`);
    return { code, name, level, parentCode: parentOfCode(code) };
  });
  return official;
}

let byCode: Map<string, RegionSeed> | undefined;

export function officialRegion(code: string): RegionSeed | undefined {
  byCode ??= new Map(officialRegions().map((r) => [r.code, r]));
  return byCode.get(code);
}

/** The regions directly below `code`, in code order (e.g. the 20 kecamatan of 64.02). */
export function childrenOf(code: string): RegionSeed[] {
  return officialRegions().filter((r) => r.parentCode === code);
}

/** A NIK's first two digits must be one of the 38 provinces. */
export function isProvinceCode(code: string): boolean {
  return code.length === 2 && officialRegion(code)?.level === 'PROVINCE';
}
