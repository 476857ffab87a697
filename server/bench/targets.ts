import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The servers `npm run bench:api` compares, each in its own process on loopback: lindung (its
 * production configuration), PostGraphile 4 (installed on first use into a folder outside the
 * project: it brings graphql 15, so it never becomes a dependency) and the bare node:http + pg
 * floor (floor-server.ts). Each answers the same reads of the same database.
 */
export type Operation = 'a' | 'b' | 'c' | 'd' | 'dashboard';
export const LABELS: Record<Operation, string> = {
  a: '(a) 50 workers + enrolments + claims, totalCount',
  b: '(b) the same without totalCount',
  c: '(c) one claim by id + membership number',
  d: '(d) 50 claims of a status, largest amount first, totalCount',
  dashboard: 'dashboard summary (aggregate cache)',
};

/** The same data asked of each: lindung's schema and PostGraphile's generated one (issue 13). */
const WORKER_FIELDS = 'id nik fullName sex occupation sector';
const ENROLMENT_FIELDS = 'id membershipNo segment programmes status startDate endDate';
const CLAIM_FIELDS = 'id claimNo programme status claimedAmount paidAmount submittedDate';
const lindungPage = (total: boolean) =>
  `query ${total ? 'BenchPageWithTotal' : 'BenchPage'}($kec: String) { workers(first: 50, filter: { kecamatan: $kec }) { ${total ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor }
    edges { cursor node { ${WORKER_FIELDS} region { code name }
      enrolments { ${ENROLMENT_FIELDS} sponsor { id name kind } claims { ${CLAIM_FIELDS} } } } } } }`;
const peerPage = (total: boolean) =>
  `query A($kec: String) { allWorkers(first: 50, condition: { regionCode: $kec }, orderBy: PRIMARY_KEY_ASC) { ${total ? 'totalCount ' : ''}pageInfo { hasNextPage endCursor }
    edges { cursor node { ${WORKER_FIELDS} regionByRegionCode { code name }
      enrolmentsByWorkerId(orderBy: PRIMARY_KEY_ASC) { nodes { ${ENROLMENT_FIELDS} sponsorBySponsorId { id name kind }
        claimsByEnrolmentId(orderBy: PRIMARY_KEY_ASC) { nodes { ${CLAIM_FIELDS} } } } } } } } }`;
const LINDUNG_CLAIM =
  'query BenchClaim($id: ID!) { node(id: $id) { ... on Claim { id claimNo status claimedAmount enrolment { membershipNo } } } }';
const PEER_CLAIM =
  'query C($id: BigInt!) { claimById(id: $id) { id claimNo status claimedAmount enrolmentByEnrolmentId { membershipNo } } }';

/** (d): a sorted and filtered page (issue 14), in each API's own words; PostGraphile 4 without plugins filters by equality (`condition`). */
const SORTED_CLAIM_FIELDS = 'id claimNo programme status claimedAmount submittedDate';
const LINDUNG_SORTED =
  'query BenchSortedClaims($status: ClaimStatus!) { claims(first: 50, orderBy: [{ field: CLAIMED_AMOUNT, direction: DESC }], ' +
  `where: { status: { equalTo: $status } }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${SORTED_CLAIM_FIELDS} } } } }`;
const PEER_SORTED =
  'query D($status: String!) { allClaims(first: 50, orderBy: [CLAIMED_AMOUNT_DESC, PRIMARY_KEY_DESC], condition: { status: $status }) ' +
  `{ totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${SORTED_CLAIM_FIELDS} } } } }`;

export const documentId = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/** What the benchmark asks: the sampled ids and the dashboard's document (the client's own). */
export interface Sample {
  claimId: string;
  /** The claim status of the sorted page (d). */
  claimStatus: string;
  sponsorId: string;
  kecamatan: string;
  year: number;
}

export interface Target {
  name: string;
  /** Its process, for peak RSS. */
  child: ChildProcess;
  port: number;
  path: string;
  headers: Record<string, string>;
  /** The request body for an operation, or null when this target does not serve it. */
  body(op: Operation): string | null;
}

const children = new Set<ChildProcess>();
export function stopAll(): void {
  for (const c of children) c.kill('SIGTERM');
  children.clear();
}
export function stop(target: Target): void {
  target.child.kill('SIGTERM');
  children.delete(target.child);
}

/**
 * CPU seconds a process has used so far (Linux /proc/<pid>/stat: user and system time), or the
 * sum over every PostgreSQL process. Per request, CPU is the figure that a busy machine does not
 * blur: req/s falls when other work takes the cores, the CPU a request costs does not.
 */
export function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces, so read from its closing bracket): utime is the 12th, stime the 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU seconds of each PostgreSQL backend of `database` now, by pid (a backend's title names its
 * database: other databases' work on the same server, tests for one, is left out):
 * `postgresCpuSince` turns two of these into the CPU spent between them.
 */
export function postgresCpu(database: string): Map<number, number> {
  const byPid = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      if (!fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(` ${database} `)) continue;
      const seconds = cpuSeconds(Number(entry));
      if (seconds !== null) byPid.set(Number(entry), seconds);
    } catch {
      // The process ended while listed.
    }
  }
  return byPid;
}

/** PostgreSQL's CPU seconds since `before`: each process's growth, a new one's whole (a process that ended in between took its last ticks with it). */
export function postgresCpuSince(database: string, before: Map<number, number>): number {
  let spent = 0;
  for (const [pid, seconds] of postgresCpu(database)) spent += seconds - (before.get(pid) ?? 0);
  return spent;
}

