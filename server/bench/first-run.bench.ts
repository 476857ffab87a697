import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Worker } from 'node:worker_threads';
import { Command } from 'commander';
import { freePort } from '../../platform/free-port.js';

/**
 * `npm run bench:first-run [-- --scale N] [--keep]`: what a new user waits for. A clean data
 * folder, then `npm start` as a child (embedded PostgreSQL, or DATABASE_URL if set, which must
 * name an empty database); prints the time to each phase from its JSON log, the time to ready
 * and to the first published warehouse, the slowest /healthz answer and the peak memory of the
 * whole process tree (server, background process, PostgreSQL). Stops once the briefs are written.
 */
const options = new Command('bench:first-run')
  .option('--scale <n>', 'DEMO_SCALE of the seeded demo', '1')
  .option('--keep', 'keep the data folder afterwards')
  .option('--timeout <s>', 'give up after this many seconds', '1800')
  .option('--log <file>', "also write the platform's JSON log lines to this file (to study a phase afterwards)")
  .parse()
  .opts<{ scale: string; keep?: boolean; timeout: string; log?: string }>();

/** The first-run issue's budget for a /healthz answer. */
const HEALTHZ_BUDGET_MS = 100;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-first-run-'));
// The embedded PostgreSQL runs as the OS user postgres when we are root: it must reach the folder.
fs.chmodSync(dataDir, 0o755);
const [httpPort, pgPort] = [await freePort(), await freePort()];
const base = `http://127.0.0.1:${httpPort}`;
const load = os.loadavg().map((l) => l.toFixed(2));
console.log(`first-run benchmark: scale ${options.scale}, ${os.cpus().length} cores, load average ${load.join(' ')} at start`);
console.log(`data folder ${dataDir}${process.env.DATABASE_URL ? ' (database: DATABASE_URL)' : ' (embedded PostgreSQL)'}\n`);

const t0 = performance.now();
const since = () => (performance.now() - t0) / 1000;
const platform = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    LINDUNG_DATA_DIR: dataDir,
    DEMO_SCALE: options.scale,
    PORT: String(httpPort),
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});

const marks: Array<[string, number]> = [];
const mark = (name: string) => {
  marks.push([name, since()]);
  console.log(`${since().toFixed(1).padStart(7)} s  ${name}`);
};
let snapshots = 0;
let done: (why: string) => void;
const finished = new Promise<string>((resolve) => (done = resolve));
const logFile = options.log ? fs.createWriteStream(options.log) : undefined;
readline.createInterface({ input: platform.stderr! }).on('line', (line) => {
  logFile?.write(`${line}\n`);
  let entry: { msg?: string; table?: string; rows?: number; seconds?: number; level?: number };
  try {
    entry = JSON.parse(line);
  } catch {
    return;
  }
  const msg = entry.msg ?? '';
  if (marks.length === 0) mark('first log line');
  if (msg.startsWith('listening')) mark('HTTP listening (/healthz answers)');
  else if (msg === 'migrations applied') mark('migrations applied');
  else if (msg === 'seeded table')
    mark(`seeded ${entry.table}: ${entry.rows} rows in ${entry.seconds} s (${Math.round(entry.rows! / entry.seconds!)} rows/s)`);
  else if (msg === 'rebuilt keys and indexes') mark(`contribution keys and indexes rebuilt in ${entry.seconds} s`);
  else if (msg === 'demo seeded') mark('demo seeded');
  else if (msg.startsWith('lindung is ready')) mark('READY (operational data served)');
  else if (msg === 'etl: run started') snapshots++;
  else if (msg === 'etl: snapshot published' && snapshots > 0 && !marks.some(([m]) => m.startsWith('history')))
    mark(`history: ${snapshots} snapshots published`);
  else if (msg.startsWith('warehouse published')) mark('WAREHOUSE PUBLISHED (history and first live snapshot)');
  else if (msg === 'briefs written' && !marks.some(([m]) => m === 'briefs written')) mark('briefs written');
  else if (msg.startsWith('etl: nightly snapshot scheduled')) done('started');
  else if ((entry.level ?? 0) >= 50) console.log(`        error: ${msg}`);
});
platform.on('exit', (code) => done(`exited with ${code}`));

