import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../etl/lock.js';
import { readManifest, WarehouseLayout, type Manifest } from '../../etl/warehouse.js';
import type { TestDatabase } from '../helpers/database.js';
import { cliArgs, cliEnv, openReader, seededDatabase, tempWarehouse } from './etl.fixture.js';

/**
 * The CLI as cron would run it, in child processes: killed with SIGKILL at random points,
 * then run again without any manual step.
 */
let db: TestDatabase;
const dirs: string[] = [];

beforeAll(async () => {
  db = await seededDatabase();
});

afterAll(async () => {
  await db?.drop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function warehouse(): string {
  const d = tempWarehouse();
  dirs.push(d);
  return d;
}

function runCli(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, cliArgs(...args), { env: cliEnv(db, dir), encoding: 'utf8', timeout: 60_000 });
}

/** What a finished warehouse holds per table and date: rows and checksum (run ids differ by design). */
function contents(manifest: Manifest): Record<string, { rows: number; checksum: string }> {
  const out: Record<string, { rows: number; checksum: string }> = {};
  for (const [table, partitions] of Object.entries(manifest.tables)) {
    for (const [date, e] of Object.entries(partitions)) out[`${table}@${date}`] = { rows: e.rows, checksum: e.checksum };
  }
  return out;
}

function hiveFiles(dir: string): string[] {
  const layout = new WarehouseLayout(dir);
  return Object.keys(readManifest(layout).tables)
    .flatMap((t) => fs.readdirSync(path.join(dir, t)).flatMap((p) => fs.readdirSync(path.join(dir, t, p)).map((f) => `${t}/${p}/${f}`)))
    .sort();
}

describe('the CLI under kill -9', () => {
  it('a run killed at random points, then re-run, ends as an uninterrupted run does', async () => {
    const reference = warehouse();
    const clean = runCli(reference, '--date', '2026-11-26', '--mode', 'live');
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/published 2026-11-26 \(live/);
    const expected = contents(readManifest(new WarehouseLayout(reference)));

    const dir = warehouse();
    let published: Record<string, { rows: number; checksum: string }> = {};
    for (const delay of [400, 900 + Math.random() * 600, 1500 + Math.random() * 1500, 2500 + Math.random() * 1500]) {
      const child = spawn(process.execPath, cliArgs('--date', '2026-11-26', '--mode', 'live'), { env: cliEnv(db, dir), stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      // Whatever the moment, the warehouse holds the previous snapshot whole, or a complete new one.
      const manifest = readManifest(new WarehouseLayout(dir));
      const now = contents(manifest);
      if (Object.keys(now).length > 0) {
        expect(now).toEqual(expected);
        const reader = await openReader(dir);
        const [r] = await reader.rows<{ n: string }>('select count(*)::varchar as n from contribution_latest');
        reader.close();
        expect(Number(r!.n)).toBe(expected['contribution@2026-11-26']!.rows);
      } else {
        expect(published).toEqual({});
      }
      published = now;
    }

    const rerun = runCli(dir, '--date', '2026-11-26', '--mode', 'live');
    expect(rerun.status, rerun.stderr).toBe(0);
    const manifest = readManifest(new WarehouseLayout(dir));
    expect(contents(manifest)).toEqual(expected);
    // No debris: the hive tree is the manifest's files, `_data` holds only published (or retired) runs.
    const referenced = new Set([
      ...Object.values(manifest.tables).flatMap((p) => Object.values(p).map((e) => e.runId)),
      ...manifest.retired.flatMap((r) => r.files.map((f) => f.split(path.sep)[1])),
    ]);
    expect(fs.readdirSync(path.join(dir, '_data')).filter((r) => !referenced.has(r))).toEqual([]);
    expect(hiveFiles(dir)).toHaveLength(Object.keys(expected).length);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-') || f.startsWith('.catalogue-') || f === '_etl.lock')).toEqual([]);

    const status = runCli(dir, '--status', '20');
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/succeeded/);
    expect(status.stdout).not.toMatch(/\brunning\b/);
    const ledger = fs.readdirSync(path.join(dir, '_ledger')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, '_ledger', f), 'utf8')));
    expect(new Set(ledger.map((r) => r.status))).toEqual(
      new Set(['succeeded', 'abandoned'].filter((s) => ledger.some((r) => r.status === s))),
    );
    expect(ledger.filter((r) => r.status === 'succeeded').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a run while another process holds the warehouse (exit 75), and runs once it is free', () => {
    const dir = warehouse();
    // This test process stands in for a run in progress: it holds the lock, and it is alive.
    const held = acquireLock(new WarehouseLayout(dir).lock, 'live 2026-11-26 (test)');
    try {
      const second = runCli(dir, '--date', '2026-11-26', '--mode', 'live');
      expect(second.status).toBe(75);
      expect(second.stderr).toMatch(new RegExp(`another ETL run is in progress \\(pid ${process.pid} `));
      expect(fs.existsSync(path.join(dir, '_published.json'))).toBe(false);
    } finally {
      held.release();
    }
    expect(runCli(dir, '--date', '2026-11-26', '--mode', 'live').status).toBe(0);
  });

  it('exits 2 on a bad date and 69 when PostgreSQL is unreachable', () => {
    const dir = warehouse();
    expect(runCli(dir, '--date', '2026-02-30').status).toBe(2);
    const env = { ...cliEnv(db, dir), DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };
    const unreachable = spawnSync(process.execPath, cliArgs(), { env, encoding: 'utf8' });
    expect(unreachable.status).toBe(69);
    expect(unreachable.stderr).toMatch(/PostgreSQL unreachable/);
  });
});
