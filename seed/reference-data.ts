import { Faker, base, en, id_ID } from '@faker-js/faker';
import { KUKAR_CODE } from '../schema/reference/regions.js';
import * as C from './calibration.js';
import { REGENCY_CODE, SELF_PAID_CODE, scaled, type EmployerSeed } from './population.js';
import { Random } from './random.js';

export interface EmployerRow extends EmployerSeed {
  id: number;
  name: string;
}

export interface SponsorRow {
  id: number;
  code: string;
  name: string;
  kind: 'REGENCY_BUDGET' | 'COMPANY_CSR' | 'EMPLOYER' | 'SELF';
  employerId: number | null;
  /** Where the payer is: the regency for its APBD (and for Kukar's self-paid members), a company's kecamatan. */
  regionCode: string;
}

export interface BudgetRow {
  sponsorId: number;
  year: number;
  kind: 'ORIGINAL' | 'REVISED';
  amount: bigint;
}

const REFERENCE_STREAM = 11;

/** Employers (the regency itself first), then the companies, a few of which run CSR programmes. */
export function employers(seed: number, scale: number): EmployerRow[] {
  const faker = new Faker({ locale: [id_ID, en, base] });
  faker.seed(seed + 1);
  const rng = new Random(seed, REFERENCE_STREAM);
  const rows: EmployerRow[] = [
    {
      id: 1,
      code: REGENCY_CODE,
      name: 'Pemerintah Kabupaten Kutai Kartanegara',
      industry: 'PEMERINTAHAN',
      kecamatan: '64.02.06',
      csr: false,
    },
  ];
  let csrLeft = C.CSR_COMPANIES;
  for (let i = 1; i <= Math.max(5, scaled(C.EMPLOYERS, scale)); i++) {
    const industry = rng.weighted(C.INDUSTRIES);
    const csr = csrLeft > 0 && ['PERTAMBANGAN', 'PERKEBUNAN', 'MIGAS'].includes(industry);
    if (csr) csrLeft--;
    rows.push({
      id: i + 1,
      code: `EMP-${String(i).padStart(5, '0')}`,
      name: `PT ${faker.company.name().replace(/^(PT|CV|UD|Perum|Fa)\.? /, '')}`,
      industry,
      kecamatan: rng.weighted(C.KECAMATAN_WEIGHTS),
      csr,
    });
  }
  return rows;
}

export function sponsors(employerRows: EmployerRow[]): SponsorRow[] {
  const rows: SponsorRow[] = [
    { id: 1, code: REGENCY_CODE, name: 'Pemkab Kutai Kartanegara (APBD)', kind: 'REGENCY_BUDGET', employerId: 1, regionCode: KUKAR_CODE },
    { id: 2, code: SELF_PAID_CODE, name: 'Peserta mandiri (iuran sendiri)', kind: 'SELF', employerId: null, regionCode: KUKAR_CODE },
  ];
  for (const e of employerRows.slice(1)) {
    rows.push({ id: rows.length + 1, code: `SP-${e.code}`, name: e.name, kind: 'EMPLOYER', employerId: e.id, regionCode: e.kecamatan });
  }
  for (const e of employerRows.filter((x) => x.csr)) {
    rows.push({
      id: rows.length + 1,
      code: `CSR-${e.code}`,
      name: `CSR ${e.name}`,
      kind: 'COMPANY_CSR',
      employerId: e.id,
      regionCode: e.kecamatan,
    });
  }
  return rows;
}

/** The regency's allocations (2022 and 2023 from the article) and each CSR programme's. */
export function budgets(sponsorRows: SponsorRow[], scale: number, lastYear: number): BudgetRow[] {
  const rows: BudgetRow[] = [];
  const times = (amount: bigint) => BigInt(Math.round(Number(amount) * scale));
  for (const [year, b] of Object.entries(C.REGENCY_BUDGET_SYNTHETIC)) {
    if (Number(year) > lastYear) continue;
    rows.push({ sponsorId: 1, year: Number(year), kind: 'ORIGINAL', amount: times(b.original) });
    if (b.revised !== undefined) rows.push({ sponsorId: 1, year: Number(year), kind: 'REVISED', amount: times(b.revised) });
  }
  const csrYearly = BigInt(Math.ceil((C.CSR_WORKERS_PER_COMPANY * 12 * 16_800 * 1.1) / 1_000_000) * 1_000_000);
  for (const s of sponsorRows.filter((x) => x.kind === 'COMPANY_CSR')) {
    for (let year = C.CSR_FIRST_YEAR; year <= lastYear; year++) {
      rows.push({ sponsorId: s.id, year, kind: 'ORIGINAL', amount: times(csrYearly) });
    }
  }
  return rows;
}
