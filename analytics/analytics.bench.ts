import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { WarehouseReader } from '../platform/warehouse-reader.js';
import { loadConfig } from '../platform/config.js';
import { METRICS } from '../schema/metrics/metric-definitions.js';
import { yearOverYear } from './metrics/metric-queries.js';
import { AnswerCache } from './semantic/answer-cache.js';
import type { SemanticQuery } from './semantic/query-plan.js';
import { type SemanticAnswer, semanticQuery } from './semantic/semantic-query.js';
import { writeBriefs, type BriefFormat } from './brief/brief.service.js';
import { buildScaledWarehouse } from './scaled-warehouse.js';

/**
 * `npm run bench:analytics`: how long each mart takes to compute in full on the published
 * warehouse, each named metric's year-over-year answer, and the whole brief, against a baseline
 * measured in the same run: reading every column of the latest snapshot of the tables the marts
 * are built from (what no mart over those rows can avoid). Ratios, not seconds, compare across
 * machines and loads. `--scale n` times only the semantic queries, on a warehouse of n times the rows built
 * in DuckDB from the published one (scaled-warehouse.ts), each against its own floor.
 */
const whole = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
  return n;
};
const program = new Command('bench:analytics')
  .option('--warehouse <dir>', 'warehouse folder (default LINDUNG_WAREHOUSE_DIR or <data dir>/warehouse)')
  .option('--runs <n>', 'timed runs per query (the median is printed)', whole('--runs'), 1)
  .option('--warm-up', 'one untimed run of each query first')
  .option('--no-brief', 'skip timing the whole brief')
  .option('--only-semantic', 'time only the semantic analytics queries (and the baseline)')
  .option('--semantic-match <text>', 'time only the semantic queries whose label contains this text')
  .option('--semantic-runs <n>', 'uncached runs of each semantic query, for its p50 and p99', whole('--semantic-runs'), 30)
  .option(
    '--scale <n>',
    'time the semantic queries on a warehouse of n times the rows, built in DuckDB from this one (analytics/scaled-warehouse.ts); implies --only-semantic',
    whole('--scale'),
  )
  .option('--scaled-dir <dir>', 'where the scaled warehouse is kept between runs (default <warehouse>-x<n> beside it)')
  .option('--year <n>', 'brief year', whole('--year'), 2023)
  .option('--compare <n>', 'brief comparison year', whole('--compare'), 2022)
  .parse();
const opts = program.opts<{
  warehouse?: string;
  runs: number;
  warmUp?: boolean;
  brief: boolean;
  onlySemantic?: boolean;
  semanticRuns: number;
  semanticMatch?: string;
  scale?: number;
  scaledDir?: string;
  year: number;
  compare: number;
}>();
const config = loadConfig();
const publishedDir = path.resolve(opts.warehouse ?? config.etl.warehouseDir);
if (!new WarehouseReader(publishedDir).available()) {
  console.error(`no warehouse at ${publishedDir}: run npm run etl first`);
  process.exit(2);
}
if (opts.scale) opts.onlySemantic = true;
let warehouseDir = publishedDir;
if (opts.scale) {
  const scaled = await buildScaledWarehouse(publishedDir, path.resolve(opts.scaledDir ?? `${publishedDir}-x${opts.scale}`), opts.scale);
  warehouseDir = scaled.dir;
  console.log(
    `scale ${opts.scale}: the semantic marts of ${publishedDir} copied ${opts.scale} times in DuckDB (distinct workers per copy; ` +
      `PostgreSQL is not seeded at this scale), ${scaled.seconds ? `built in ${scaled.seconds.toFixed(1)} s` : 'reused'}: ` +
      Object.entries(scaled.rows)
        .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
        .join(', '),
  );
}
const reader = new WarehouseReader(warehouseDir);

