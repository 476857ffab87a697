import { budgetAllocation, budgetInForce, employer, region, sponsor, workforce } from './dimension-tables.js';
import { auditActivity, claim, contribution, enrolment } from './fact-tables.js';
import type { TableSpec } from './table-spec.js';
import { worker } from './worker-table.js';

/**
 * What each warehouse table holds and how it is read out of PostgreSQL. Every extract is a
 * plain SELECT streamed through COPY; `live` reads the rows as they are, `history`
 * reconstructs them as of a past day from their own dates (see etl/README.md, "History").
 * Personal data stops here: no name, NIK, phone, membership number or free text leaves
 * PostgreSQL, and a worker is known only by a keyed hash of their NIK.
 */

/** In load order: the big fact table first, so DuckDB's work on it overlaps PostgreSQL's on the rest. */
export const TABLES: readonly TableSpec[] = [
  contribution,
  enrolment,
  claim,
  worker,
  employer,
  sponsor,
  budgetAllocation,
  budgetInForce,
  workforce,
  region,
  auditActivity,
];

export function tableSpec(name: string): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown warehouse table ${name}`);
  return spec;
}
