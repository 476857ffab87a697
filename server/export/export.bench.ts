import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { Command } from 'commander';
import pg from 'pg';
import { loadConfig } from '../../platform/config.js';
import { mintToken } from '../auth/tokens.js';

/**
 * `npm run bench:export`: lindung exporting about 100,000 contributions (the first months of the
 * demo with at least that many) over HTTP, CSV and XLSX, against a floor measured in the same run:
 * a bare pg cursor feeding the same writer (export-floor.bench.ts). Prints rows/s, the ratio to the
 * floor and each process's peak RSS, with the load average. Reads an existing seeded database
 * (`npm run bench:api` creates lindung_bench_s1); writes only export_log rows.
 */
const opts = new Command('bench:export')
  .option('--database-url <url>', 'a seeded, migrated database', 'postgres://postgres@127.0.0.1:5432/lindung_bench_s1')
  .option('--rows <n>', 'at least this many rows', '100000')
  .option('--formats <list>', 'csv, xlsx', 'csv,xlsx')
  .option('--rounds <n>', 'rounds (lindung and the floor alternate within each)', '2')
  .parse()
  .opts<{ databaseUrl: string; rows: string; formats: string; rounds: string }>();

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const peakRssMb = (child: ChildProcess) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
};

// The months from the first one until the rows reach --rows: a filter the API and the floor both take.
const db = new pg.Client({ connectionString: opts.databaseUrl });
await db.connect();
const months = (
  await db.query<{ month: string; n: number }>(
    `select to_char(period, 'YYYY-MM') as month, count(*)::int as n from contribution group by 1 order by 1`,
  )
).rows;
await db.end();
let rows = 0;
let to = '';
for (const m of months) {
  rows += m.n;
  to = m.month;
  if (rows >= Number(opts.rows)) break;
}
const from = months[0]!.month;

const secrets = { JWT_SECRET: randomBytes(32).toString('hex'), WAREHOUSE_KEY_SECRET: randomBytes(32).toString('hex') };
const api = loadConfig({ NODE_ENV: 'production', ...secrets }).api;
const token = await mintToken(api, { role: 'operator', subject: 'bench' });
const server = spawn(process.execPath, ['--import', 'tsx', new URL('../bench/bench-server.ts', import.meta.url).pathname], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    ...secrets,
    // The bench's mutation is not in the client's manifest of trusted documents.
    GRAPHQL_ARBITRARY_DOCUMENT_ROLES: 'operator',
    LOG_LEVEL: 'warn',
    BENCH_DATABASE_URL: opts.databaseUrl,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { port } = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve)));
const base = `http://127.0.0.1:${port}`;
const rssAtStart = peakRssMb(server);

async function lindung(format: string): Promise<{ rows: number; bytes: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query:
        'mutation E($f: ContributionFilter, $format: ExportFormat!) { exportContributions(format: $format, language: EN, filter: $f) { url } }',
      variables: { f: { fromMonth: from, toMonth: to }, format: format.toUpperCase() },
    }),
  });
  const body = (await res.json()) as { data?: { exportContributions: { url: string } }; errors?: unknown };
  if (!body.data) throw new Error(`export refused: ${JSON.stringify(body.errors)}`);
  const file = await fetch(new URL(body.data.exportContributions.url, base));
  let bytes = 0;
  for await (const chunk of file.body!) bytes += (chunk as Uint8Array).length;
  return { rows, bytes, ms: performance.now() - started };
}

const run = promisify(execFile);
async function floor(format: string): Promise<{ rows: number; bytes: number; ms: number; peakRssMb: number }> {
  const floorScript = new URL('./export-floor.bench.ts', import.meta.url).pathname;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', floorScript, opts.databaseUrl, from, to, format], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout);
}

console.log(`export benchmark: ${rows} contributions (${from} to ${to}), ${opts.rounds} rounds; load average at start ${loadAverage()}`);
const results: Record<string, { lindung: number[]; floor: number[]; bytes: number; floorRss: number }> = {};
try {
  for (let round = 1; round <= Number(opts.rounds); round++) {
    for (const format of opts.formats.split(',')) {
      const l = await lindung(format);
      const f = await floor(format);
      if (f.rows !== rows) throw new Error(`the floor wrote ${f.rows} rows, expected ${rows}`);
      const r = (results[format] ??= { lindung: [], floor: [], bytes: l.bytes, floorRss: 0 });
      r.lindung.push((rows / l.ms) * 1000);
      r.floor.push((f.rows / f.ms) * 1000);
      r.floorRss = Math.max(r.floorRss, f.peakRssMb);
      console.log(
        `round ${round} ${format}: lindung ${Math.round((rows / l.ms) * 1000)} rows/s (${(l.bytes / 1e6).toFixed(1)} MB), floor ${Math.round((f.rows / f.ms) * 1000)} rows/s (${(f.bytes / 1e6).toFixed(1)} MB)`,
      );
    }
  }
  // Ratios within a round, where both ran on the same machine load; the best round of each stands beside them.
  const best = (xs: number[]) => Math.max(...xs);
  console.log('\nformat  lindung rows/s  floor rows/s  lindung/floor per round  floor peak RSS');
  for (const [format, r] of Object.entries(results)) {
    const ratios = r.lindung.map((l, i) => (l / r.floor[i]!).toFixed(2)).join(', ');
    console.log(
      `${format.padEnd(6)}  ${String(Math.round(best(r.lindung))).padStart(14)}  ${String(Math.round(best(r.floor))).padStart(12)}  ${ratios.padStart(23)}  ${String(r.floorRss).padStart(11)} MB`,
    );
  }
  console.log(
    `lindung server peak RSS ${peakRssMb(server)} MB over the whole run (${rssAtStart} MB once listening); load average at the end ${loadAverage()}`,
  );
} finally {
  server.kill('SIGTERM');
}