const BASE_TABLES = ['contribution', 'enrolment', 'claim', 'worker', 'budget_in_force', 'workforce', 'sponsor', 'region'];
const MARTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'models', 'marts');
const MARTS = fs
  .readdirSync(MARTS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.replace(/\.sql$/, ''))
  .sort();

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  let result = opts.warmUp ? await work() : undefined;
  const seconds: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    result = await work();
    seconds.push((performance.now() - t0) / 1000);
  }
  seconds.sort((a, b) => a - b);
  return { seconds: seconds[Math.floor(seconds.length / 2)]!, result: result as T };
}

/** Hashing the whole row makes DuckDB compute every column, as a reader fetching the mart would. */
const fullRead = (relation: string) => async () =>
  Number((await reader.query<{ rows: string }>(`select count(*)::varchar as rows, sum(hash(r)) as h from ${relation} as r`))[0]!.rows);

// Printed as measured: at scale 20 the whole run takes minutes.
const WIDTHS = [64, 12, 10, 18];
const line = (cells: unknown[]) =>
  console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(WIDTHS[i]!) : String(c).padStart(WIDTHS[i]!))).join(' | '));
const figure = (s: number) => s.toFixed(3);
line(['query', 'rows', 'median s', 'ratio to baseline']);
line(WIDTHS.map((w) => '-'.repeat(w)));

let baseline = 0;
let baseRows = 0;
// the scaled warehouse holds only marts: its semantic queries are set against their own floor instead
for (const table of opts.scale ? [] : BASE_TABLES) {
  const { seconds, result } = await timed(fullRead(`${table}_latest`));
  baseline += seconds;
  baseRows += result;
}
if (!opts.scale) line(['baseline: read the latest snapshot of the base tables', baseRows, figure(baseline), '1.00']);

for (const mart of opts.onlySemantic ? [] : MARTS) {
  const { seconds, result } = await timed(fullRead(mart));
  line([`mart ${mart}`, result, figure(seconds), (seconds / baseline).toFixed(2)]);
}

let metricsTotal = 0;
for (const [name, definition] of opts.onlySemantic ? [] : METRICS) {
  if (!definition.yearly) continue;
  for (const groupBy of [null, ...definition.groupings]) {
    const { seconds, result } = await timed(() =>
      yearOverYear(reader, { metric: name, year: opts.year, compareTo: opts.compare, groupBy }),
    );
    metricsTotal += seconds;
    line([`metric ${name}${groupBy ? ` by ${groupBy}` : ''}`, result.groups.length + 1, figure(seconds), (seconds / baseline).toFixed(2)]);
  }
}
if (!opts.onlySemantic) line(['every metric, one after another', '', figure(metricsTotal), (metricsTotal / baseline).toFixed(2)]);

/**
 * The semantic query's hot path (issue 15): two dimensions and a compare range on the materialised marts. Each
 * query runs uncached (a fresh cache per run: plan, size check, snapshot lookup, statement, shaping), its statement
 * alone straight on DuckDB (the floor no layer over DuckDB can beat) and from the cache, the three interleaved run
 * by run, for their p50 and p99. The ratio is the layer's p50 over the floor's.
 */
