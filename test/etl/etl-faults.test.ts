import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceUnavailableError } from '../../etl/errors.js';
import { TABLES } from '../../etl/tables.js';
import { readManifest, WarehouseLayout, type Manifest } from '../../etl/warehouse.js';
import type { TestDatabase } from '../helpers/database.js';
import { cliArgs, cliEnv, etlService, openReader, seededDatabase, tempWarehouse } from './etl.fixture.js';

/**
 * The ETL when its parts fail under it: PostgreSQL drops the connection mid-COPY (the backend
 * terminated from a second connection, as a restart or a DBA would), or the run is told to stop.
 * Each run must end with its documented exit code, one line on stderr, the lock released, the
 * ledger saying what happened, no pipe or spill folder left, and the last good snapshot whole.
 */
const DATE = '2026-11-26';
let db: TestDatabase;
let dir: string;
let baseline: Manifest;
const dirs: string[] = [];

beforeAll(async () => {
  db = await seededDatabase();
  dir = tempWarehouse();
  dirs.push(dir);
  await etlService(db, dir).snapshot(DATE, 'live');
  baseline = readManifest(new WarehouseLayout(dir));
});

afterAll(async () => {
  await db?.drop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function startCli(warehouseDir: string): { child: ChildProcess; exited: Promise<{ code: number | null; stderr: string; at: number }> } {
  const child = spawn(process.execPath, cliArgs('--date', DATE, '--mode', 'live'), {
    env: cliEnv(db, warehouseDir),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stderr: string; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stderr, at: Date.now() })),
  );
  return { child, exited };
}

/** Polls until `probe` answers something truthy; fails the test after `ms`. */
async function waitFor<T>(what: string, probe: () => Promise<T> | T, ms = 30_000): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The ETL's backend while it streams `table` out with COPY. */
async function copyBackend(table: string, date?: string): Promise<number | null> {
  const { rows } = await db.pool.query<{ pid: number }>(
    `select pid from pg_stat_activity
     where datname = current_database() and application_name = 'lindung-etl' and state = 'active' and query like $1`,
    [`copy (%from ${table}%${date ? `date '${date}'%` : ''}`],
  );
  return rows[0]?.pid ?? null;
}

function walk(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(root, e.name);
    return e.isDirectory() ? [p, ...walk(p)] : [p];
  });
}

function ledger(warehouseDir: string): Array<{ run_id: string; status: string; error: string | null; started_at: string }> {
  const folder = path.join(warehouseDir, '_ledger');
  return fs
    .readdirSync(folder)
    .map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')))
    .sort((a, b) => a.started_at.localeCompare(b.started_at));
}

/** What must hold after any failed or stopped run: the previous snapshot exactly, and no debris. */
async function expectLastGoodSnapshotWhole(warehouseDir: string, expected: Manifest): Promise<void> {
  const manifest = readManifest(new WarehouseLayout(warehouseDir));
  expect(manifest.tables).toEqual(expected.tables);
  const files = walk(warehouseDir);
  expect(files.filter((f) => f.endsWith('.pipe') || /spill|_tmp|\.catalogue-|\.tmp-|\.draft$/.test(path.basename(f)))).toEqual([]);
  expect(fs.existsSync(path.join(warehouseDir, '_etl.lock'))).toBe(false);
  const runs = new Set(Object.values(manifest.tables).flatMap((p) => Object.values(p).map((e) => e.runId)));
  expect(fs.readdirSync(path.join(warehouseDir, '_data')).filter((r) => !runs.has(r))).toEqual([]);
  // Readable as an analyst reads it, with the checksums the publish recorded.
  const reader = await openReader(warehouseDir);
  try {
    for (const spec of TABLES) {
      const [row] = await reader.rows<{ n: string; checksum: string }>(
        `select count(*)::varchar as n, coalesce(sum(hash(${spec.columns.map((c) => c.name).join(', ')})), 0)::varchar as checksum
         from ${spec.name}_latest`,
      );
      const entry = manifest.tables[spec.name]![DATE]!;
      expect({ table: spec.name, ...row }).toEqual({ table: spec.name, n: String(entry.rows), checksum: entry.checksum });
    }
  } finally {
    reader.close();
  }
}

function copyWarehouse(): string {
  const copy = tempWarehouse();
  dirs.push(copy);
  // Hard links would share the published files with `dir`; a real copy keeps each test on its own.
  execFileSync('cp', ['-a', `${dir}/.`, copy]);
  return copy;
}

