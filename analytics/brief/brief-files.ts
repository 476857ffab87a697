import { ValidationError } from '../../schema/errors.js';
import type { Lang } from './number-format.js';

/**
 * What a brief covers and what its files are called. A brief is the whole regency's by default, or
 * one sponsor's (`--sponsor PEMKAB-KUKAR`): its budget and realisation beside the regency's figures.
 *
 * Seam for the region-scopes issue: a `region` (Kemendagri code, e.g. 64.02.06) joins `BriefScope`,
 * `scopeSuffix` names it in the file, `validateScope` checks it, and the named queries
 * (named-query.ts) pass it on as a filter once the metrics take one. Nothing else needs to move.
 */
export interface BriefScope {
  /** A sponsor's code (`PEMKAB-KUKAR`, `CSR-EMP-00001`). */
  sponsor?: string;
}

export const BRIEF_FORMATS = ['html', 'md', 'pdf'] as const;
export type BriefFormat = (typeof BRIEF_FORMATS)[number];
/** The SQL appendix is a page of its own in HTML and in Markdown (the PDF links to the HTML one). */
export type AppendixFormat = 'html' | 'md';

const SPONSOR_CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;

export function validateScope(scope: BriefScope): void {
  if (scope.sponsor !== undefined && !SPONSOR_CODE.test(scope.sponsor)) {
    throw new ValidationError('sponsor', 'must be a sponsor code: capital letters, digits and hyphens, up to 40 (e.g. PEMKAB-KUKAR)');
  }
}

const scopeSuffix = (scope: BriefScope = {}) => (scope.sponsor ? `.sponsor-${scope.sponsor}` : '');

/** `brief-2023-vs-2022.id.html`; a sponsor's `brief-2023-vs-2022.sponsor-PEMKAB-KUKAR.id.html`. */
export const briefFileName = (year: number, compare: number, lang: Lang, format: BriefFormat, scope?: BriefScope) =>
  `brief-${year}-vs-${compare}${scopeSuffix(scope)}.${lang}.${format}`;

/** `brief-2023-vs-2022.id.sql.html`: the methods appendix, linked from the brief. */
export const appendixFileName = (year: number, compare: number, lang: Lang, format: AppendixFormat, scope?: BriefScope) =>
  `brief-${year}-vs-${compare}${scopeSuffix(scope)}.${lang}.sql.${format}`;

/** The brief files of a folder listing (not the appendices): year, comparison, scope, language, format. */
export const BRIEF_FILE = /^brief-(\d{4})-vs-(\d{4})(?:\.sponsor-([A-Z0-9-]+))?\.(id|en)\.(html|md|pdf)$/;
