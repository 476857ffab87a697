import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import pg from 'pg';
import { mintToken } from '../auth/tokens.js';
import { loadConfig } from '../../platform/config.js';
import { initORM, migrateUp } from '../../platform/db/orm.js';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { startStatementProxy } from './statement-proxy.js';
import {
  ask,
  benchDocuments,
  buildLindung,
  LABELS,
  type Operation,
  cpuSeconds,
  peakRssMb,
  postgresCpu,
  postgresCpuSince,
  type Sample,
  startFloor,
  startLindung,
  startPeer,
  stop,
  stopAll,
  type Target,
} from './targets.js';

/**
 * `npm run bench:api`: issue 13's reads (a), (b), (c) and the dashboard summary, at a fixed
 * concurrency on loopback, against lindung in production mode, PostGraphile 4 on the same
 * database and a bare node:http + pg floor, targets alternating within each round so a change in
 * the machine's load hits all of them alike. Prints req/s, p50, p99, the ratios to the floor and
 * to PostGraphile from this run, SQL statements per request (counted on the wire for every
 * target), the CPU each request cost the server's process and PostgreSQL (from /proc: unlike
 * req/s, not blurred by other work on the machine) and each server's peak RSS, then the hostile mix and the export of 100,000 rows
 * (bench:export). It writes nothing but the exports' export_log rows, so it can run against an
 * existing database (`--database-url`).
 */
const program = new Command('bench:api')
  .option('--scale <n>', 'demo scale: uses (creating and seeding once) the database lindung_bench_s<scale>', '1')
  .option('--database-url <url>', 'benchmark an existing, seeded database instead (read-only)')
  .option('--connections <n>', 'concurrent connections', '32')
  .option('--duration <s>', 'seconds per target and operation in each round', '10')
  .option('--rounds <n>', 'rounds (targets alternate within each)', '2')
  .option('--operations <list>', 'which reads: a, b, c, d, dashboard', 'a,b,c,d,dashboard')
  .option('--no-peer', 'leave PostGraphile out')
  .option('--peer-dir <dir>', 'where PostGraphile is installed', path.join(os.tmpdir(), 'lindung-peer-postgraphile'))
  .option('--sponsor <code>', 'sponsor whose budget the dashboard summary shows', 'PEMKAB-KUKAR')
  .option('--mix-duration <s>', 'seconds of the mixed traffic, once without and once with the hostile client (0: skip)', '15')
  .option('--hostile-connections <n>', 'connections of the hostile client during the mix', '2')
  .option('--mix-only', 'skip the comparison, run only the mix')
  .option('--no-export', 'leave out the export of 100,000 rows (npm run bench:export, run on the same database)')
  .option(
    '--from-source',
    'run lindung from its TypeScript sources under tsx (npm start) instead of the build production runs (npm run build)',
  )
  .option('--cpu-prof <dir>', "write the lindung server's CPU profile (node --cpu-prof) into this folder when it stops")
  .parse();
const opts = program.opts<{
  scale: string;
  databaseUrl?: string;
  connections: string;
  duration: string;
  rounds: string;
  operations: string;
  peer: boolean;
  peerDir: string;
  sponsor: string;
  mixDuration: string;
  hostileConnections: string;
  mixOnly?: boolean;
  cpuProf?: string;
  fromSource?: boolean;
  export: boolean;
}>();
const log = createLogger('warn');
const TODAY = '2026-11-26';
const operations = opts.operations.split(',').map((o) => o.trim()) as Operation[];
for (const op of operations) if (!(op in LABELS)) throw new Error(`--operations: unknown read ${op} (a, b, c, dashboard)`);
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function database(): Promise<string> {
  if (opts.databaseUrl) return opts.databaseUrl;
  const admin = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `lindung_bench_s${opts.scale.replace('.', '_')}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const exists = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await client.query(`create database ${name}`);
  await client.end();
  const orm = await initORM(url.toString());
  await migrateUp(orm);
  const [row] = await orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from worker');
  await orm.close();
  if (row!.n === 0) {
    console.error(`seeding ${name} at scale ${opts.scale} (today ${TODAY})…`);
    await seedDemo(url.toString(), { seed: 1, scale: Number(opts.scale), today: TODAY, log });
  }
  await vacuumOnce(url.toString());
  return url.toString();
}

/**
 * The seeded tables vacuumed once, as autovacuum would have done on a server that runs it: this
 * project's machines turn it off for speed (conf.d/90-ci.conf), which leaves every count reading
 * the heap for visibility (no index-only scans) and the seed's dead tuples in place, a cost no
 * server in service pays. Every target reads the same database, so all of them gain alike.
 */
async function vacuumOnce(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select relname from pg_stat_user_tables where relname = any($1) and last_vacuum is null and last_autovacuum is null`,
      [['worker', 'enrolment', 'claim', 'contribution', 'sponsor', 'region', 'employer', 'budget_allocation']],
    );
    for (const { relname } of rows) {
      console.error(`vacuuming ${relname} once (autovacuum is off on this server) …`);
      await client.query(`vacuum (analyze) ${client.escapeIdentifier(relname)}`);
    }
  } finally {
    await client.end();
  }
}

