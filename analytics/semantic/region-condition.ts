import { ForbiddenError } from '../../schema/errors.js';

/**
 * Rows of some regions. Workers' facts (memberships, contributions, claims, active members, the labour force)
 * belong to the region the worker lives in; budgets to the region of the government or company that pays
 * (fct_budget), so a kecamatan holds no budget.
 */
export type RegionColumns = 'worker' | 'sponsor';

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
