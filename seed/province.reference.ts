import { Faker, base, en, id_ID } from '@faker-js/faker';
import { childrenOf, officialRegion } from '../schema/reference/regions.js';
import * as C from './calibration.js';
import { monthOf, toDay, yearOf } from './dates.js';
import { type EmployerSeed, type RegencySeed, scaled } from './population.context.js';
import { listSize } from './province.plan.js';
import { Random } from './random.js';
import type { BudgetRow, EmployerRow, SponsorRow } from './reference-data.js';

const PROVINCE_STREAM = 13;

export interface ProvinceReference {
  regencies: RegencySeed[];
  employers: EmployerRow[];
  sponsors: SponsorRow[];
  budgets: BudgetRow[];
}

/**
 * The other regencies' reference rows, numbered after Kukar's so Kukar's ids stay as they are:
 * each regency's government (employer of nobody here, but its APBD sponsor's employer, as
 * Kukar's is), its companies and their payroll sponsors, and its APBD allocations. Kecamatan
 * come from the official list; their weights are drawn (synthetic).
 */
export function provinceReference(
  seed: number,
  scale: number,
  lastYear: number,
  after: { employer: number; sponsor: number },
): ProvinceReference {
  const out: ProvinceReference = { regencies: [], employers: [], sponsors: [], budgets: [] };
  for (const [index, programme] of C.PROVINCE_PROGRAMMES.entries()) {
    const official = officialRegion(programme.code);
    if (official?.level !== 'REGENCY') throw new Error(`seed: ${programme.code} is not a regency in the official list`);
    const city = official.name.startsWith('Kota ');
    const shortName = official.name.replace(/^(Kabupaten|Kota) /, '');
    const sponsorCode = `${city ? 'PEMKOT' : 'PEMKAB'}-${programme.slug}`;
    const rng = new Random(seed, PROVINCE_STREAM, index);
    const faker = new Faker({ locale: [id_ID, en, base] });
    faker.seed([seed, PROVINCE_STREAM, index]);
    const kecamatan = childrenOf(programme.code).map((k) => [k.code, rng.int(2, 12)] as const);
    const seat = [...kecamatan].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];

    const government: EmployerRow = {
      id: after.employer + out.employers.length + 1,
      code: sponsorCode,
      name: `Pemerintah ${official.name}`,
      industry: 'PEMERINTAHAN',
      kecamatan: seat,
      csr: false,
    };
    out.employers.push(government);
    const companies: EmployerRow[] = [];
    for (let i = 1; i <= Math.max(1, scaled(programme.employers, scale)); i++) {
      companies.push({
        id: after.employer + out.employers.length + 1,
        code: `EMP-${programme.slug}-${String(i).padStart(3, '0')}`,
        name: `PT ${faker.company.name().replace(/^(PT|CV|UD|Perum|Fa)\.? /, '')}`,
        industry: rng.weighted(C.INDUSTRIES),
        kecamatan: rng.weighted(kecamatan),
        csr: false,
      });
      out.employers.push(companies.at(-1)!);
    }

    const sponsorId = () => after.sponsor + out.sponsors.length + 1;
    const apbd: SponsorRow = {
      id: sponsorId(),
      code: sponsorCode,
      name: `${city ? 'Pemkot' : 'Pemkab'} ${shortName} (APBD)`,
      kind: 'REGENCY_BUDGET',
      employerId: government.id,
      regionCode: programme.code,
    };
    out.sponsors.push(apbd);
    for (const e of companies) {
      out.sponsors.push({
        id: sponsorId(),
        code: `SP-${e.code}`,
        name: e.name,
        kind: 'EMPLOYER',
        employerId: e.id,
        regionCode: e.kecamatan,
      });
    }

    // Each year's list at the regency's rate, for the months the programme ran, rounded up to three significant digits.
    const start = toDay(programme.start);
    for (let year = yearOf(start); year <= lastYear; year++) {
      const months = year === yearOf(start) ? 13 - monthOf(start) : 12;
      const need = (scaled(listSize(programme, year), scale) * programme.budgetPerWorker * months) / 12;
      out.budgets.push({ sponsorId: apbd.id, year, kind: 'ORIGINAL', amount: BigInt(roundUp3(need)) });
    }

    out.regencies.push({
      code: programme.code,
      name: official.name,
      sponsorCode,
      programme,
      kecamatan,
      companies: companies satisfies EmployerSeed[],
    });
  }
  return out;
}

/** 786.240.000 → 787.000.000: an allocation as a budget states it, at any scale. */
function roundUp3(amount: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(amount, 1))) - 2);
  return Math.ceil(amount / step) * step;
}