const quarter = (year: number) => ({ from: `${year}-01-01`, to: `${year}-03-31` });
const wholeYears = {
  dateRange: { from: `${opts.year}-01-01`, to: `${opts.year}-12-31` },
  compareDateRange: { from: `${opts.compare}-01-01`, to: `${opts.compare}-12-31` },
};
const informalByKecamatanAndSex: SemanticQuery = {
  measures: ['WORKERS_PROTECTED'],
  dimensions: ['KECAMATAN', 'SEX'],
  filters: [{ dimension: 'SECTOR', equalTo: 'INFORMAL' }],
  timeDimension: { dateRange: quarter(opts.year), compareDateRange: quarter(opts.compare) },
};
const SEMANTIC: Array<[string, SemanticQuery, boolean]> = [
  ['informal workers protected by kecamatan × sex, Q1 vs Q1', informalByKecamatanAndSex, true],
  ['the same, without rollups (distinct workers over fct_coverage_years)', informalByKecamatanAndSex, false],
  [
    'contributions paid by programme × sponsor kind, by month, year vs year',
    { measures: ['CONTRIBUTIONS_PAID'], dimensions: ['PROGRAMME', 'SPONSOR_KIND'], timeDimension: { granularity: 'MONTH', ...wholeYears } },
    true,
  ],
  [
    'contributions paid by kecamatan × sex, by quarter, year vs year',
    { measures: ['CONTRIBUTIONS_PAID'], dimensions: ['KECAMATAN', 'SEX'], timeDimension: { granularity: 'QUARTER', ...wholeYears } },
    true,
  ],
  [
    'cost per worker by kecamatan × sponsor kind, year vs year',
    {
      measures: ['COST_PER_WORKER', 'WORKERS_PROTECTED', 'CONTRIBUTIONS_PAID'],
      dimensions: ['KECAMATAN', 'SPONSOR_KIND'],
      timeDimension: wholeYears,
    },
    true,
  ],
];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
/** p50 and p99 of each piece of work, the runs interleaved (a, b, a, b, …) so a change in load weighs on both alike. */
async function spread(...works: Array<() => Promise<unknown>>): Promise<Array<{ p50: number; p99: number }>> {
  const seconds = works.map(() => [] as number[]);
  for (let i = 0; i < opts.semanticRuns; i++) {
    for (const [w, work] of works.entries()) {
      const t0 = performance.now();
      await work();
      seconds[w]!.push((performance.now() - t0) / 1000);
    }
  }
  return seconds.map((list) => {
    list.sort((a, b) => a - b);
    return { p50: percentile(list, 50), p99: percentile(list, 99) };
  });
}
const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
for (const [label, query, rollups] of SEMANTIC) {
  if (opts.semanticMatch && !label.includes(opts.semanticMatch)) continue;
  const ask = (cache: AnswerCache<SemanticAnswer>) => semanticQuery(reader, query, { maxCells: 1_000_000, cache, rollups });
  const first = await ask(new AnswerCache<SemanticAnswer>(1));
  const cache = new AnswerCache<SemanticAnswer>(10);
  await ask(cache);
  const [cold, floor, hit] = (await spread(
    () => ask(new AnswerCache<SemanticAnswer>(1)),
    () => reader.query(first.sql[0]!),
    () => ask(cache),
  )) as [{ p50: number; p99: number }, { p50: number; p99: number }, { p50: number; p99: number }];
  const rows = first.rows.length;
  line([`analytics ${label}: uncached p50 (p99 ${ms(cold.p99)})`, rows, figure(cold.p50), `${(cold.p50 / floor.p50).toFixed(2)} × floor`]);
  line([`  floor: its statement straight on DuckDB, p50 (p99 ${ms(floor.p99)})`, rows, figure(floor.p50), '1.00 × floor']);
  line([`  from the cache, p50 (p99 ${ms(hit.p99)})`, rows, figure(hit.p50), `${(hit.p50 / floor.p50).toFixed(4)} × floor`]);
}

if (opts.brief && !opts.onlySemantic) {
  const config = loadConfig();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-bench-brief-'));
  try {
    const brief = (formats: BriefFormat[]) => async () =>
      (
        await writeBriefs({
          warehouse: reader,
          outDir,
          year: opts.year,
          compare: opts.compare,
          langs: ['id', 'en'],
          formats,
          chromiumPath: config.briefs.chromiumPath,
        })
      ).files.length;
    const text = await timed(brief(['html', 'md']));
    line([
      `whole brief ${opts.year} vs ${opts.compare}: queries, id+en HTML and Markdown`,
      text.result,
      figure(text.seconds),
      (text.seconds / baseline).toFixed(2),
    ]);
    if (fs.existsSync(config.briefs.chromiumPath)) {
      const all = await timed(brief(['html', 'md', 'pdf']));
      line(['whole brief, with both PDFs', all.result, figure(all.seconds), (all.seconds / baseline).toFixed(2)]);
    }
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(
  `\nwarehouse ${warehouseDir}; semantic queries ${opts.semanticRuns} runs each; load average ${load}; median of ${opts.runs} timed run(s) each${opts.warmUp ? ' after a warm-up' : ''}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
reader.close();
process.exit(0);