/** Peak resident set size of a process so far (Linux VmHWM), in MB. */
export function peakRssMb(child: ChildProcess): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** Starts a server process and waits for it to print its port (or, given a port, for it to answer GraphQL). */
async function start(args: string[], env: NodeJS.ProcessEnv, port?: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  if (port === undefined) {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it listened`)));
    });
    return { child, port: JSON.parse(line).port };
  }
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{__typename}"}',
    })
      .then((r) => r.ok)
      .catch(() => false);
    if (up) return { child, port };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('PostGraphile did not start');
}

const json = { 'content-type': 'application/json' };
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

/** The bench's own documents (issue 13's reads), added to the client's manifest for the server under test. */
export function benchDocuments(clientManifest: Record<string, string>): { manifest: Record<string, string>; dashboard: string } {
  const dashboard = Object.values(clientManifest).find((text) => text.includes('query DashboardSummary'));
  if (!dashboard) throw new Error('the client manifest has no DashboardSummary: run npm run codegen');
  const own = [lindungPage(true), lindungPage(false), LINDUNG_CLAIM, LINDUNG_SORTED];
  return { manifest: { ...clientManifest, ...Object.fromEntries(own.map((t) => [documentId(t), t])) }, dashboard };
}

/** `npm run build` into dist/, which startLindung then runs as production does. */
export function buildLindung(): void {
  console.error('building lindung (npm run build) …');
  execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** lindung as `npm run serve` runs it in production (or from its sources as `npm start` does): trusted documents only, so every request names its document by id. */
export async function startLindung(
  env: NodeJS.ProcessEnv,
  token: string,
  sample: Sample,
  dashboard: string,
  options: { nodeArgs?: string[]; built: boolean },
): Promise<Target> {
  // Production runs the build (npm run build, npm run serve): plain node, no TypeScript loader thread.
  const entry = options.built
    ? [path.join(process.cwd(), 'dist', 'server', 'bench', 'bench-server.js')]
    : ['--import', 'tsx', new URL('./bench-server.ts', import.meta.url).pathname];
  const { child, port } = await start([...(options.nodeArgs ?? []), ...entry], env);
  const kec = { kec: sample.kecamatan };
  const bodies: Record<Operation, string> = {
    a: JSON.stringify({ documentId: documentId(lindungPage(true)), variables: kec }),
    b: JSON.stringify({ documentId: documentId(lindungPage(false)), variables: kec }),
    c: JSON.stringify({ documentId: documentId(LINDUNG_CLAIM), variables: { id: gid('Claim', sample.claimId) } }),
    d: JSON.stringify({ documentId: documentId(LINDUNG_SORTED), variables: { status: sample.claimStatus } }),
    dashboard: JSON.stringify({
      documentId: documentId(dashboard),
      variables: { sponsorId: gid('Sponsor', sample.sponsorId), year: sample.year },
    }),
  };
  return {
    name: 'lindung',
    child,
    port,
    path: '/graphql',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: (op) => bodies[op],
  };
}

/** The floor; with `rls`, as lindung_api inside the request's transaction and settings (what row-level security costs). */
export async function startFloor(env: NodeJS.ProcessEnv, sample: Sample, rls = false): Promise<Target> {
  const args = ['--import', 'tsx', new URL('./floor-server.ts', import.meta.url).pathname];
  const { child, port } = await start(args, { ...env, BENCH_FLOOR_RLS: rls ? '1' : '0' });
  return {
    name: rls ? 'floor under RLS' : 'node:http + pg floor',
    child,
    port,
    path: '/',
    headers: json,
    body: (op) =>
      op === 'dashboard'
        ? null
        : JSON.stringify({
            op,
            variables: op === 'c' ? { id: sample.claimId } : op === 'd' ? { status: sample.claimStatus } : { kec: sample.kecamatan },
          }),
  };
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

export async function startPeer(databaseUrl: string, peerDir: string, sample: Sample): Promise<Target> {
  const peerPort = 20000 + Math.floor(Math.random() * 20000);
  const args = [installPeer(peerDir), '-c', databaseUrl, '--host', '127.0.0.1', '--port', String(peerPort), '--disable-query-log'];
  const { child, port } = await start([...args, '--max-pool-size', '10'], { NODE_ENV: 'production' }, peerPort);
  const page = (total: boolean) => JSON.stringify({ query: peerPage(total), variables: { kec: sample.kecamatan } });
  return {
    name: 'PostGraphile 4',
    child,
    port,
    path: '/graphql',
    headers: json,
    body: (op) => {
      if (op === 'dashboard') return null;
      if (op === 'c') return JSON.stringify({ query: PEER_CLAIM, variables: { id: sample.claimId } });
      if (op === 'd') return JSON.stringify({ query: PEER_SORTED, variables: { status: sample.claimStatus } });
      return page(op === 'a');
    },
  };
}

/** One request; throws when the answer carries errors, so no figure is ever of a failing operation. */
export async function ask(target: Target, body: string): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${target.port}${target.path}`, { method: 'POST', headers: target.headers, body });
  const text = await res.text();
  const answer = JSON.parse(text) as { errors?: unknown; data?: unknown };
  if (!res.ok || answer.errors) throw new Error(`${target.name}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return answer.data;
}
