import { Sector } from '../schema/enums/sector.enum.js';
import * as C from './calibration.js';
import { dayOf } from './dates.js';
import type { WorkerPlan } from './plan.types.js';
import { type RegencySeed, scaled } from './population.context.js';
import { Random } from './random.js';

const WORKFORCE_STREAM = 33;

/** Distinct workers covered during each year, per kecamatan and sector. */
export class CoverageCounter {
  private readonly counts = new Map<string, number>();

  add(worker: WorkerPlan, firstYear: number, lastYear: number): void {
    for (let year = firstYear; year <= lastYear; year++) {
      const covered = worker.enrolments.some((e) => e.start <= dayOf(year, 12, 31) && (e.end === null || e.end >= dayOf(year, 1, 1)));
      if (covered) this.bump(`${year}|${worker.kecamatan}|${worker.sector}`);
    }
  }

  get(year: number, kecamatan: string, sector: Sector): number {
    return this.counts.get(`${year}|${kecamatan}|${sector}`) ?? 0;
  }

  private bump(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

export interface WorkforceRow {
  year: number;
  kecamatan: string;
  sector: Sector;
  workers: number;
}

/**
 * Labour-force denominators. In the coverage year (2022) each kecamatan's figure is its
 * covered count divided by the article's ratio (77% formal, 48% informal), give or take 10%,
 * and the largest kecamatan absorbs the difference so the regency total gives the ratio; other
 * years grow or shrink from there by WORKFORCE_GROWTH a year.
 */
export function workforceRows(coverage: CoverageCounter, seed: number, lastYear: number): WorkforceRow[] {
  const rng = new Random(seed, WORKFORCE_STREAM);
  const base = new Map<string, number>();
  for (const [sector, ratio] of [
    [Sector.FORMAL, C.SOURCE.formalCoverage],
    [Sector.INFORMAL, C.SOURCE.informalCoverage],
  ] as const) {
    let covered = 0;
    let assigned = 0;
    for (const [kecamatan] of C.KECAMATAN_WEIGHTS) {
      const n = coverage.get(C.SOURCE.coverageYear, kecamatan, sector);
      covered += n;
      const workers = Math.round((n / ratio) * (0.9 + 0.2 * rng.float()));
      base.set(`${kecamatan}|${sector}`, workers);
      assigned += workers;
    }
    const largest = [...C.KECAMATAN_WEIGHTS].sort((a, b) => b[1] - a[1])[0]![0];
    const key = `${largest}|${sector}`;
    base.set(key, base.get(key)! + Math.round(covered / ratio) - assigned);
  }
  const rows: WorkforceRow[] = [];
  for (let year = 2021; year <= lastYear; year++) {
    for (const [kecamatan] of C.KECAMATAN_WEIGHTS) {
      for (const sector of [Sector.FORMAL, Sector.INFORMAL]) {
        const workers = Math.round(base.get(`${kecamatan}|${sector}`)! * (1 + C.WORKFORCE_GROWTH) ** (year - C.SOURCE.coverageYear));
        rows.push({ year, kecamatan, sector, workers });
      }
    }
  }
  return rows;
}

/**
 * The other regencies' labour force (synthetic): a sector's total is what its calibration says
 * the programme covers divided by its coverage ratio (wage earners / formalCoverage, the first
 * year's list / informalCoverage), spread over the kecamatan by weight give or take 10%, in
 * 2022, growing by WORKFORCE_GROWTH a year. Coverage computed from rows lands near the ratios,
 * not on them: only Kukar's are figures to reproduce.
 */
export function provinceWorkforceRows(regencies: readonly RegencySeed[], seed: number, scale: number, lastYear: number): WorkforceRow[] {
  const rows: WorkforceRow[] = [];
  for (const [index, regency] of regencies.entries()) {
    const rng = new Random(seed, WORKFORCE_STREAM, index + 1);
    const p = regency.programme;
    const totals = {
      [Sector.FORMAL]: scaled(p.formalWorkers, scale) / p.formalCoverage,
      [Sector.INFORMAL]: scaled(p.list, scale) / p.informalCoverage,
    };
    const weightSum = regency.kecamatan.reduce((s, [, w]) => s + w, 0);
    const base = regency.kecamatan.map(([kecamatan, weight]) => ({
      kecamatan,
      [Sector.FORMAL]: (totals[Sector.FORMAL] * weight * (0.9 + 0.2 * rng.float())) / weightSum,
      [Sector.INFORMAL]: (totals[Sector.INFORMAL] * weight * (0.9 + 0.2 * rng.float())) / weightSum,
    }));
    for (let year = 2021; year <= lastYear; year++) {
      for (const b of base) {
        for (const sector of [Sector.FORMAL, Sector.INFORMAL]) {
          rows.push({
            year,
            kecamatan: b.kecamatan,
            sector,
            workers: Math.round(b[sector] * (1 + C.WORKFORCE_GROWTH) ** (year - C.SOURCE.coverageYear)),
          });
        }
      }
    }
  }
  return rows;
}