const url = await database();
/** The benchmarked database's name, whose PostgreSQL backends the CPU figures count. */
const databaseName = new URL(url).pathname.slice(1);
if (!opts.fromSource) buildLindung();
const db = new pg.Client({ connectionString: url });
await db.connect();
const one = async (sql: string, values: unknown[] = []) => (await db.query(sql, values)).rows[0];
const sample: Sample = {
  claimId: (await one('select id::text from claim order by id desc limit 1')).id,
  claimStatus: (await one('select status from claim group by status order by count(*) desc limit 1')).status,
  sponsorId: (await one('select id::text from sponsor where code = $1', [opts.sponsor])).id,
  kecamatan: '64.02.06',
  year: 2026,
};
const counts = await one(`select (select count(*) from worker)::int as workers, (select count(*) from claim)::int as claims,
  (select reltuples::bigint from pg_class where relname = 'contribution')::text as contributions`);
await db.end();

// Production refuses the development keys; the bench makes throwaway ones (it writes no warehouse).
const secrets = { JWT_SECRET: randomBytes(32).toString('hex'), WAREHOUSE_KEY_SECRET: randomBytes(32).toString('hex') };
const api = loadConfig({ NODE_ENV: 'production', ...secrets }).api;
const token = await mintToken(api, { role: 'operator', subject: 'bench' });
// In production lindung runs trusted documents only: the client's manifest plus the bench's own reads.
const { manifest, dashboard } = benchDocuments(JSON.parse(fs.readFileSync(api.trustedDocumentsManifest, 'utf8')));
const manifestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-bench-')), 'persisted-documents.json');
fs.writeFileSync(manifestFile, JSON.stringify(manifest));
const env = (databaseUrl: string): NodeJS.ProcessEnv => ({
  NODE_ENV: 'production',
  ...secrets,
  GRAPHQL_TRUSTED_DOCUMENTS_MANIFEST: manifestFile,
  LOG_LEVEL: 'warn',
  BENCH_DATABASE_URL: databaseUrl,
  BENCH_TODAY: TODAY,
  DB_POOL_MAX: '10',
});
const startAll = async (databaseUrl: string): Promise<Target[]> => [
  await startLindung(env(databaseUrl), token, sample, dashboard, {
    built: !opts.fromSource,
    nodeArgs: opts.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProf] : [],
  }),
  ...(opts.peer ? [await startPeer(databaseUrl, opts.peerDir, sample)] : []),
  await startFloor(env(databaseUrl), sample),
  await startFloor(env(databaseUrl), sample, true),
];

console.log(`lindung API benchmark: ${counts.workers} workers, ${counts.claims} claims, ~${counts.contributions} contributions`);
console.log(
  `database ${new URL(url).pathname.slice(1)}, ${opts.connections} connections, ${opts.rounds} × ${opts.duration} s per target and read, lindung as operator with NODE_ENV=production; load average at start ${loadAverage()}\n`,
);

try {
  if (!opts.mixOnly) await compare();
  if (Number(opts.mixDuration) > 0) await hostileMix();
  if (opts.export && !opts.mixOnly) await exportRows();
} finally {
  stopAll();
}
process.exit(0);

/** The export of 100,000 filtered rows, CSV and XLSX, against its own floor: bench:export's run, on this database, its lines printed here. */
async function exportRows(): Promise<void> {
  const script = new URL('../export/export.bench.ts', import.meta.url).pathname;
  console.error('');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--database-url', url, '--rounds', '1'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench:export exited with ${code}`))));
  });
}

/**
 * SQL statements per request, counted on the wire: a probe instance of each target talks to
 * PostgreSQL through a counting relay; after warm-up (connections, prepared statements), ten
 * requests of each read are counted. The measured instances then talk to PostgreSQL directly.
 */
async function statementsPerRequest(): Promise<Map<string, string>> {
  const proxy = await startStatementProxy(url);
  const counted = new Map<string, string>();
  try {
    for (const target of await startAll(proxy.url)) {
      for (const op of operations) {
        const body = target.body(op);
        if (!body) continue;
        for (let i = 0; i < 5; i++) await ask(target, body);
        const before = { statements: proxy.statements(), trips: proxy.roundTrips() };
        for (let i = 0; i < 10; i++) await ask(target, body);
        const per = (n: number) => (n / 10).toFixed(1).replace(/\.0$/, '');
        counted.set(`${op}|${target.name}`, `${per(proxy.statements() - before.statements)} (${per(proxy.roundTrips() - before.trips)})`);
      }
      stop(target);
    }
  } finally {
    await proxy.close();
  }
  return counted;
}

