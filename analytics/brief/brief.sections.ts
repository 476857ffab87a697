import { summarySection } from './sections/01-summary.section.js';
import { budgetSection } from './sections/02-budget.section.js';
import { workersSection } from './sections/03-workers.section.js';
import { payoutsSection } from './sections/04-payouts.section.js';
import { claimsSection } from './sections/05-claims.section.js';
import { coverageSection } from './sections/06-coverage.section.js';
import { kecamatanSection } from './sections/07-kecamatan.section.js';
import { occupationSection } from './sections/08-occupation.section.js';
import { costSection } from './sections/09-cost.section.js';
import { freshnessSection } from './sections/10-freshness.section.js';
import { limitsSection } from './sections/11-limits.section.js';
import type { ReadsOf } from './sections/section.js';
import { sponsorSection } from './sections/sponsor.section.js';

/**
 * The brief's numbered sections in page order. This order is also the order the queries run in,
 * so it fixes their ids (Q1, Q2, …); a new section goes into this list, a new figure into its section.
 */

const BODY = [
  budgetSection,
  workersSection,
  payoutsSection,
  claimsSection,
  coverageSection,
  kecamatanSection,
  occupationSection,
  costSection,
] as const;

/** A sponsor's brief has its sponsor section after the summary (`when`); the others do not, so their query ids stay. */
export const BRIEF_SECTIONS = [
  summarySection<ReadsOf<(typeof BODY)[number]>>(BODY),
  sponsorSection,
  ...BODY,
  freshnessSection,
  limitsSection,
] as const;
