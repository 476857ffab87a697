import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { Command } from 'commander';
import pg from 'pg';
import { loadConfig } from '../../platform/config.js';
import { mintToken } from '../auth/tokens.js';

/**
 * `npm run bench:peer`: lindung against PostGraphile 4 and a bare node:http + pg floor, on the
 * same database, the same three reads (issue 13), alternating targets round by round so a
 * change in the machine's load hits all of them alike. PostGraphile is installed into a
 * temporary folder from the npm registry on first use (it brings graphql 15, so it never goes
 * into lindung's dependencies). Every figure printed is a ratio measured in this run.
 */
const program = new Command('bench:peer')
  .option('--database-url <url>', 'a seeded database (default: the one `npm run bench:api -- --scale 1` creates)')
  .option('--connections <n>', 'concurrent connections', '32')
  .option('--duration <s>', 'seconds per target and operation in each round', '10')
  .option('--rounds <n>', 'rounds (targets alternate within each)', '2')
  .option('--peer-dir <dir>', 'where PostGraphile is installed', path.join(os.tmpdir(), 'lindung-peer-postgraphile'))
  .parse();
const opts = program.opts<{ databaseUrl?: string; connections: string; duration: string; rounds: string; peerDir: string }>();
const url = opts.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/lindung_bench_s1';

/** The same data asked of each: lindung's schema and PostGraphile's generated one. */
const WORKER_FIELDS = 'id nik fullName sex occupation sector';
const ENROLMENT_FIELDS = 'id membershipNo segment programmes status startDate endDate';
const CLAIM_FIELDS = 'id claimNo programme status claimedAmount paidAmount submittedDate';
const lindungPage = (total: boolean) =>
  `query A($kec: String) { workers(first: 50, filter: { kecamatan: $kec }) { ${total ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor }
    edges { cursor node { ${WORKER_FIELDS} region { code name }
      enrolments { ${ENROLMENT_FIELDS} sponsor { id name kind } claims { ${CLAIM_FIELDS} } } } } } }`;
const peerPage = (total: boolean) =>
  `query A($kec: String) { allWorkers(first: 50, condition: { regionCode: $kec }, orderBy: PRIMARY_KEY_ASC) { ${total ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor }
    edges { cursor node { ${WORKER_FIELDS} regionByRegionCode { code name }
      enrolmentsByWorkerId(orderBy: PRIMARY_KEY_ASC) { nodes { ${ENROLMENT_FIELDS} sponsorBySponsorId { id name kind }
        claimsByEnrolmentId(orderBy: PRIMARY_KEY_ASC) { nodes { ${CLAIM_FIELDS} } } } } } } } }`;
const LINDUNG_CLAIM = 'query C($id: ID!) { node(id: $id) { ... on Claim { id claimNo status claimedAmount enrolment { membershipNo } } } }';
const PEER_CLAIM =
  'query C($id: BigInt!) { claimById(id: $id) { id claimNo status claimedAmount enrolmentByEnrolmentId { membershipNo } } }';

interface Target {
  name: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  body(op: Operation): string | null;
}
type Operation = 'a' | 'b' | 'c';
const LABELS: Record<Operation, string> = {
  a: '(a) 50 workers + enrolments + claims, totalCount',
  b: '(b) the same without totalCount',
  c: '(c) one claim by id + membership number',
};

async function sample(): Promise<{ claimId: string; kecamatan: string }> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const claim = await db.query('select id::text from claim order by id desc limit 1');
  await db.end();
  if (!claim.rows[0]) throw new Error(`${url} holds no claims: seed it first (npm run bench:api -- --scale 1 creates and seeds one)`);
  return { claimId: claim.rows[0].id, kecamatan: '64.02.06' };
}

function installPeer(dir: string): string {
  const bin = path.join(dir, 'node_modules', 'postgraphile', 'cli.js');
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"lindung-peer","private":true}');
    console.error(`installing postgraphile@4.14.1 into ${dir} …`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', 'postgraphile@4.14.1'], { cwd: dir, stdio: 'inherit' });
  }
  return bin;
}

const children: ChildProcess[] = [];
/** Starts a server process and waits for it to print its port (or, for PostGraphile, for it to answer). */
async function start(args: string[], env: NodeJS.ProcessEnv, port?: number): Promise<number> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  if (port === undefined) {
    return JSON.parse(await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))).port;
  }
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{__typename}"}',
    })
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return port;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('PostGraphile did not start');
}

