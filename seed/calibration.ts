/**
 * What the demo data is calibrated to. The first block is quoted from the source article
 * (seed/FACTS.md) and must come out of plain SQL sums over the generated rows at scale 1;
 * everything after it is synthetic, chosen to look like Kukar, and labelled as such in the
 * README. `--scale N` multiplies every count and every calibrated total by N.
 */
export const SOURCE = {
  /** Pemkab Kukar APBD allocation for the programme. */
  regencyBudget: { 2022: 15_000_000_000n, 2023: 18_000_000_000n } as Record<number, bigint>,
  /** Distinct sponsored vulnerable (informal, non-ASN excluded) workers covered during the year. */
  sponsoredWorkers: { 2022: 46_000, 2023: 51_000 } as Record<number, number>,
  /** All benefits paid in 2022 (JKK, JHT, JKM, JP, JKP), all members in Kukar. */
  benefitsPaid2022: 54_307_662_320n,
  /** Of which JKK + JKM paid to non-ASN and vulnerable workers. */
  benefitsPaid2022NonAsnAndVulnerable: 5_794_000n,
  formalCoverage: 0.77,
  informalCoverage: 0.48,
  /** The year the coverage ratios describe (reported in February 2023). */
  coverageYear: 2022,
} as const;

/** Synthetic from here on. */
export const FIRST_PERIOD = '2021-11-01';

/** Regency list sizes for the years the article does not give (pilot, then modest growth). */
export const SPONSORED_LIST: Record<number, number> = {
  2021: 10_000,
  2022: SOURCE.sponsoredWorkers[2022]!,
  2023: SOURCE.sponsoredWorkers[2023]!,
  2024: 52_000,
  2025: 53_000,
  2026: 54_000,
};
/** Share of a year's list that stays on next year's list. */
export const SPONSORED_RETENTION = 0.85;

export const REGENCY_BUDGET_SYNTHETIC: Record<number, { original: bigint; revised?: bigint }> = {
  2021: { original: 1_000_000_000n },
  2022: { original: SOURCE.regencyBudget[2022]! },
  2023: { original: SOURCE.regencyBudget[2023]! },
  2024: { original: 18_000_000_000n, revised: 19_000_000_000n },
  2025: { original: 20_000_000_000n },
  2026: { original: 20_000_000_000n },
};

/** Honorary (non-ASN) regency staff, PU with JKK + JKM paid by the regency, from 2022. */
export const NON_ASN_WORKERS = 6_000;
/** Wage-earning (PU) workers employed at any one time, and their employers. */
export const FORMAL_WORKERS = 12_000;
export const EMPLOYERS = 150;
/** Yearly chance that a formal worker leaves (then claims JHT, sometimes JKP). */
export const FORMAL_TURNOVER = 0.1;
/** Self-paid (mandiri) BPU members joining per year, and CSR-sponsored workers per company per year. */
export const SELF_PAID_JOINS_PER_YEAR = 1_500;
export const CSR_COMPANIES = 5;
export const CSR_WORKERS_PER_COMPANY = 400;
/** CSR sponsorship starts after the Bupati's call in February 2023. */
export const CSR_FIRST_YEAR = 2023;

/**
 * How the 2022 total is reached: JKM, JP and JKP keep their rule-based amounts (Rp 42 juta a
 * death, lump sums from contributions, 2.1 months' wage for job loss); the rest of
 * benefitsPaid2022 is split between JHT balances and JKK care costs, whose generated amounts
 * are then scaled (in every year alike) to land on it exactly.
 */
export const JHT_SHARE_OF_CALIBRATED = 0.86;

/**
 * Kecamatan population weights (approximate 2020 census counts, thousands), for all 20 of the
 * official list. Kota Bangun Darat (19) and Samboja Barat (20) were split from Kota Bangun (08)
 * and Samboja (13); the split of those two counts is a guess.
 */
export const KECAMATAN_WEIGHTS: Array<readonly [string, number]> = [
  ['64.02.01', 19],
  ['64.02.02', 52],
  ['64.02.03', 71],
  ['64.02.04', 40],
  ['64.02.05', 48],
  ['64.02.06', 115],
  ['64.02.07', 45],
  ['64.02.08', 22],
  ['64.02.09', 11],
  ['64.02.10', 28],
  ['64.02.11', 39],
  ['64.02.12', 9],
  ['64.02.13', 38],
  ['64.02.14', 40],
  ['64.02.15', 20],
  ['64.02.16', 71],
  ['64.02.17', 27],
  ['64.02.18', 10],
  ['64.02.19', 13],
  ['64.02.20', 26],
];