// The probe runs in a thread of its own: this thread parses the platform's log and walks /proc for
// the memory figures, and a pause here would otherwise be counted as a slow answer of the server.
const probe = new Worker(
  `const { parentPort, workerData } = require('node:worker_threads');
  setInterval(async () => {
    const started = performance.now();
    try {
      const res = await fetch(workerData.url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) parentPort.postMessage({ at: performance.timeOrigin + started, ms: performance.now() - started });
    } catch (error) {
      if (error.name === 'TimeoutError') parentPort.postMessage({ at: performance.timeOrigin + started, ms: 2000, timedOut: true });
    }
  }, 200);
  // The server's own event-loop delay (prom-client's monitorEventLoopDelay, its maximum since the last
  // scrape): tells a blocked loop from an answer that waited for a core on a busy machine.
  setInterval(async () => {
    try {
      const text = await (await fetch(workerData.metrics, { signal: AbortSignal.timeout(2000) })).text();
      const max = /^lindung_nodejs_eventloop_lag_max_seconds ([0-9.e+-]+)$/m.exec(text);
      if (max) parentPort.postMessage({ loop: true, at: Date.now(), ms: Number(max[1]) * 1000 });
    } catch {}
  }, 1000);`,
  { eval: true, workerData: { url: `${base}/healthz`, metrics: `${base}/metrics` } },
);
let slowestHealthz = 0;
let failedHealthz = 0;
/** Answers over the budget, with when they were asked (seconds from the start), to tell which phase stalls the server. */
const slowHealthz: Array<{ at: number; ms: number }> = [];
let slowestLoop = 0;
const blockedLoop: Array<{ at: number; ms: number }> = [];
probe.on('message', ({ at, ms, timedOut, loop }: { at: number; ms: number; timedOut?: boolean; loop?: boolean }) => {
  if (loop) {
    slowestLoop = Math.max(slowestLoop, ms);
    if (ms >= HEALTHZ_BUDGET_MS) blockedLoop.push({ at: (at - performance.timeOrigin - t0) / 1000, ms });
    return;
  }
  if (timedOut) failedHealthz++;
  else slowestHealthz = Math.max(slowestHealthz, ms);
  if (ms >= HEALTHZ_BUDGET_MS) slowHealthz.push({ at: (at - performance.timeOrigin - t0) / 1000, ms });
});
const peak = { total: 0, server: 0, background: 0, postgres: 0, other: 0 };
let peakAt = { ...peak, at: 0 };
const memory = setInterval(() => {
  const now = treeRss(platform.pid!);
  // The whole tree's peak with its parts at that moment and the phase it fell in: which process to look at.
  if (now.total > peak.total) peakAt = { ...now, at: since() };
  for (const key of Object.keys(peak) as Array<keyof typeof peak>) peak[key] = Math.max(peak[key], now[key]);
}, 500);
const timeout = setTimeout(() => done('timed out'), Number(options.timeout) * 1000);

const why = await finished;
await probe.terminate();
clearInterval(memory);
clearTimeout(timeout);
const at = (prefix: string) => marks.find(([m]) => m.startsWith(prefix))?.[1];
console.log(`\n${why === 'started' ? 'done' : why}. Summary (seconds from the start of the process):`);
console.log(`  first log line                 ${at('first log line')?.toFixed(1) ?? '—'}`);
console.log(`  ready (operational data)       ${at('READY')?.toFixed(1) ?? '—'}`);
console.log(`  first published warehouse      ${at('WAREHOUSE')?.toFixed(1) ?? '—'}`);
console.log(`  briefs written                 ${at('briefs')?.toFixed(1) ?? '—'}`);
console.log(`  slowest /healthz answer        ${slowestHealthz.toFixed(0)} ms (${failedHealthz} polls over 2 s)`);
const phaseAt = (seconds: number) => marks.filter(([, s]) => s <= seconds).at(-1)?.[0] ?? 'start';
for (const { at, ms } of slowHealthz)
  console.log(`    ${ms.toFixed(0).padStart(5)} ms at ${at.toFixed(1).padStart(6)} s, after "${phaseAt(at)}"`);
console.log(`  server's event loop, max delay ${slowestLoop.toFixed(0)} ms (sampled from /metrics each second)`);
for (const { at, ms } of blockedLoop)
  console.log(`    ${ms.toFixed(0).padStart(5)} ms in the second before ${at.toFixed(1).padStart(6)} s, after "${phaseAt(at)}"`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(
  `  peak RSS                       ${mib(peak.total)} for the whole tree (server ${mib(peak.server)}, background process ${mib(peak.background)}, PostgreSQL ${mib(peak.postgres)}, others such as esbuild and Chromium ${mib(peak.other)}; each a peak of its own, shared memory counted once)`,
);
console.log(
  `    the tree's peak came at ${peakAt.at.toFixed(1)} s, after "${phaseAt(peakAt.at)}": server ${mib(peakAt.server)}, background process ${mib(peakAt.background)}, PostgreSQL ${mib(peakAt.postgres)}, others ${mib(peakAt.other)}`,
);
console.log(
  `  load average at the end        ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

if (platform.exitCode === null) {
  const exited = new Promise((resolve) => platform.once('exit', resolve));
  platform.kill('SIGTERM');
  await exited;
}
if (!options.keep) fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(why === 'started' ? 0 : 1);

/**
 * Resident memory of a process tree from /proc (Linux): the server (the root), the background
 * process (its node child), PostgreSQL, and the rest (tsx's esbuild, Chromium printing the briefs). Each process's private and file-backed pages, and the
 * shared memory (PostgreSQL's shared buffers, mapped by every backend) once.
 */
function treeRss(root: number): typeof peak {
  const parent = new Map<number, number>();
  const name = new Map<number, string>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      name.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {}
  }
  const sizes = { total: 0, server: 0, background: 0, postgres: 0, other: 0 };
  let shared = 0;
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p && p !== root) p = parent.get(p);
    if (p !== root) continue;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
      const own = kb('RssAnon') + kb('RssFile');
      shared = Math.max(shared, kb('RssShmem'));
      sizes.total += own;
      if (pid === root) sizes.server += own;
      else if (name.get(pid) === 'node') sizes.background += own;
      else if (name.get(pid)?.startsWith('postgres')) sizes.postgres += own;
      else sizes.other += own;
    } catch {}
  }
  sizes.total += shared;
  sizes.postgres += shared;
  return sizes;
}