async function targets(): Promise<Target[]> {
  const { claimId, kecamatan } = await sample();
  const jwtSecret = randomBytes(32).toString('hex');
  const api = loadConfig({ NODE_ENV: 'production', JWT_SECRET: jwtSecret, WAREHOUSE_KEY_SECRET: randomBytes(32).toString('hex') }).api;
  const token = await mintToken(api, { role: 'operator', subject: 'bench' });
  const env = {
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    WAREHOUSE_KEY_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    BENCH_DATABASE_URL: url,
    DB_POOL_MAX: '10',
  };
  const json = { 'content-type': 'application/json' };
  const gid = Buffer.from(`Claim:${claimId}`).toString('base64url');
  const lindungPort = await start(['--import', 'tsx', new URL('./bench-server.ts', import.meta.url).pathname], env);
  const floorPort = await start(['--import', 'tsx', new URL('./floor-server.ts', import.meta.url).pathname], env);
  const peerPort = 20000 + Math.floor(Math.random() * 20000);
  const peerArgs = [
    installPeer(opts.peerDir),
    '-c',
    url,
    '--host',
    '127.0.0.1',
    '--port',
    String(peerPort),
    '--disable-query-log',
    '--max-pool-size',
    '10',
  ];
  await start(peerArgs, { NODE_ENV: 'production' }, peerPort);
  const page = (query: string) => JSON.stringify({ query, variables: { kec: kecamatan } });
  return [
    {
      name: 'lindung',
      port: lindungPort,
      path: '/graphql',
      headers: { ...json, authorization: `Bearer ${token}` },
      body: (op) => (op === 'c' ? JSON.stringify({ query: LINDUNG_CLAIM, variables: { id: gid } }) : page(lindungPage(op === 'a'))),
    },
    {
      name: 'PostGraphile 4',
      port: peerPort,
      path: '/graphql',
      headers: json,
      body: (op) => (op === 'c' ? JSON.stringify({ query: PEER_CLAIM, variables: { id: claimId } }) : page(peerPage(op === 'a'))),
    },
    {
      name: 'node:http + pg floor',
      port: floorPort,
      path: '/',
      headers: json,
      body: (op) => (op === 'c' ? JSON.stringify({ variables: { id: claimId } }) : null),
    },
  ];
}

interface Figure {
  requests: number;
  p50: number;
  p99: number;
}

async function load(target: Target, body: string): Promise<Figure> {
  const probe = await fetch(`http://127.0.0.1:${target.port}${target.path}`, { method: 'POST', headers: target.headers, body });
  const answer = (await probe.json()) as { errors?: unknown };
  if (answer.errors) throw new Error(`${target.name}: ${JSON.stringify(answer.errors)}`);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${target.path}`,
    method: 'POST',
    headers: target.headers,
    body,
    connections: Number(opts.connections),
    duration: Number(opts.duration),
  });
  return { requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const list = await targets();
const figures = new Map<string, Figure[]>();
try {
  for (let round = 1; round <= Number(opts.rounds); round++) {
    for (const op of ['a', 'b', 'c'] as const) {
      for (const target of list) {
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
} finally {
  for (const c of children) c.kill('SIGTERM');
}

const mean = (fs: Figure[]) => ({
  requests: fs.reduce((s, f) => s + f.requests, 0) / fs.length,
  p50: Math.max(...fs.map((f) => f.p50)),
  p99: Math.max(...fs.map((f) => f.p99)),
});
console.log(
  `\n${opts.connections} connections, ${opts.rounds} × ${opts.duration} s per target, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('| operation | target | req/s | p50 ms | p99 ms | ÷ PostGraphile | ÷ floor |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const op of ['a', 'b', 'c'] as const) {
  const peer = figures.get(`${op}|PostGraphile 4`);
  const floor = figures.get(`${op}|node:http + pg floor`);
  for (const target of list) {
    const f = figures.get(`${op}|${target.name}`);
    if (!f) continue;
    const m = mean(f);
    const vs = (other?: Figure[]) => (other ? (m.requests / mean(other).requests).toFixed(2) : '');
    console.log(`| ${LABELS[op]} | ${target.name} | ${m.requests.toFixed(0)} | ${m.p50} | ${m.p99} | ${vs(peer)} | ${vs(floor)} |`);
  }
}
process.exit(0);
