import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { Command } from 'commander';
import pg from 'pg';
import { createServer } from '../app.js';
import { mintToken } from '../auth/tokens.js';
import { loadConfig } from '../../platform/config.js';
import { initORM, migrateUp } from '../../platform/db/orm.js';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';

/**
 * `npm run bench:api -- --scale 1`: autocannon on loopback against the demo data at a fixed
 * concurrency, for the three operations frontends run most: a page of 50 workers with nested
 * enrolments and claims, one claim by id, and the dashboard summary. Queries only, so it can
 * run read-only against an existing database (`--database-url`).
 */
const program = new Command('bench:api')
  .option('--scale <n>', 'demo scale: uses (creating and seeding once) the database lindung_bench_s<scale>', '1')
  .option('--database-url <url>', 'benchmark an existing, seeded database instead (read-only)')
  .option('--connections <n>', 'concurrent connections', '10')
  .option('--duration <s>', 'seconds per operation', '15')
  .option('--sponsor <code>', 'sponsor whose budget the dashboard summary shows', 'PEMKAB-KUKAR')
  .option('--mix-duration <s>', 'seconds of the mixed traffic, once without and once with the hostile client (0: skip)', '15')
  .option('--hostile-connections <n>', 'connections of the hostile client during the mix', '2')
  .option('--mix-only', 'skip the per-operation table, run only the mix')
  .parse();
const opts = program.opts<{
  scale: string;
  databaseUrl?: string;
  connections: string;
  duration: string;
  sponsor: string;
  mixDuration: string;
  hostileConnections: string;
  mixOnly?: boolean;
}>();
const log = createLogger('warn');
const TODAY = '2026-11-26';

const workers = fs.readFileSync(new URL('../../client/operations/workers.graphql', import.meta.url), 'utf8');
const OPERATIONS: Record<string, string> = {
  'workers page (50, nested enrolments + claims)': workers,
  'same, next page (no totalCount)': workers,
  'claim by id (node)': fs.readFileSync(new URL('../../client/operations/claims.graphql', import.meta.url), 'utf8'),
  'dashboard summary': fs.readFileSync(new URL('../../client/operations/dashboard.graphql', import.meta.url), 'utf8'),
};

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
  return url.toString();
}

const url = await database();
const db = new pg.Client({ connectionString: url });
await db.connect();
const sample = async (sql: string) => (await db.query(sql)).rows[0];
const sponsor = await sample(`select id, name from sponsor where code = '${opts.sponsor.replace(/'/g, "''")}'`);
const claim = await sample(`select id from claim order by id desc limit 1`);
const kecamatan = '64.02.06';
const counts = await sample(`select (select count(*) from worker)::int as workers, (select count(*) from claim)::int as claims,
  (select reltuples::bigint from pg_class where relname = 'contribution')::text as contributions`);
await db.end();
const gid = (type: string, id: string | number) => Buffer.from(`${type}:${id}`).toString('base64url');

const variables: Record<string, { operationName: string; variables: Record<string, unknown> }> = {
  'workers page (50, nested enrolments + claims)': { operationName: 'WorkersPage', variables: { first: 50, filter: { kecamatan } } },
  'same, next page (no totalCount)': {
    operationName: 'WorkersPage',
    variables: { first: 50, filter: { kecamatan }, withTotal: false, after: 'WzUwMDBd' },
  },
  'claim by id (node)': { operationName: 'ClaimById', variables: { id: gid('Claim', claim.id) } },
  'dashboard summary': { operationName: 'DashboardSummary', variables: { sponsorId: gid('Sponsor', sponsor.id), year: 2026 } },
};