describe('PostgreSQL dies mid-extract', () => {
  it('a backend terminated during COPY ends the run with exit 69 and one line, the lock released and the ledger marked failed', async () => {
    const warehouseDir = copyWarehouse();
    const { exited } = startCli(warehouseDir);
    const pid = await waitFor('the COPY of contribution', () => copyBackend('contribution'));
    const { rows } = await db.pool.query<{ done: boolean }>('select pg_terminate_backend($1) as done', [pid]);
    expect(rows[0]!.done).toBe(true);
    const { code, stderr } = await exited;

    expect(code, stderr).toBe(69);
    expect(stderr).toMatch(/^etl: PostgreSQL connection lost during the extract: .*; nothing was published, retry later$/m);
    expect(stderr).not.toMatch(/^\s+at /m);
    const runs = ledger(warehouseDir);
    expect(runs.at(-1)).toMatchObject({ status: 'failed', error: expect.stringMatching(/PostgreSQL connection lost during the extract/) });
    expect(runs.filter((r) => r.status === 'running')).toEqual([]);
    await expectLastGoodSnapshotWhole(warehouseDir, baseline);

    // No stale lock, no 75: the next run simply works.
    const again = spawnSync(process.execPath, cliArgs('--date', DATE, '--mode', 'live'), {
      env: cliEnv(db, warehouseDir),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(again.status, again.stderr).toBe(0);
  });

  it('a server that accepts the connection but never answers is exit 69 after the connect timeout, not a hang', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const warehouseDir = copyWarehouse();
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const etl = etlService(db, warehouseDir, { databaseUrl: `postgres://postgres@127.0.0.1:${port}/lindung`, connectTimeoutMs: 300 });
      await expect(etl.snapshot(DATE, 'live')).rejects.toThrow(SourceUnavailableError);
      expect(ledger(warehouseDir).at(-1)).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/PostgreSQL unreachable: .*timeout/),
      });
      await expectLastGoodSnapshotWhole(warehouseDir, baseline);
    } finally {
      silent.close();
    }
  });
  it('a server frozen mid-COPY, with nobody to send SIGTERM, is taken as hung after the silence timeout (SourceUnavailableError: exit 69 from the CLI), not a hang', async (test) => {
    const warehouseDir = copyWarehouse();
    const etl = etlService(db, warehouseDir, { silenceTimeoutMs: 1000 });
    const run = etl.snapshot(DATE, 'live');
    const settled = run.then(
      () => null,
      (error: Error) => error,
    );
    const backend = await waitFor('the COPY of contribution', () => copyBackend('contribution'));
    try {
      process.kill(backend, 'SIGSTOP');
    } catch {
      etl.stop('SIGTERM');
      await settled;
      test.skip();
    }
    let error: Error | null;
    try {
      error = await settled;
    } finally {
      process.kill(backend, 'SIGCONT');
    }
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect(error!.message).toMatch(/^PostgreSQL sent nothing for 1 s during the extract: taken as hung$/);
    expect(ledger(warehouseDir).at(-1)).toMatchObject({ status: 'failed', error: expect.stringMatching(/taken as hung/) });
    await expectLastGoodSnapshotWhole(warehouseDir, baseline);
  });
});

