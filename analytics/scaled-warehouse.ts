import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { CATALOGUE_FILE } from '../platform/warehouse-reader.js';

/**
 * A larger warehouse for `npm run bench:analytics -- --scale n`, built in DuckDB alone: the semantic layer's
 * materialised marts of a published warehouse copied n times (`cross join range(n)`), each copy with its own
 * workers and memberships (distinct `worker_key`, `enrolment_id`), so distinct counts grow n-fold as they
 * would with n times the people. Seeding PostgreSQL at scale 20 (200 million contributions) is far too slow for
 * the project's 2-core machine; this gives the marts' sizes at that scale in minutes. The regions, sponsors,
 * programmes and periods stay those of the source, so the marts of groups (no worker in them) are what the ETL
 * would compute over n copies of the people: each group's sums n times over, in as many rows as the source has
 * groups (their size is bounded by the dimensions, not by the workers). Budgets and the labour force are
 * multiplied by n so the ratios stay plausible. It holds only what the semantic query reads (no staging views
 * over Parquet, no briefs' marts): it is a bench fixture, not a warehouse to publish.
 */

const MODELS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'models');

/** Marts with one row per worker's membership and year: each copy its own people. */
const PER_WORKER = ['fct_coverage_years'];
/** Marts of groups (no worker) and their summed columns: the same groups, each summed over the n copies. */
const PER_GROUP: Record<string, readonly string[]> = {
  fct_workers_protected_periods: ['workers'],
  // fct_contributions_groups (3.3 million rows at scale 1) is left out: every query the bench times reads a
  // rollup of it, and summing 65 million copied rows takes this machine a quarter of an hour
  fct_contributions_sponsor_months: ['amount', 'contributions'],
  fct_contributions_worker_months: ['amount', 'contributions'],
  fct_claims_paid_groups: ['paid_amount', 'claims'],
  // distinct active members add up over copies: each copy has its own people
  fct_enrolment_daily: ['active_enrolments', 'active_members'],
};
/** Changes when the way a copy is built changes, so an old copy is rebuilt. */
const LAYOUT = 2;
/** Copied once: what the dimensions' estimates and the snapshots read. */
const AS_IS = ['dim_region', 'dim_place', 'snapshots', 'stg_sponsor'];

export interface ScaledWarehouse {
  dir: string;
  /** Rows per mart in the scaled catalogue. */
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Writes `<to>/lindung.duckdb` from the catalogue in `from`, every semantic mart `times` over. Rebuilt when the
 * source catalogue is newer than the copy or the copy was built with another factor (a marker file says which).
 */
export async function buildScaledWarehouse(from: string, to: string, times: number): Promise<ScaledWarehouse> {
  const source = path.join(from, CATALOGUE_FILE);
  const target = path.join(to, CATALOGUE_FILE);
  const marker = path.join(to, 'scaled-from.json');
  const wanted = JSON.stringify({ source, times, layout: LAYOUT, sourceMtime: fs.statSync(source).mtimeMs });
  const t0 = performance.now();
  fs.mkdirSync(to, { recursive: true });
  const fresh = fs.existsSync(target) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted;
  if (!fresh) {
    fs.rmSync(target, { force: true });
    fs.rmSync(`${target}.wal`, { force: true });
    const instance = await DuckDBInstance.create(`${target}.next`, { memory_limit: '2GB' });
    const con = await instance.connect();
    try {
      await con.run(`attach '${source.replace(/'/g, "''")}' as src (read_only)`);
      await con.run(fs.readFileSync(path.join(MODELS, 'macros.sql'), 'utf8'));
      for (const t of AS_IS) await con.run(`create table ${t} as select * from src.${t}`);
      await con.run(`create table fct_budget as
        select * replace (amount * ${times} as amount, original_amount * ${times} as original_amount) from src.fct_budget`);
      await con.run(`create table fct_workforce as select * replace (labour_force * ${times} as labour_force) from src.fct_workforce`);
      for (const t of PER_WORKER) {
        await con.run(`create table ${t} as
          select f.* replace (f.worker_key || '~' || r.copy as worker_key, f.enrolment_id * ${times} + r.copy as enrolment_id)
          from src.${t} as f cross join range(${times}) as r(copy)`);
      }
      for (const [t, sums] of Object.entries(PER_GROUP)) {
        // every column but the sums is the group; the column order stays the source's
        await con.run(`create table ${t} as
          select * replace (${sums.map((c) => `cast(sum(${c}) as bigint) as ${c}`).join(', ')})
          from (select f.* from src.${t} as f cross join range(${times}) as r(copy))
          group by all`);
      }
      await con.run('checkpoint');
    } finally {
      con.closeSync();
      instance.closeSync();
    }
    fs.renameSync(`${target}.next`, target);
    fs.writeFileSync(marker, wanted);
  }
  const instance = await DuckDBInstance.create(target, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  const rows: Record<string, number> = {};
  try {
    for (const t of [...PER_WORKER, ...Object.keys(PER_GROUP)]) {
      const reader = await con.runAndReadAll(`select count(*)::varchar as n from ${t}`);
      rows[t] = Number((reader.getRowObjectsJson()[0] as { n: string }).n);
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return { dir: to, rows, seconds: fresh ? 0 : (performance.now() - t0) / 1000 };
}
