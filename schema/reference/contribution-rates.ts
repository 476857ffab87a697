import { Programme } from '../enums/programme.enum.js';
import { Segment } from '../enums/segment.enum.js';

/**
 * Monthly contribution rules. Rates are in basis points (1/100 of a percent) so amounts are
 * computed in integers: rupiah never pass through a fraction.
 * BPU: PP 44/2015 and its amendments (FACTS.md): JKK 1% of declared income, at least
 * Rp 10.000; JKM Rp 6.800; JHT 2%. PU: JKM 0.30%, JHT 5.7%, JP 3% up to a wage ceiling,
 * JKK by the employer's risk class (0.24%–1.74%). JKP has no contribution row: it is funded
 * by recomposing JKK/JKM and by the central government.
 */
export const BPU_JKK_BASIS_POINTS = 100;
export const BPU_JKK_MINIMUM = 10_000;
export const BPU_JKM_FLAT = 6_800;
export const BPU_JHT_BASIS_POINTS = 200;

/** What the regency pays per sponsored vulnerable worker per month: the BPU minimum. */
export const SPONSORED_MONTHLY_MINIMUM = BPU_JKK_MINIMUM + BPU_JKM_FLAT; // Rp 16.800

export const PU_JKM_BASIS_POINTS = 30;
export const PU_JHT_BASIS_POINTS = 570;
export const PU_JP_BASIS_POINTS = 300;

/** JKK risk classes for PU employers, by industry. */
export const PU_JKK_BASIS_POINTS_BY_INDUSTRY: Record<string, number> = {
  PEMERINTAHAN: 24,
  PERDAGANGAN: 24,
  JASA: 54,
  PERKEBUNAN: 89,
  KONSTRUKSI: 127,
  MIGAS: 127,
  PERTAMBANGAN: 174,
  LAINNYA: 54,
};

/** JP wage ceiling per year (BPJS Ketenagakerjaan announcements; 2026 extrapolated). */
export const JP_WAGE_CEILING: Record<number, number> = {
  2021: 8_939_700,
  2022: 9_077_600,
  2023: 9_559_600,
  2024: 10_042_300,
  2025: 10_547_400,
  2026: 11_086_300,
};

function basisPoints(amount: number, points: number): number {
  return Math.round((amount * points) / 10_000);
}

/** The monthly contribution for one programme, in whole rupiah. */
export function monthlyContribution(segment: Segment, programme: Programme, income: number, year: number, industry = 'LAINNYA'): number {
  if (segment === Segment.BPU) {
    switch (programme) {
      case Programme.JKK:
        return Math.max(basisPoints(income, BPU_JKK_BASIS_POINTS), BPU_JKK_MINIMUM);
      case Programme.JKM:
        return BPU_JKM_FLAT;
      case Programme.JHT:
        return basisPoints(income, BPU_JHT_BASIS_POINTS);
      default:
        throw new Error(`BPU members do not contribute to ${programme}`);
    }
  }
  switch (programme) {
    case Programme.JKK:
      return basisPoints(income, PU_JKK_BASIS_POINTS_BY_INDUSTRY[industry] ?? 54);
    case Programme.JKM:
      return basisPoints(income, PU_JKM_BASIS_POINTS);
    case Programme.JHT:
      return basisPoints(income, PU_JHT_BASIS_POINTS);
    case Programme.JP:
      return basisPoints(Math.min(income, JP_WAGE_CEILING[year] ?? JP_WAGE_CEILING[2026]!), PU_JP_BASIS_POINTS);
    case Programme.JKP:
      return 0;
  }
}

function basisPointsExact(amount: bigint, points: number): bigint {
  // Rounds half up, as Math.round does for the non-negative amounts above.
  return (amount * BigInt(points) + 5_000n) / 10_000n;
}

/**
 * `monthlyContribution` in bigint, for amounts that come from outside (the API, the CSV import):
 * an income past 2^53 would otherwise lose digits in a float. The seed keeps the number form for
 * speed on its ten million rows; test/foundation/validation.test.ts checks the two agree.
 */
export function monthlyContributionExact(
  segment: Segment,
  programme: Programme,
  income: bigint,
  year: number,
  industry = 'LAINNYA',
): bigint {
  if (segment === Segment.BPU) {
    switch (programme) {
      case Programme.JKK: {
        const jkk = basisPointsExact(income, BPU_JKK_BASIS_POINTS);
        return jkk > BigInt(BPU_JKK_MINIMUM) ? jkk : BigInt(BPU_JKK_MINIMUM);
      }
      case Programme.JKM:
        return BigInt(BPU_JKM_FLAT);
      case Programme.JHT:
        return basisPointsExact(income, BPU_JHT_BASIS_POINTS);
      default:
        throw new Error(`BPU members do not contribute to ${programme}`);
    }
  }
  switch (programme) {
    case Programme.JKK:
      return basisPointsExact(income, PU_JKK_BASIS_POINTS_BY_INDUSTRY[industry] ?? 54);
    case Programme.JKM:
      return basisPointsExact(income, PU_JKM_BASIS_POINTS);
    case Programme.JHT:
      return basisPointsExact(income, PU_JHT_BASIS_POINTS);
    case Programme.JP: {
      const ceiling = BigInt(JP_WAGE_CEILING[year] ?? JP_WAGE_CEILING[2026]!);
      return basisPointsExact(income < ceiling ? income : ceiling, PU_JP_BASIS_POINTS);
    }
    case Programme.JKP:
      return 0n;
  }
}