describe('a backfill when PostgreSQL dies', () => {
  it('fails every date of it, the ones already loaded included, and publishes none', async () => {
    const warehouseDir = copyWarehouse();
    const dates = ['2023-11-30', '2023-12-31'];
    const run = etlService(db, warehouseDir).backfill(dates);
    const settled = run.then(
      () => null,
      (error: Error) => error,
    );
    // The second date's COPY: the first date is loaded and verified by then, waiting for the common publish.
    const pid = await waitFor('the COPY of the second date', () => copyBackend('contribution', dates[1]));
    await db.pool.query('select pg_terminate_backend($1)', [pid]);
    const error = await settled;

    expect(error).toBeInstanceOf(SourceUnavailableError);
    const runs = ledger(warehouseDir).filter((r) => r.status !== 'succeeded');
    expect(runs.map((r) => [r.status, r.error])).toEqual([
      ['failed', expect.stringMatching(/^not published: another date of the same backfill failed \(PostgreSQL connection lost/)],
      ['failed', expect.stringMatching(/^PostgreSQL connection lost during the extract/)],
    ]);
    await expectLastGoodSnapshotWhole(warehouseDir, baseline);
  });
});

describe('SIGTERM and SIGINT', () => {
  it('SIGTERM during the extract stops the run within seconds: exit 143, COPY cut, lock released, ledger marked', async () => {
    const warehouseDir = copyWarehouse();
    const { child, exited } = startCli(warehouseDir);
    await waitFor('the COPY of contribution', () => copyBackend('contribution'));
    const sent = Date.now();
    child.kill('SIGTERM');
    const { code, stderr, at } = await exited;

    expect(code, stderr).toBe(143);
    expect(at - sent).toBeLessThan(5000);
    expect(stderr).toMatch(/^etl: stopped by SIGTERM before publishing; nothing of this run was published$/m);
    expect(ledger(warehouseDir).at(-1)).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped by SIGTERM/) });
    // The backend went with it: PostgreSQL is not left streaming to no one.
    await waitFor('the backend to go', async () => (await copyBackend('contribution')) === null, 5000);
    await expectLastGoodSnapshotWhole(warehouseDir, baseline);
  });

  it('a server frozen mid-COPY (its backend stopped) does not hold the run: SIGTERM stops it within seconds', async (test) => {
    const warehouseDir = copyWarehouse();
    const { child, exited } = startCli(warehouseDir);
    const backend = await waitFor('the COPY of contribution', () => copyBackend('contribution'));
    try {
      // A hung server rather than a dead one: the socket stays open and no byte comes. Needs the
      // right to signal PostgreSQL's processes (root on the project's machines).
      process.kill(backend, 'SIGSTOP');
    } catch {
      child.kill('SIGKILL');
      await exited;
      test.skip();
    }
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(child.exitCode).toBe(null);
      const sent = Date.now();
      child.kill('SIGTERM');
      const { code, stderr, at } = await exited;
      expect(code, stderr).toBe(143);
      expect(at - sent).toBeLessThan(5000);
    } finally {
      process.kill(backend, 'SIGCONT');
    }
    expect(ledger(warehouseDir).at(-1)).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped by SIGTERM/) });
    await expectLastGoodSnapshotWhole(warehouseDir, baseline);
  });

  it('SIGINT during the catalogue build interrupts DuckDB and leaves no catalogue, WAL or spill folder: exit 130', async () => {
    const warehouseDir = copyWarehouse();
    const { child, exited } = startCli(warehouseDir);
    let ended: string | undefined;
    void exited.then((e) => (ended = `the run ended first (${e.code}): ${e.stderr}`));
    await waitFor('the catalogue build', () => {
      if (ended) throw new Error(ended);
      return fs.readdirSync(warehouseDir).some((f) => f.startsWith('.catalogue-'));
    });
    const sent = Date.now();
    child.kill('SIGINT');
    const { code, stderr, at } = await exited;

    expect(code, stderr).toBe(130);
    // A materialising mart stops at DuckDB's next interrupt check: slower than a cut COPY on a busy machine.
    expect(at - sent).toBeLessThan(8000);
    expect(ledger(warehouseDir).at(-1)).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped by SIGINT/) });
    await expectLastGoodSnapshotWhole(warehouseDir, baseline);
  });
});

describe('recovery after kill -9', () => {
  it("removes what a killed run left: its folder with the pipe and DuckDB's spill, and a half-built catalogue's spill folder", () => {
    const warehouseDir = copyWarehouse();
    const dead = spawnSync('true').pid!;
    const tmp = path.join(warehouseDir, '_data', `20261201T000000Z-${dead}-dead`, '_tmp');
    fs.mkdirSync(path.join(tmp, 'spill'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'spill', 'duckdb_temp_block-0.block'), 'x'.repeat(4096));
    execFileSync('mkfifo', [path.join(tmp, 'copy.csv.pipe')]);
    const catalogue = path.join(warehouseDir, `.catalogue-20261201T000000Z-${dead}-dead-${dead}.duckdb`);
    fs.mkdirSync(`${catalogue}.spill`);
    fs.writeFileSync(path.join(`${catalogue}.spill`, 'duckdb_temp_block-0.block'), 'x'.repeat(4096));
    fs.writeFileSync(catalogue, '');
    fs.writeFileSync(`${catalogue}.wal`, '');

    const recover = spawnSync(process.execPath, cliArgs('--recover'), { env: cliEnv(db, warehouseDir), encoding: 'utf8', timeout: 60_000 });
    expect(recover.status, recover.stderr).toBe(0);
    return expectLastGoodSnapshotWhole(warehouseDir, baseline);
  });
});
