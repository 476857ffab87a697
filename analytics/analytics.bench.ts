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

/**
 * `npm run bench:analytics`: how long each mart takes to compute in full on the published
 * warehouse, each named metric's year-over-year answer, and the whole brief, against a baseline
 * measured in the same run: reading every column of the latest snapshot of the tables the marts
 * are built from (what no mart over those rows can avoid). Ratios, not seconds, compare across
 * machines and loads.
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
  .option('--semantic-runs <n>', 'uncached runs of each semantic query, for its p50 and p99', whole('--semantic-runs'), 30)
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
  year: number;
  compare: number;
}>();
const config = loadConfig();
const warehouseDir = path.resolve(opts.warehouse ?? config.etl.warehouseDir);
const reader = new WarehouseReader(warehouseDir);
if (!reader.available()) {
  console.error(`no warehouse at ${warehouseDir}: run npm run etl first`);
  process.exit(2);
}

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
for (const table of BASE_TABLES) {
  const { seconds, result } = await timed(fullRead(`${table}_latest`));
  baseline += seconds;
  baseRows += result;
}
line(['baseline: read the latest snapshot of the base tables', baseRows, figure(baseline), '1.00']);

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
 * The semantic query's hot path (issue 15): two dimensions and a compare range on the materialised marts,
 * each run uncached (a fresh cache per run) for its p50 and p99, then once from the cache.
 */
const quarter = (year: number) => ({ from: `${year}-01-01`, to: `${year}-03-31` });
const SEMANTIC: Array<[string, SemanticQuery]> = [
  [
    'informal workers protected by kecamatan × sex, Q1 vs Q1',
    {
      measures: ['WORKERS_PROTECTED'],
      dimensions: ['KECAMATAN', 'SEX'],
      filters: [{ dimension: 'SECTOR', equalTo: 'INFORMAL' }],
      timeDimension: { dateRange: quarter(opts.year), compareDateRange: quarter(opts.compare) },
    },
  ],
  [
    'contributions paid by programme × sponsor kind, by month, year vs year',
    {
      measures: ['CONTRIBUTIONS_PAID'],
      dimensions: ['PROGRAMME', 'SPONSOR_KIND'],
      timeDimension: {
        granularity: 'MONTH',
        dateRange: { from: `${opts.year}-01-01`, to: `${opts.year}-12-31` },
        compareDateRange: { from: `${opts.compare}-01-01`, to: `${opts.compare}-12-31` },
      },
    },
  ],
  [
    'contributions paid by kecamatan × sex, by quarter, year vs year',
    {
      measures: ['CONTRIBUTIONS_PAID'],
      dimensions: ['KECAMATAN', 'SEX'],
      timeDimension: {
        granularity: 'QUARTER',
        dateRange: { from: `${opts.year}-01-01`, to: `${opts.year}-12-31` },
        compareDateRange: { from: `${opts.compare}-01-01`, to: `${opts.compare}-12-31` },
      },
    },
  ],
  [
    'cost per worker by kecamatan × sponsor kind, year vs year',
    {
      measures: ['COST_PER_WORKER', 'WORKERS_PROTECTED', 'CONTRIBUTIONS_PAID'],
      dimensions: ['KECAMATAN', 'SPONSOR_KIND'],
      timeDimension: {
        dateRange: { from: `${opts.year}-01-01`, to: `${opts.year}-12-31` },
        compareDateRange: { from: `${opts.compare}-01-01`, to: `${opts.compare}-12-31` },
      },
    },
  ],
];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
for (const [label, query] of SEMANTIC) {
  const seconds: number[] = [];
  let rows = 0;
  for (let i = 0; i < opts.semanticRuns; i++) {
    const t0 = performance.now();
    rows = (await semanticQuery(reader, query, { maxCells: 1_000_000, cache: new AnswerCache<SemanticAnswer>(1) })).rows.length;
    seconds.push((performance.now() - t0) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const p50 = percentile(seconds, 50);
  const p99 = percentile(seconds, 99);
  line([`analytics ${label}: p50 (p99 ${figure(p99)} s, ${opts.semanticRuns} runs)`, rows, figure(p50), (p50 / baseline).toFixed(2)]);
  const cache = new AnswerCache<SemanticAnswer>(10);
  await semanticQuery(reader, query, { maxCells: 1_000_000, cache });
  const hit = await timed(() => semanticQuery(reader, query, { maxCells: 1_000_000, cache }));
  line([`analytics ${label}: from the cache`, rows, figure(hit.seconds), (hit.seconds / baseline).toFixed(4)]);
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

console.log(
  `\nwarehouse ${warehouseDir}; median of ${opts.runs} timed run(s) each${opts.warmUp ? ' after a warm-up' : ''}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
);
reader.close();
process.exit(0);
