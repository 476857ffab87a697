import type { DuckDBConnection } from '@duckdb/node-api';
import { EtlCheckError } from './errors.js';
import { sqlString } from './load.js';
import { tableSpec } from './tables.js';

/**
 * Data checks over what a run wrote, before anything is published. Each names the rule and
 * counts the rows that break it; one broken rule fails the run. They read the Parquet files
 * (not PostgreSQL), so they check what analysts would get.
 */
export interface CheckResult {
  name: string;
  violations: number;
  /** Up to five offending keys, for the error message. */
  examples: string[];
}

export interface Check {
  name: string;
  /** Rows breaking the rule, one `key` column each. */
  offenders: string;
  /**
   * The same rule as a condition on each row of one relation, when it is one (not null, accepted
   * values, a row-level `fails`): every such rule over a relation is then counted in one scan.
   */
  rowRule?: { from: string; condition: string };
}

const orphan = (child: string, column: string, parent: string, key: string, childKey = 'id'): Check => ({
  name: `${child}.${column} without a ${parent}`,
  offenders: `select c.${childKey}::varchar as key from stg_${child} c anti join stg_${parent} p on p.${key} = c.${column}
    where c.${column} is not null`,
});

const negative = (table: string, column: string, key = 'id'): Check => ({
  name: `negative ${table}.${column}`,
  offenders: `select ${key}::varchar as key from stg_${table} where ${column} < 0`,
});

export const CHECKS: readonly Check[] = [
  orphan('enrolment', 'worker_key', 'worker', 'worker_key'),
  orphan('enrolment', 'sponsor_id', 'sponsor', 'id'),
  orphan('enrolment', 'employer_id', 'employer', 'id'),
  orphan('contribution', 'enrolment_id', 'enrolment', 'id'),
  orphan('contribution', 'sponsor_id', 'sponsor', 'id'),
  orphan('claim', 'enrolment_id', 'enrolment', 'id'),
  orphan('sponsor', 'employer_id', 'employer', 'id'),
  orphan('budget_allocation', 'sponsor_id', 'sponsor', 'id'),
  orphan('budget_in_force', 'sponsor_id', 'sponsor', 'id', "sponsor_id || '/' || fiscal_year"),
  orphan('worker', 'region_code', 'region', 'code', 'worker_key'),
  orphan('employer', 'region_code', 'region', 'code'),
  orphan('workforce', 'region_code', 'region', 'code', "year || '/' || region_code || '/' || sector"),
  negative('contribution', 'amount'),
  negative('enrolment', 'declared_income'),
  negative('claim', 'claimed_amount'),
  negative('claim', 'approved_amount'),
  negative('claim', 'paid_amount'),
  negative('budget_allocation', 'amount'),
  {
    name: 'paid claim without a paid date or amount',
    offenders: `select id::varchar as key from stg_claim where status = 'PAID' and (paid_date is null or paid_amount is null)`,
  },
  {
    name: "contribution outside its enrolment's dates",
    offenders: `select c.id::varchar as key from stg_contribution c join stg_enrolment e on e.id = c.enrolment_id
      where c.period < date_trunc('month', e.start_date) or c.period > e.end_date`,
  },
];

/** Points `stg_<table>` at the run's files for each table. */
export async function stageViews(con: DuckDBConnection, files: Record<string, string[]>): Promise<void> {
  for (const [table, list] of Object.entries(files)) {
    const body = list.length
      ? `select * from read_parquet([${list.map(sqlString).join(', ')}])`
      : `select ${tableSpec(table)
          .columns.map((c) => `cast(null as ${c.type}) as ${c.name}`)
          .join(', ')} where false`;
    await con.run(`create or replace temp view stg_${table} as ${body}`);
  }
}

/**
 * Counts each check's offenders, `batch` checks to a query (examples only for the broken ones).
 * The data checks are small and go in one query; the model tests run one at a time, because a
 * union of a few hundred aggregations holds all their hash tables at once (it ran out of the
 * catalogue's memory limit at scale 1).
 */
export async function runChecks(con: DuckDBConnection, checks: readonly Check[] = CHECKS, batch = checks.length): Promise<CheckResult[]> {
  const violations = new Map<number, number>();
  // Row rules over one relation share its scan: count(*) filter per rule keeps no hash table, so
  // they fit the memory limit together, and a model's dozen column tests read its rows once.
  const scans = new Map<string, number[]>();
  const others: number[] = [];
  for (const [i, c] of checks.entries()) {
    if (c.rowRule) scans.set(c.rowRule.from, [...(scans.get(c.rowRule.from) ?? []), i]);
    else others.push(i);
  }
  for (const [from, rules] of scans) {
    const counts = await con.runAndReadAll(
      `select ${rules.map((i) => `count(*) filter (where ${checks[i]!.rowRule!.condition})::bigint`).join(', ')} from ${from}`,
    );
    const row = counts.getRows()[0]!;
    for (const [k, i] of rules.entries()) violations.set(i, Number(row[k]));
  }
  const size = Math.max(batch, 1);
  for (let from = 0; from < others.length; from += size) {
    const slice = others.slice(from, from + size);
    const counts = await con.runAndReadAll(
      slice.map((i) => `select ${i} as i, count(*)::bigint as n from (${checks[i]!.offenders})`).join(' union all '),
    );
    for (const r of counts.getRows()) violations.set(Number(r[0]), Number(r[1]));
  }
  const results: CheckResult[] = [];
  for (const [i, check] of checks.entries()) {
    const n = violations.get(i) ?? 0;
    let examples: string[] = [];
    if (n > 0) {
      const sample = await con.runAndReadAll(`select key from (${check.offenders}) order by key limit 5`);
      examples = sample.getRows().map((r) => String(r[0]));
    }
    results.push({ name: check.name, violations: n, examples });
  }
  return results;
}

/** Ends the run when any rule is broken, naming each rule with its count and a few offending keys. */
export function failIfBroken(what: string, results: readonly CheckResult[]): void {
  const broken = results.filter((c) => c.violations > 0);
  if (broken.length > 0) {
    throw new EtlCheckError(
      `${what} failed: ${broken.map((c) => `${c.name}: ${c.violations} rows (e.g. ${c.examples.join(', ')})`).join('; ')}`,
    );
  }
}
