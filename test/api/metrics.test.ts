import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../platform/logger.js';
import { createServer } from '../../server/app.js';
import { startApi, type TestApi } from './api-server.js';

const silent = pino({ level: 'silent' }) as unknown as Logger;

describe('/metrics', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await startApi();
    base = api.url.replace(/\/graphql$/, '');
  });
  afterAll(() => api?.close());

  it('counts GraphQL requests by operation and outcome, with latency, pool and readiness', async () => {
    await api.gql('query MyRegions { regions(level: DISTRICT, parentCode: "64.02") { code } }', {}, { role: null });
    await api.gql('query MyRegions { regions(level: DISTRICT, parentCode: "64.02") { code } }', {}, { role: null });
    await api.gql('query Broken { noSuchField }', {}, { role: null });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('lindung_graphql_requests_total{operation="MyRegions",outcome="ok"} 2');
    expect(text).toContain('lindung_graphql_requests_total{operation="Broken",outcome="GRAPHQL_VALIDATION_FAILED"} 1');
    expect(text).toMatch(/lindung_graphql_request_duration_seconds_count\{operation="MyRegions",outcome="ok"\} 2/);
    expect(text).toMatch(/lindung_db_pool_connections\{state="max"\} \d+/);
    expect(text).toContain('lindung_ready 1');
    // No warehouse in tests: the age is absent rather than a made-up zero.
    expect(text).not.toMatch(/^lindung_warehouse_age_seconds\{/m);
  });

  it('reports the warehouse age from the last publish of its catalogue', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-metrics-'));
    const catalogue = path.join(dir, 'lindung.duckdb');
    fs.writeFileSync(catalogue, '');
    const published = new Date(Date.now() - 3600_000);
    fs.utimesSync(catalogue, published, published);
    const server = await createServer({ orm: api.db.orm, log: silent, api: api.config, warehouseDir: dir });
    try {
      const port = ((await server.listen(0, '127.0.0.1')).address() as AddressInfo).port;
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const age = Number(/^lindung_warehouse_age_seconds\{catalogue="lindung.duckdb"\} ([\d.]+)$/m.exec(text)?.[1]);
      expect(age).toBeGreaterThan(3590);
      expect(age).toBeLessThan(3700);
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the ETL runs of its ledger: counts by mode and status, and the last run of each mode', async () => {
    const runs = [
      { mode: 'history', status: 'succeeded' as const, rows: 900, seconds: 4, startedAt: '2026-12-01T10:00:00Z' },
      { mode: 'live', status: 'failed' as const, rows: 0, seconds: 2, startedAt: '2026-12-01T11:00:00Z' },
      { mode: 'live', status: 'succeeded' as const, rows: 1200, seconds: 9.5, startedAt: '2026-12-02T17:00:00Z' },
      { mode: 'live', status: 'running' as const, rows: 0, seconds: null, startedAt: '2026-12-03T17:00:00Z' },
    ];
    const server = await createServer({ orm: api.db.orm, log: silent, api: api.config, etlRuns: () => runs });
    try {
      const port = ((await server.listen(0, '127.0.0.1')).address() as AddressInfo).port;
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain('lindung_etl_runs{mode="live",status="failed"} 1');
      expect(text).toContain('lindung_etl_runs{mode="live",status="running"} 1');
      expect(text).toContain('lindung_etl_last_run_success{mode="live"} 1');
      expect(text).toContain('lindung_etl_last_run_rows{mode="live"} 1200');
      expect(text).toContain('lindung_etl_last_run_seconds{mode="live"} 9.5');
      expect(text).toContain('lindung_etl_last_run_seconds{mode="history"} 4');
      expect(text).toContain(`lindung_etl_last_run_start_timestamp_seconds{mode="live"} ${Date.parse('2026-12-02T17:00:00Z') / 1000}`);
    } finally {
      await server.stop();
    }
  });

  it('is off in production unless METRICS_TOKEN is set, and then needs it as a bearer token', async () => {
    const closed = await createServer({ orm: api.db.orm, log: silent, api: { ...api.config, production: true }, metricsToken: undefined });
    const guarded = await createServer({
      orm: api.db.orm,
      log: silent,
      api: { ...api.config, production: true },
      metricsToken: 'a-long-enough-metrics-token',
    });
    try {
      const url = async (server: typeof closed) =>
        `http://127.0.0.1:${((await server.listen(0, '127.0.0.1')).address() as AddressInfo).port}/metrics`;
      expect((await fetch(await url(closed))).status).toBe(404);
      const metrics = await url(guarded);
      expect((await fetch(metrics)).status).toBe(401);
      expect((await fetch(metrics, { headers: { authorization: 'Bearer a-long-enough-metrics-tokeX' } })).status).toBe(401);
      const ok = await fetch(metrics, { headers: { authorization: 'Bearer a-long-enough-metrics-token' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('lindung_process_resident_memory_bytes');
    } finally {
      await closed.stop();
      await guarded.stop();
    }
  });
});