// Probe first, in this process with statement counting on: checks every answer, reads SQL statements per request.
const jwtSecret = randomBytes(32).toString('hex');
// Production refuses the development keys; the bench makes throwaway ones (it writes no warehouse).
const warehouseKey = randomBytes(32).toString('hex');
const api = { ...loadConfig({ NODE_ENV: 'production', JWT_SECRET: jwtSecret, WAREHOUSE_KEY_SECRET: warehouseKey }).api };
const token = await mintToken(api, { role: 'operator', subject: 'bench' });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
const bodies = Object.fromEntries(
  Object.entries(OPERATIONS).map(([label, query]) => [label, JSON.stringify({ query, ...variables[label] })]),
);
const statements: Record<string, string> = {};
{
  const orm = await initORM(url, { pool: { min: 0, max: 4 } });
  const probe = await createServer({ orm, log, api, today: () => TODAY, exposeStatementCount: true });
  const http = await probe.listen(0, '127.0.0.1');
  for (const [label, body] of Object.entries(bodies)) {
    const res = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`, { method: 'POST', headers, body });
    const json = (await res.json()) as { errors?: unknown[] };
    if (json.errors) throw new Error(`${label}: ${JSON.stringify(json.errors)}`);
    statements[label] = res.headers.get('x-sql-statements') ?? '?';
  }
  await probe.stop(100);
  await orm.close();
}

// The load runs against a production-mode server in its own process (no statement counting, graphql's production mode).
const child = spawn(process.execPath, ['--import', 'tsx', new URL('./bench-server.ts', import.meta.url).pathname], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    WAREHOUSE_KEY_SECRET: warehouseKey,
    LOG_LEVEL: 'warn',
    BENCH_DATABASE_URL: url,
    BENCH_TODAY: TODAY,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const { port } = JSON.parse(await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve)));
const endpoint = `http://127.0.0.1:${port}/graphql`;

console.log(`lindung API benchmark: ${counts.workers} workers, ${counts.claims} claims, ~${counts.contributions} contributions`);
console.log(
  `database ${new URL(url).pathname.slice(1)}, ${opts.connections} connections, ${opts.duration} s per operation, role operator, NODE_ENV=production\n`,
);
const rows: string[][] = [];
for (const [label, body] of opts.mixOnly ? [] : Object.entries(bodies)) {
  // A few requests first, so connections, prepared plans and JIT warm up outside the measurement.
  for (let i = 0; i < 5; i++) await (await fetch(endpoint, { method: 'POST', headers, body })).text();
  const result = await autocannon({
    url: endpoint,
    method: 'POST',
    headers,
    body,
    connections: Number(opts.connections),
    duration: Number(opts.duration),
    timeout: 120,
  });
  rows.push([
    label,
    result.requests.average.toFixed(1),
    String(result.latency.p50),
    String(result.latency.p99),
    statements[label]!,
    String(result.non2xx + result.errors + result.timeouts),
  ]);
}
if (rows.length > 0) console.log(table(['operation', 'req/s', 'p50 ms', 'p99 ms', 'SQL/request', 'failed'], rows));

/**
 * The hostile mix (issue 11): the four operations round-robin at `--connections`, once alone and
 * once beside an anonymous client sending the 21-doubling-fragment query and its cost-bypass
 * variant as fast as it is answered, with /healthz probed every 50 ms throughout.
 */
if (Number(opts.mixDuration) > 0) {
  const doubling = Array.from({ length: 21 }, (_, i) =>
    i < 20 ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }` : 'fragment F20 on Query { regions { code } }',
  );
  const hostileBodies = [
    JSON.stringify({ query: `{ ...F0 }\n${doubling.join('\n')}` }),
    JSON.stringify({
      query: `{ ...F6 workers(first: 100) { edges { node { enrolments { contributions(last: 120) { amount } } } } } }\n${doubling.slice(6).join('\n')}`,
    }),
  ];
  const normal = Object.values(bodies).map((body) => ({ method: 'POST' as const, headers, body }));
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
    `\nhostile mix: the four operations round-robin at ${opts.connections} connections, ${opts.mixDuration} s each run\n${table(
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
}
child.kill('SIGTERM');

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
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}
