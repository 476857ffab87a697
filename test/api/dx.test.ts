import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/app.js';
import type { Logger } from '../../platform/logger.js';
import { startApi, type TestApi } from './api-server.js';

describe('developer experience', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await startApi();
    base = api.url.replace(/\/graphql$/, '');
  });
  afterAll(() => api?.close());

  it('answers /healthz, and /readyz only once the platform is ready', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    let ready = false;
    const starting = await createServer({ orm: api.db.orm, log: pino({ level: 'silent' }) as unknown as Logger, isReady: () => ready });
    const http = await starting.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/readyz`;
    try {
      expect((await fetch(url)).status).toBe(503);
      ready = true;
      expect(await (await fetch(url)).json()).toEqual({ status: 'ready' });
    } finally {
      await starting.stop();
    }
  });

  it('serves a GraphQL IDE from its own packages: nothing loads from a CDN', async () => {
    const page = await fetch(`${base}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toEqual([
      '/graphiql/assets/graphiql.css',
      '/graphiql/assets/react.js',
      '/graphiql/assets/react-dom.js',
      '/graphiql/assets/graphiql.js',
      '/graphiql/assets/boot.js',
    ]);
    for (const asset of scripts) {
      const res = await fetch(`${base}${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.text()).length, asset).toBeGreaterThan(asset.endsWith('boot.js') ? 100 : 10_000);
    }
    const browser = await fetch(api.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/graphiql');
  });

  it('logs one JSON line per operation with request id, operation name, duration and SQL statements', async () => {
    const res = await api.gql(
      'query MyRegions { regions(level: DISTRICT, parentCode: "64.02") { code } }',
      {},
      { headers: { 'x-request-id': 'req-log-1' } },
    );
    expect(res.headers.get('x-request-id')).toBe('req-log-1');
    const line = api.logs.find((l) => l.requestId === 'req-log-1');
    expect(line).toMatchObject({ msg: 'graphql request', operationName: 'MyRegions', sqlStatements: 1, status: 200, role: 'operator' });
    expect(line!.durationMs).toBeGreaterThan(0);
    const generated = await api.gql('{ me { role } }');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await api.gql('{ me { role } }', {}, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shuts down gracefully: a request in flight finishes, new connections are refused', async () => {
    const other = await startApi({ db: api.db });
    const lock = await api.db.pool.connect();
    try {
      await lock.query('begin');
      await lock.query('lock table region in access exclusive mode');
      const inFlight = other.gql('{ regions(parentCode: "64.02") { code } }', {}, { role: null });
      await new Promise((r) => setTimeout(r, 300));
      const stopped = other.server.stop(10_000);
      await new Promise((r) => setTimeout(r, 100));
      await expect(fetch(`${other.url.replace('/graphql', '/healthz')}`)).rejects.toThrow();
      await lock.query('commit');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(res.body.data.regions).toHaveLength(20);
      await stopped;
    } finally {
      await lock.query('rollback').catch(() => {});
      lock.release();
    }
  });
});