export const VULNERABLE_OCCUPATIONS: Array<readonly [string, number]> = [
  ['PETANI', 30],
  ['NELAYAN', 12],
  ['PEDAGANG', 18],
  ['MARBOT', 6],
  ['TENAGA_KESEHATAN', 3],
  ['TENAGA_PENDIDIK', 7],
  ['BURUH', 12],
  ['LAINNYA', 12],
];

export const INDUSTRIES: Array<readonly [string, number]> = [
  ['PERTAMBANGAN', 25],
  ['PERKEBUNAN', 25],
  ['MIGAS', 10],
  ['KONSTRUKSI', 10],
  ['PERDAGANGAN', 15],
  ['JASA', 15],
];

/** Yearly growth of the labour force, applied to the coverage-year denominators. */
export const WORKFORCE_GROWTH = 0.015;

/**
 * The other nine regencies and cities of East Kalimantan, each with its own APBD programme for
 * vulnerable workers and a few companies' wage earners. Synthetic throughout: no source gives
 * their lists, budgets or labour force. They are much smaller than Kukar (together about a
 * fifth of its rows) so that the first run stays inside its time budget; the province is a
 * demo of many regencies side by side, not a census. Names come from the official list.
 */
export interface RegencyProgramme {
  /** Kemendagri code (64.01); the name is the official list's. */
  code: string;
  /** For sponsor and employer codes: PEMKAB-PASER, EMP-PASER-001. */
  slug: string;
  /** First sponsored month. */
  start: string;
  /** Sponsored list in the first year, growing by `listGrowth` a year. */
  list: number;
  listGrowth: number;
  /** APBD allocated per listed worker and year (the premium is Rp 16.800 × 12 = Rp 201.600). */
  budgetPerWorker: number;
  /** Wage earners employed at any one time, and their companies. */
  formalWorkers: number;
  employers: number;
  /** Labour-force denominators follow from these: formal workers / formalCoverage, list / informalCoverage. */
  formalCoverage: number;
  informalCoverage: number;
}

export const PROVINCE_PROGRAMMES: readonly RegencyProgramme[] = [
  {
    code: '64.01',
    slug: 'PASER',
    start: '2022-07-01',
    list: 2_400,
    listGrowth: 0.08,
    budgetPerWorker: 260_000,
    formalWorkers: 200,
    employers: 5,
    formalCoverage: 0.62,
    informalCoverage: 0.22,
  },
  {
    code: '64.03',
    slug: 'BERAU',
    start: '2023-01-01',
    list: 2_000,
    listGrowth: 0.1,
    budgetPerWorker: 300_000,
    formalWorkers: 250,
    employers: 6,
    formalCoverage: 0.7,
    informalCoverage: 0.18,
  },
  {
    code: '64.07',
    slug: 'KUBAR',
    start: '2022-01-01',
    list: 1_500,
    listGrowth: 0.05,
    budgetPerWorker: 240_000,
    formalWorkers: 120,
    employers: 4,
    formalCoverage: 0.55,
    informalCoverage: 0.2,
  },
  {
    code: '64.08',
    slug: 'KUTIM',
    start: '2022-04-01',
    list: 2_500,
    listGrowth: 0.07,
    budgetPerWorker: 280_000,
    formalWorkers: 350,
    employers: 8,
    formalCoverage: 0.74,
    informalCoverage: 0.27,
  },
  {
    code: '64.09',
    slug: 'PPU',
    start: '2023-07-01',
    list: 1_100,
    listGrowth: 0.12,
    budgetPerWorker: 250_000,
    formalWorkers: 100,
    employers: 3,
    formalCoverage: 0.58,
    informalCoverage: 0.15,
  },
  {
    code: '64.11',
    slug: 'MAHULU',
    start: '2024-01-01',
    list: 400,
    listGrowth: 0.05,
    budgetPerWorker: 320_000,
    formalWorkers: 30,
    employers: 2,
    formalCoverage: 0.4,
    informalCoverage: 0.12,
  },
  {
    code: '64.71',
    slug: 'BALIKPAPAN',
    start: '2024-01-01',
    list: 2_600,
    listGrowth: 0.06,
    budgetPerWorker: 300_000,
    formalWorkers: 500,
    employers: 10,
    formalCoverage: 0.81,
    informalCoverage: 0.24,
  },
  {
    code: '64.72',
    slug: 'SAMARINDA',
    start: '2023-01-01',
    list: 2_700,
    listGrowth: 0.08,
    budgetPerWorker: 265_000,
    formalWorkers: 500,
    employers: 10,
    formalCoverage: 0.79,
    informalCoverage: 0.3,
  },
  {
    code: '64.74',
    slug: 'BONTANG',
    start: '2025-01-01',
    list: 900,
    listGrowth: 0.04,
    budgetPerWorker: 350_000,
    formalWorkers: 200,
    employers: 4,
    formalCoverage: 0.83,
    informalCoverage: 0.2,
  },
];
