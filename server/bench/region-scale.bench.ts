/**
 * `npm run bench:regions`: does a scoped user's query cost grow with regencies outside their
 * scope? It builds one database that grows step by step (1, 4, 16, 64 regencies by default,
 * each with the same synthetic programme), and at each step runs the queries the API's paths
 * make — a page of workers with its count, a page of claims with its count, paid benefits by
 * programme, contributions by month and of one month — as the API's database role with a kecamatan scope, a
 * regency scope and the whole country. The queries carry no region condition of their own:
 * row-level security adds it, so the figures are the policies' cost.
 *
 * Cost is shown two ways: shared buffers touched (from EXPLAIN (ANALYZE, BUFFERS); it does not
 * depend on how busy the machine is) and the median time of repeated runs, both as a ratio to
 * the first step measured in the same run.
 *
 *   npm run bench:regions [-- --steps 1,4,16,64 --workers 10000 --repeat 15]
 *
 * DATABASE_URL (or TEST_PG_URL, else 127.0.0.1:5432) names the server; the benchmark creates and
 * drops its own database `lindung_bench_regions` there.
 */
import { loadavg } from 'node:os';
import { Command } from 'commander';
import pg from 'pg';
import { initORM, migrateUp } from '../../platform/db/orm.js';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import { NATIONAL, parseScopeClaim, type RegionScope } from '../../schema/region-scope.js';

const program = new Command('bench:regions')
  .option('--steps <list>', 'regency counts to measure at, ascending', '1,4,16,64')
  .option('--workers <n>', 'workers per regency', '10000')
  .option('--months <n>', 'contribution months per worker (two programmes each)', '6')
  .option('--repeat <n>', 'timed runs per query', '15')
  .option('--keep', 'keep the database afterwards')
  .parse();
const options = program.opts<{ steps: string; workers: string; months: string; repeat: string; keep?: boolean }>();
const steps = options.steps.split(',').map(Number);
const workersPerRegency = Number(options.workers);
const months = Number(options.months);
const repeat = Number(options.repeat);

const API_ROLE = 'lindung_api';
const DATABASE = 'lindung_bench_regions';
const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(serverUrl);
url.pathname = `/${DATABASE}`;

/** The scoped user sits in the first regency, which exists from the first step. */
const HOME_REGENCY = '64.02';
const HOME_KECAMATAN = '64.02.06';

const QUERIES: Record<string, string> = {
  'workers page + count': `select (select json_agg(w) from (select id, full_name, region_code from worker order by id limit 50) w),
    (select count(*) from worker)`,
  'claims page + count': `select (select json_agg(c) from (select id, claim_no, status, claimed_amount from claim order by id desc limit 50) c),
    (select count(*) from claim)`,
  'paid by programme': `select programme, count(*), sum(paid_amount) from claim where status = 'PAID' group by programme`,
  'contributions by month': `select period, sum(amount) from contribution group by period order by period`,
  // A period range as the dashboard and the contributions list ask for one: the path's GIN index and (period, id) together.
  'contributions of one month': `select count(*), sum(amount) from contribution where period = date '2023-03-01'`,
};

const SCOPES: Array<[string, RegionScope]> = [
  [`kecamatan ${HOME_KECAMATAN}`, parseScopeClaim([HOME_KECAMATAN])],
  [`regency ${HOME_REGENCY}`, parseScopeClaim([HOME_REGENCY])],
  ['national', NATIONAL],
];

