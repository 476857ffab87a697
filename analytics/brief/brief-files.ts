import { ValidationError } from '../../schema/errors.js';
import type { Lang } from './number-format.js';

/**
 * What a brief covers and what its files are called. A brief is the whole warehouse's by default (the
 * demo's one regency, Kutai Kartanegara, until the warehouse holds more), one region's (`--region 64.02`: a
 * regency's brief, every figure that regency's; `--region 64`: the province's comparison of its regencies,
 * province.brief.ts), or one sponsor's (`--sponsor PEMKAB-KUKAR`): its budget and realisation beside the
 * other figures.
 */
export interface BriefScope {
  /** A province or regency code (`64`, `64.02`). */
  region?: string;
  /** A sponsor's code (`PEMKAB-KUKAR`, `CSR-EMP-00001`). */
  sponsor?: string;
}

export const BRIEF_FORMATS = ['html', 'md', 'pdf'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];
/** The SQL appendix is a page of its own in HTML and in Markdown (the PDF links to the HTML one). */
export type AppendixFormat = 'html' | 'md';

const SPONSOR_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

const REGION_CODE = /^\d{2}(\.\d{2})?$/;

/** A province's code (two digits): its brief sets its regencies side by side. */
export const isProvince = (region: string | undefined): region is string => region !== undefined && /^\d{2}$/.test(region);

export function validateScope(scope: BriefScope): void {
  if (scope.region !== undefined && !REGION_CODE.test(scope.region)) {
    throw new ValidationError('region', 'must be a province or regency code: 64 (a province) or 64.02 (a regency)');
  }
  if (scope.sponsor !== undefined && isProvince(scope.region)) {
    throw new ValidationError('sponsor', "a province's comparison brief has no sponsor; give a regency (--region 64.02) with --sponsor");
  }
  if (scope.sponsor !== undefined && !SPONSOR_CODE.test(scope.sponsor)) {
    throw new ValidationError('sponsor', 'must be a sponsor code: capital letters, digits and hyphens, up to 40 (e.g. PEMKAB-KUKAR)');
  }
}

const scopeSuffix = (scope: BriefScope = {}) =>
  `${scope.region ? `.region-${scope.region}` : ''}${scope.sponsor ? `.sponsor-${scope.sponsor}` : ''}`;

/**
 * `brief-2023-vs-2022.id.html`; a regency's `brief-2023-vs-2022.region-64.02.id.html`, the province's
 * `brief-2023-vs-2022.region-64.id.html`; a sponsor's `brief-2023-vs-2022.sponsor-PEMKAB-KUKAR.id.html`.
 */
export const briefFileName = (year: number, compare: number, lang: Lang, format: BriefFormat, scope?: BriefScope) =>
  `brief-${year}-vs-${compare}${scopeSuffix(scope)}.${lang}.${format}`;

/** `brief-2023-vs-2022.id.sql.html`: the methods appendix, linked from the brief. */
export const appendixFileName = (year: number, compare: number, lang: Lang, format: AppendixFormat, scope?: BriefScope) =>
  `brief-${year}-vs-${compare}${scopeSuffix(scope)}.${lang}.sql.${format}`;

/** The brief files of a folder listing (not the appendices): year, comparison, region, sponsor, language, format. */
export const BRIEF_FILE = /^brief-(\d{4})-vs-(\d{4})(?:\.region-(\d{2}(?:\.\d{2})?))?(?:\.sponsor-([A-Z0-9-]+))?\.(id|en)\.(html|md|pdf)$/;