interface Figure {
  requests: number;
  p50: number;
  p99: number;
  failed: number;
  /** Requests answered in the run, and the CPU seconds the target's process and PostgreSQL spent on them. */
  answered: number;
  serverCpu: number | null;
  postgresCpu: number;
}

async function load(target: Target, body: string): Promise<Figure> {
  // A few requests first, so connections, prepared plans and JIT warm up outside the measurement.
  for (let i = 0; i < 5; i++) await ask(target, body);
  const cpuBefore = { server: cpuSeconds(target.child.pid), postgres: postgresCpu(databaseName) };
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${target.path}`,
    method: 'POST',
    headers: target.headers,
    body,
    connections: Number(opts.connections),
    duration: Number(opts.duration),
    timeout: 120,
  });
  return {
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    answered: result.requests.total,
    serverCpu: cpuBefore.server === null ? null : (cpuSeconds(target.child.pid) ?? cpuBefore.server) - cpuBefore.server,
    postgresCpu: postgresCpuSince(databaseName, cpuBefore.postgres),
  };
}

async function compare(): Promise<void> {
  const statements = await statementsPerRequest();
  const targets = await startAll(url);
  const figures = new Map<string, Figure[]>();
  for (let round = 1; round <= Number(opts.rounds); round++) {
    for (const op of operations) {
      for (const target of targets) {
        const body = target.body(op);
        if (!body) continue;
        const figure = await load(target, body);
        const key = `${op}|${target.name}`;
        figures.set(key, [...(figures.get(key) ?? []), figure]);
        console.error(
          `round ${round} ${LABELS[op]} ${target.name}: ${figure.requests.toFixed(0)} req/s, p50 ${figure.p50} ms, p99 ${figure.p99} ms`,
        );
      }
    }
  }
  const rss = new Map(targets.map((t) => [t.name, peakRssMb(t.child)]));
  const sum = (fs: Figure[], of: (f: Figure) => number) => fs.reduce((s, f) => s + of(f), 0);
  const mean = (fs: Figure[]) => ({
    requests: sum(fs, (f) => f.requests) / fs.length,
    p50: Math.max(...fs.map((f) => f.p50)),
    p99: Math.max(...fs.map((f) => f.p99)),
    failed: sum(fs, (f) => f.failed),
    serverMs: fs.some((f) => f.serverCpu === null) ? null : (1000 * sum(fs, (f) => f.serverCpu!)) / sum(fs, (f) => f.answered),
    postgresMs: (1000 * sum(fs, (f) => f.postgresCpu)) / sum(fs, (f) => f.answered),
  });
  const rows: string[][] = [];
  for (const op of operations) {
    const floor = figures.get(`${op}|node:http + pg floor`);
    const peer = figures.get(`${op}|PostGraphile 4`);
    for (const target of targets) {
      const f = figures.get(`${op}|${target.name}`);
      if (!f) continue;
      const m = mean(f);
      const vs = (other?: Figure[]) => (other ? (m.requests / mean(other).requests).toFixed(2) : '');
      rows.push([
        LABELS[op],
        target.name,
        m.requests.toFixed(0),
        String(m.p50),
        String(m.p99),
        vs(floor),
        vs(peer),
        statements.get(`${op}|${target.name}`) ?? '?',
        m.serverMs === null ? '?' : m.serverMs.toFixed(2),
        m.postgresMs.toFixed(2),
        String(m.failed),
      ]);
    }
  }
  console.log(
    table(
      [
        'read',
        'target',
        'req/s',
        'p50 ms',
        'p99 ms',
        '÷ floor',
        '÷ PostGraphile',
        'SQL/request (round trips)',
        'server CPU ms/request',
        'PostgreSQL CPU ms/request',
        'failed',
      ],
      rows,
    ),
  );
  console.log(
    `\npeak RSS: ${targets.map((t) => `${t.name} ${rss.get(t.name) ?? '?'} MB`).join(', ')}; load average at the end ${loadAverage()}`,
  );
  // Issue 13's goals, from this run's ratios.
  const ratio = (op: Operation, other: string) => {
    const a = figures.get(`${op}|lindung`);
    const b = figures.get(`${op}|${other}`);
    return a && b ? mean(a).requests / mean(b).requests : undefined;
  };
  const goal = (name: string, value: number | undefined | null, ok: (v: number) => boolean, shown: (v: number) => string) =>
    value === undefined || value === null ? `${name}: not measured` : `${name}: ${shown(value)} ${ok(value) ? 'met' : 'NOT met'}`;
  const c = figures.get('c|lindung');
  console.log(
    [
      ...(['a', 'b', 'c'] as const).map((op) =>
        goal(
          `${op} ≥ 1.5× PostGraphile`,
          ratio(op, 'PostGraphile 4'),
          (v) => v >= 1.5,
          (v) => `${v.toFixed(2)}×`,
        ),
      ),
      goal(
        'c ≥ 0.7× floor',
        ratio('c', 'node:http + pg floor'),
        (v) => v >= 0.7,
        (v) => `${v.toFixed(2)}×`,
      ),
      goal(
        'c p99 < 50 ms',
        c ? mean(c).p99 : undefined,
        (v) => v < 50,
        (v) => `${v} ms`,
      ),
      goal(
        'lindung peak RSS < 300 MB',
        rss.get('lindung'),
        (v) => v < 300,
        (v) => `${v} MB`,
      ),
    ]
      .map((line) => `- ${line}`)
      .join('\n'),
  );
  // autocannon leaves its last requests in flight: let them finish before the servers stop.
  await settle();
  for (const t of targets) stop(t);
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 3000));
}

/**
 * The hostile mix (issue 11): the four reads round-robin at `--connections`, once alone and once
 * beside an anonymous client sending the 21-doubling-fragment query and its cost-bypass variant
 * as fast as it is answered, with /healthz probed every 50 ms throughout. In production these
 * documents are not trusted ones, so they are refused before they are parsed.
 */
async function hostileMix(): Promise<void> {
  const lindung = await startLindung(env(url), token, sample, dashboard, { built: !opts.fromSource });
  const endpoint = `http://127.0.0.1:${lindung.port}/graphql`;
  const doubling = Array.from({ length: 21 }, (_, i) =>
    i < 20 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : 'fragment F20 on Query { regions { code } }',
  );
  const hostileBodies = [
    JSON.stringify({ query: `{ ...F0 }\n${doubling.join('\n')}` }),
    JSON.stringify({
      query: `{ ...F6 workers(first: 100) { edges { node { enrolments { contributions(last: 120) { amount } } } } } }\n${doubling.slice(6).join('\n')}`,
    }),
  ];
  const normal = (['a', 'b', 'c', 'dashboard'] as const).map((op) => ({
    method: 'POST' as const,
    headers: lindung.headers,
    body: lindung.body(op)!,
  }));
  for (const r of normal) await ask(lindung, r.body);
  const mixRows: string[][] = [];
  for (const hostile of [false, true]) {
    const health = probeHealth(endpoint.replace('/graphql', '/healthz'));
    const runs = [
      autocannon({
        url: endpoint,
        requests: normal,
        connections: Number(opts.connections),
        duration: Number(opts.mixDuration),
        timeout: 120,
      }),
      ...(hostile
        ? [
            autocannon({
              url: endpoint,
              requests: hostileBodies.map((body) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body })),
              connections: Number(opts.hostileConnections),
              duration: Number(opts.mixDuration),
              timeout: 120,
            }),
          ]
        : []),
    ];
    const [good, bad] = await Promise.all(runs);
    const healthz = await health.stop();
    mixRows.push([
      hostile ? `with ${opts.hostileConnections} hostile connections` : 'normal traffic alone',
      good!.requests.average.toFixed(1),
      String(good!.latency.p50),
      String(good!.latency.p99),
      String(good!.non2xx + good!.errors + good!.timeouts),
      bad ? `${bad.requests.total} (${statusSummary(bad)})` : '-',
      `${quantile(healthz, 0.5).toFixed(1)} / ${quantile(healthz, 0.99).toFixed(1)} / ${Math.max(...healthz).toFixed(1)}`,
    ]);
  }
  console.log(
    `\nhostile mix: the four reads round-robin at ${opts.connections} connections, ${opts.mixDuration} s each run; load average ${loadAverage()}\n${table(
      [
        'run',
        'normal req/s',
        'normal p50 ms',
        'normal p99 ms',
        'normal failed',
        'hostile requests (status)',
        '/healthz p50 / p99 / max ms',
      ],
      mixRows,
    )}`,
  );
  await settle();
  stop(lindung);
}

function probeHealth(url: string): { stop(): Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(url)).text();
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

function statusSummary(result: autocannon.Result): string {
  const codes = result.statusCodeStats as unknown as Record<string, { count: number }> | undefined;
  return Object.entries(codes ?? {})
    .map(([status, { count }]) => `${status}: ${count}`)
    .join(', ');
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}