interface Measure {
  buffers: number;
  medianMs: number;
  rows: number;
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const orm = await initORM(url.toString());
  await migrateUp(orm);
  await orm.close();

  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  try {
    const regencies = await regencyCodes(pool, Math.max(...steps));
    const results: Array<{ step: number; rows: Record<string, number>; measures: Map<string, Measure> }> = [];
    let loaded = 0;
    for (const step of steps) {
      for (; loaded < step; loaded++) await loadRegency(pool, regencies[loaded]!, loaded);
      await pool.query('vacuum analyze');
      const rows = await tableRows(pool);
      const measures = new Map<string, Measure>();
      for (const [scopeName, scope] of SCOPES) {
        for (const [queryName, sql] of Object.entries(QUERIES)) {
          measures.set(`${scopeName} · ${queryName}`, await measure(pool, scope, sql));
        }
      }
      results.push({ step, rows, measures });
      console.log(`step ${step} regencies: ${JSON.stringify(rows)} (load ${loadAverage()})`);
    }
    print(results);
  } finally {
    await pool.end();
    if (!options.keep) {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${DATABASE} with (force)`);
      await cleanup.end();
    }
  }
}

/** The home regency first, then the country's other regencies in code order. */
async function regencyCodes(pool: pg.Pool, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ code: string }>(
    `select code from region where level = 'REGENCY'
      and exists (select 1 from region k where k.parent_code = region.code and k.level = 'DISTRICT')
     order by code <> $1, code limit $2`,
    [HOME_REGENCY, count],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} regencies with kecamatan in the region table`);
  return rows.map((r) => r.code);
}

/**
 * One regency's synthetic programme: its own APBD sponsor, workers spread over its kecamatan,
 * one enrolment each, `months` months of two contributions, and a claim for one worker in 50.
 * NIKs are valid (region digits, birth date, serial) so the table's checks hold.
 */
async function loadRegency(pool: pg.Pool, regency: string, index: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const sponsor = await client.query<{ id: string }>(
      `insert into sponsor (code, name, kind, region_code) values ($1, $2, 'REGENCY_BUDGET', $3) returning id`,
      [`BENCH-${regency}-APBD`, `APBD ${regency} (synthetic)`, regency],
    );
    const sponsorId = sponsor.rows[0]!.id;
    await client.query(
      `with kecamatan as (
         select array_agg(code order by code) as codes from region where parent_code = $1 and level = 'DISTRICT'
       ), people as (
         select g, codes[1 + g % cardinality(codes)] as region_code, date '1970-01-01' + (g % 10000) as birth_date
         from kecamatan, generate_series(1, $2::int) g
       )
       insert into worker (nik, full_name, sex, birth_date, region_code, occupation, sector)
       select replace(region_code, '.', '') || to_char(birth_date, 'DDMMYY') || lpad((1 + g / 10000)::text, 4, '0'),
              'Pekerja ' || $3::int || '-' || g, 'L', birth_date, region_code, 'PETANI', 'INFORMAL'
       from people`,
      [regency, workersPerRegency, index],
    );
    await client.query(
      `insert into enrolment (membership_no, worker_id, sponsor_id, segment, programmes, start_date, declared_income, status)
       select 'BENCH' || w.id, w.id, $1, 'BPU', array['JKK', 'JKM'], date '2023-01-01', 1000000, 'ACTIVE'
       from worker w where w.region_code like $2 || '.%'`,
      [sponsorId, regency],
    );
    await client.query(
      `insert into contribution (enrolment_id, period, programme, amount, paid_date, sponsor_id)
       select e.id, (date '2023-01-01' + make_interval(months => m))::date, p, case p when 'JKK' then 10000 else 6800 end,
              (date '2023-01-10' + make_interval(months => m))::date, $1
       from enrolment e, generate_series(0, $2::int - 1) m, unnest(array['JKK', 'JKM']) p
       where e.sponsor_id = $1`,
      [sponsorId, months],
    );
    await client.query(
      `insert into claim (claim_no, enrolment_id, programme, incident_date, submitted_date, status,
                          claimed_amount, approved_amount, paid_amount, paid_date)
       select 'BENCH-' || e.id, e.id, 'JKM', date '2023-03-01', date '2023-03-05', 'PAID', 42000000, 42000000, 42000000, date '2023-03-20'
       from enrolment e where e.sponsor_id = $1 and e.id % 50 = 0`,
      [sponsorId],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

async function tableRows(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ worker: string; contribution: string; claim: string }>(
    'select (select count(*) from worker) as worker, (select count(*) from contribution) as contribution, (select count(*) from claim) as claim',
  );
  const row = rows[0]!;
  return { workers: Number(row.worker), contributions: Number(row.contribution), claims: Number(row.claim) };
}

/** Runs `sql` as the API's role under `scope`: buffers from one EXPLAIN ANALYZE, the median of `repeat` timed runs. */
async function measure(pool: pg.Pool, scope: RegionScope, sql: string): Promise<Measure> {
  const client = await pool.connect();
  try {
    const settings = requestSettingsSql({ scope, actor: 'bench' });
    const inScope = async <T>(run: () => Promise<T>): Promise<T> => {
      await client.query('begin');
      try {
        await client.query(`set local role ${API_ROLE}`);
        await client.query(settings.text, settings.values);
        return await run();
      } finally {
        await client.query('rollback');
      }
    };
    const plan = await inScope(() => client.query(`explain (analyze, buffers, format json) ${sql}`));
    const root = (plan.rows[0]['QUERY PLAN'] as Array<{ Plan: Record<string, number> }>)[0]!.Plan;
    const buffers = (root['Shared Hit Blocks'] ?? 0) + (root['Shared Read Blocks'] ?? 0);
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      const result = await inScope(() => client.query(sql));
      times.push(performance.now() - started);
      rows = result.rowCount ?? 0;
    }
    times.sort((a, b) => a - b);
    return { buffers, medianMs: times[Math.floor(times.length / 2)]!, rows };
  } finally {
    client.release();
  }
}

function print(results: Array<{ step: number; rows: Record<string, number>; measures: Map<string, Measure> }>): void {
  const first = results[0]!;
  console.log(`\nregion scale: cost of scoped queries as regencies grow (load ${loadAverage()})`);
  console.log(`| query (scope · path) | ${results.map((r) => `${r.step} reg. buffers (×) · ms (×)`).join(' | ')} |`);
  console.log(`| --- | ${results.map(() => '---').join(' | ')} |`);
  for (const [name, base] of first.measures) {
    const cells = results.map((r) => {
      const m = r.measures.get(name)!;
      return `${m.buffers} (${(m.buffers / Math.max(1, base.buffers)).toFixed(2)}) · ${m.medianMs.toFixed(1)} (${(m.medianMs / base.medianMs).toFixed(2)})`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  const last = results.at(-1)!;
  console.log(`\nrows at the last step: ${JSON.stringify(last.rows)}`);
}

function loadAverage(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

await main();
