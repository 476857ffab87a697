import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEnds } from '../../platform/dates.js';
import { ensureWarehouse } from '../../etl/first-run.js';
import { startEtlScheduler } from '../../etl/scheduler.js';
import { Ledger } from '../../etl/ledger.js';
import { publishedDates, readManifest, WarehouseLayout } from '../../etl/warehouse.js';
import { loadConfig } from '../../platform/config.js';
import type { TestDatabase } from '../helpers/database.js';
import { cliArgs, log, openReader, SECRET, seededDatabase, tempWarehouse } from './etl.fixture.js';

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await seededDatabase();
  dir = tempWarehouse();
});

afterAll(async () => {
  await db?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const config = () =>
  loadConfig({ DATABASE_URL: db.url, LINDUNG_WAREHOUSE_DIR: dir, WAREHOUSE_KEY_SECRET: SECRET, ETL_CRON: '* * * * * *' });

describe('the platform start on an empty warehouse', () => {
  it('loads the month-end history of 2022 and 2023 and a first snapshot, once', { timeout: 180_000 }, async () => {
    expect(await ensureWarehouse(config(), db.url, log)).toBe('loaded');
    const dates = publishedDates(readManifest(new WarehouseLayout(dir)));
    expect(dates.slice(0, 24)).toEqual(monthEnds('2022-01', '2023-12'));
    expect(dates).toHaveLength(25);
    expect(await ensureWarehouse(config(), db.url, log)).toBe('present');

    const reader = await openReader(dir);
    try {
      // A trend an analyst would draw: regency-sponsored active memberships at each month-end.
      const trend = await reader.rows<{ d: string; active: string }>(`
        select e.snapshot_date::varchar as d, count(*)::varchar as active
        from enrolment e join sponsor s on s.id = e.sponsor_id and s.snapshot_date = e.snapshot_date
        where s.kind = 'REGENCY_BUDGET' and e.status = 'ACTIVE' and e.snapshot_date between '2022-01-31' and '2023-12-31'
        group by 1 order by 1`);
      expect(trend).toHaveLength(24);
      const byDate = Object.fromEntries(trend.map((t) => [t.d, Number(t.active)]));
      expect(byDate['2023-06-30']!).toBeGreaterThan(byDate['2022-06-30']!);
      const { rows } = await db.pool.query(`select count(*)::int as n from enrolment e join sponsor s on s.id = e.sponsor_id
        where s.kind = 'REGENCY_BUDGET' and e.start_date <= '2023-06-30' and coalesce(e.end_date, 'infinity') >= '2023-06-30'`);
      expect(byDate['2023-06-30']).toBe(rows[0].n);
    } finally {
      reader.close();
    }
  });

  it("--status shows each history run's own time, not the time until the backfill's common publish", () => {
    const runs = new Ledger(new WarehouseLayout(dir)).all().filter((r) => r.mode === 'history' && r.status === 'succeeded');
    expect(runs).toHaveLength(24);
    const status = spawnSync(process.execPath, cliArgs('--status', '30'), {
      env: { ...process.env, LINDUNG_WAREHOUSE_DIR: dir, WAREHOUSE_KEY_SECRET: SECRET },
      encoding: 'utf8',
    });
    expect(status.status, status.stderr).toBe(0);
    const seconds = new Map(
      status.stdout
        .split('\n')
        .slice(1)
        .map((line) => line.split(/\s{2,}/))
        .map((cells) => [cells[0], Number(cells[5])]),
    );
    const live = new Ledger(new WarehouseLayout(dir)).all().filter((r) => r.mode === 'live' && r.status === 'succeeded');
    for (const r of [...runs, live[0]!]) {
      // Two dates load at a time (two connections on one snapshot), never more; all publish once, at the end.
      const loading = [...runs, live[0]!].filter((o) => o.started_at <= r.started_at && o.loaded_at! > r.started_at);
      expect(loading.length, r.snapshot_date).toBeLessThanOrEqual(2);
      expect(r.loaded_at! <= r.finished_at!).toBe(true);
      expect(seconds.get(r.run_id)).toBe(Number(((Date.parse(r.loaded_at!) - Date.parse(r.started_at)) / 1000).toFixed(1)));
    }
    // The history and the first live snapshot are one publish: the catalogue is built once.
    expect(new Set([...runs, live[0]!].map((r) => r.finished_at)).size).toBe(1);
    expect(seconds.get(runs[0]!.run_id)!).toBeLessThan((Date.parse(runs[0]!.finished_at!) - Date.parse(runs[0]!.started_at)) / 1000 / 2);
  });

  it('runs the nightly snapshot from the scheduler (here every second)', async () => {
    const before = readManifest(new WarehouseLayout(dir)).generation;
    const scheduler = startEtlScheduler(config(), db.url, log);
    try {
      // Generous: a snapshot takes seconds, more when the two cores are shared with other test files.
      const deadline = Date.now() + 45_000;
      while (readManifest(new WarehouseLayout(dir)).generation === before && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      scheduler.stop();
    }
    expect(readManifest(new WarehouseLayout(dir)).generation).not.toBe(before);
  });
});
