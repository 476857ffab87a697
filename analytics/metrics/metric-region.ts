import { ForbiddenError } from '../../schema/errors.js';
import type { RegionScope } from '../../schema/region-scope.js';
import { martBody } from '../semantic/pinned-models.js';

/**
 * A metric for some regions rather than the whole warehouse. The metrics read marts built over every
 * region (the `yoy_*` marts are materialised for the whole warehouse), so a regional answer reads the
 * same SQL with each fact it reaches replaced, in a CTE of the same name, by that fact's rows in the
 * regions, and each `yoy_*` mart it reaches recomputed from its own file over those rows. One definition
 * of every mart serves the whole and any region, and the statement stays one runnable text.
 *
 * Workers' facts (memberships, contributions, claims, active members, the labour force) belong to the
 * region the worker lives in; budgets and their realisation to the region of the government or company
 * that pays (fct_budget), so a kecamatan holds no budget.
 */

export type RegionColumns = 'worker' | 'sponsor';

/** Marts the metrics read whose rows carry a region: filtered. */
const FILTERED: Readonly<Record<string, RegionColumns>> = {
  fct_budget: 'sponsor',
  fct_claims_paid: 'worker',
  fct_contributions_monthly: 'worker',
  fct_enrolment_daily: 'worker',
  fct_enrolment_years: 'worker',
  fct_workforce: 'worker',
  yoy_budget_by_sponsor: 'sponsor',
  yoy_budget_realisation: 'sponsor',
};

/** Marts computed over the filtered ones (and dimensions): recomputed from their own files. */
const RECOMPUTED = ['yoy_coverage', 'yoy_cost_per_worker', 'yoy_payouts_by_programme', 'yoy_workers_protected'] as const;

const MART_REFERENCE = /\b(?:from|join)\s+((?:fct|yoy)_[a-z_]+)\b/g;

const quote = (code: string) => `'${code}'`;

/** A region code's rows among workers' facts: by the regency column for a province or regency, by kecamatan below. */
function workerCondition(code: string, row: string): string {
  if (/^\d{2}$/.test(code)) return `starts_with(${row}regency_code, ${quote(`${code}.`)})`;
  if (/^\d{2}\.\d{2}$/.test(code)) return `${row}regency_code = ${quote(code)}`;
  if (/^\d{2}\.\d{2}\.\d{2}$/.test(code)) return `${row}kecamatan_code = ${quote(code)}`;
  // The marts count workers by kecamatan at the finest: a village's figures would single people out.
  throw new ForbiddenError(`figures are published for provinces, regencies and kecamatan; ${code} is a village`);
}

const sponsorCondition = (code: string, row: string) =>
  `(${row}sponsor_region_code = ${quote(code)} or starts_with(${row}sponsor_region_code, ${quote(`${code}.`)}))`;

/**
 * The condition keeping a fact's rows in the regions (checked Kemendagri codes): workers' facts by the
 * regency or kecamatan they live in, budgets by the paying sponsor's region. `row` prefixes the columns (`f.`).
 */
export function regionCondition(codes: readonly string[], columns: RegionColumns, row = ''): string {
  const conditions = [...codes].sort().map((c) => (columns === 'worker' ? workerCondition(c, row) : sponsorCondition(c, row)));
  // a scope of no region (a context without a user) covers no row
  if (conditions.length === 0) return 'false';
  return conditions.length === 1 ? conditions[0]! : `(${conditions.join(' or ')})`;
}

function referencedMarts(sql: string, into: Set<string>): Set<string> {
  for (const [, mart] of sql.matchAll(MART_REFERENCE)) {
    if (into.has(mart!)) continue;
    into.add(mart!);
    if ((RECOMPUTED as readonly string[]).includes(mart!)) referencedMarts(martBody(mart!), into);
  }
  return into;
}

/**
 * The CTEs (each followed by a comma) that make `sql` answer for the scope's regions; '' for the whole
 * country, so a national answer's statement is exactly what it always was. A mart the metric reads that
 * is neither filtered nor recomputed here is an error: it would answer for every region.
 */
export function regionCtes(sql: string, scope: RegionScope | null | undefined): string {
  if (!scope || scope.national) return '';
  const marts = referencedMarts(sql, new Set());
  const ctes: string[] = [];
  for (const [mart, columns] of Object.entries(FILTERED)) {
    if (!marts.has(mart)) continue;
    ctes.push(`${mart} as (\n    select * from main.${mart} where ${regionCondition(scope.codes, columns)}\n)`);
  }
  for (const mart of RECOMPUTED) if (marts.has(mart)) ctes.push(`${mart} as (\n${martBody(mart)}\n)`);
  const unknown = [...marts].filter((m) => !(m in FILTERED) && !(RECOMPUTED as readonly string[]).includes(m));
  if (unknown.length)
    throw new Error(`a regional metric reads ${unknown.join(', ')}, which metric-region.ts neither filters nor recomputes`);
  return ctes.map((c) => `${c},\n`).join('');
}
