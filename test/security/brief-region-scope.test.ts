import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefFileName, writeBriefs } from '../../analytics/brief/brief.service.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import type { Role } from '../../server/auth/roles.js';
import { startApi, type TestApi } from '../api/api-server.js';
import { etlService, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';
import type { TestDatabase } from '../helpers/database.js';

/**
 * `POST /briefs` by region on the province demo, held to the caller's scope: the warehouse has no
 * row-level security, so the route's narrowing (server/brief.route.ts briefRegion) is what keeps a
 * regency's user to their regency's brief. And `npm run brief` without a region on the province
 * writes Kukar's brief under Kukar's name, not the province's sums under it.
 */

let db: TestDatabase;
let warehouseDir: string;
let briefsDir: string;
let api: TestApi;
let base: string;

beforeAll(async () => {
  db = await seededDatabase();
  warehouseDir = tempWarehouse();
  briefsDir = fs.mkdtempSync(path.join(path.dirname(warehouseDir), 'lindung-brief-scope-test-'));
  const etl = etlService(db, warehouseDir);
  await etl.snapshot('2023-12-31', 'history');
  await etl.snapshot(etl.today(), 'live');
  api = await startApi({ db, warehouseDir, briefsDir });
  base = api.url.replace(/\/graphql$/, '');
}, 300_000);

afterAll(async () => {
  await api?.close();
  await db?.drop();
  for (const d of [warehouseDir, briefsDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

async function post(body: Record<string, unknown>, role: Role, scopes: string[]) {
  const res = await fetch(`${base}/briefs`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await api.token(role, `${role}-${scopes.join('-')}`, scopes)}`,
    },
    body: JSON.stringify({ year: 2023, compareTo: 2022, lang: ['id', 'en'], format: ['html'], ...body }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const briefsOf = (region: string) => fs.readdirSync(briefsDir).filter((f) => f.includes(`.region-${region}.`));
const read = async (url: string) => (await fetch(`${base}${url}`)).text();

describe('POST /briefs by region, narrowed to the caller’s scope', () => {
  it('gives a regency operator their regency’s brief, asked for or by default', async () => {
    const asked = await post({ region: '64.02' }, 'operator', ['64.02']);
    expect(asked.status).toBe(201);
    expect(asked.body.region).toBe('64.02');
    const urls = asked.body.files.filter((f: any) => f.part === 'brief').map((f: any) => f.url);
    expect(urls.sort()).toEqual(
      ['en', 'id'].map((l) => `/briefs/${briefFileName(2023, 2022, l as 'id' | 'en', 'html', { region: '64.02' })}`),
    );
    const html = await read(urls.find((u: string) => u.endsWith('.id.html')));
    expect(html).toContain('Kutai Kartanegara');
    expect(html).not.toContain('Kota Samarinda');

    const byDefault = await post({}, 'operator', ['64.02']);
    expect(byDefault.status).toBe(201);
    expect(byDefault.body.region).toBe('64.02');
    // A province asked by a regency's user is narrowed to the regency (narrowTo), never the comparison.
    const wider = await post({ region: '64' }, 'operator', ['64.02']);
    expect(wider.status).toBe(201);
    expect(wider.body.region).toBe('64.02');
  });

  it('refuses another regency with FORBIDDEN and writes nothing', async () => {
    const res = await post({ region: '64.72' }, 'operator', ['64.02']);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(res.body.error.message).toContain('64.72');
    expect(briefsOf('64.72')).toEqual([]);
  });

  it('refuses a kecamatan’s user their regency’s brief: its figures are wider than the scope', async () => {
    const res = await post({ region: '64.02' }, 'operator', ['64.02.06']);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect((await post({}, 'operator', ['64.02.06'])).status).toBe(403);
  });

  it('asks a user of several regencies which one, naming the field', async () => {
    const res = await post({}, 'analyst', ['64.02', '64.72']);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('region');
    expect(res.body.error.message).toContain('64.72');
  });

  it('gives the provincial viewer the provincial comparison brief', async () => {
    const res = await post({ region: '64' }, 'viewer', ['64']);
    expect(res.status).toBe(201);
    expect(res.body.region).toBe('64');
    const url = res.body.files.find((f: any) => f.part === 'brief' && f.lang === 'id').url;
    expect(url).toBe(`/briefs/${briefFileName(2023, 2022, 'id', 'html', { region: '64' })}`);
    const html = await read(url);
    // The regencies side by side.
    for (const name of ['Kutai Kartanegara', 'Kota Samarinda', 'Kota Balikpapan']) expect(html).toContain(name);
    expect((await post({}, 'viewer', ['64'])).body.region).toBe('64');
    // Two provincial briefs, each comparing every regency in DuckDB: 48 s beside the rest of the suite on 2 cores.
  }, 150_000);

  it('still needs a token', async () => {
    const res = await fetch(`${base}/briefs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"year":2023}' });
    expect(res.status).toBe(401);
  });
});

describe('a brief without a region on the province demo', () => {
  it('is Kukar’s brief, named and counted as Kukar’s (npm run brief), not the province’s sums under Kukar’s title', async () => {
    const reader = new WarehouseReader(warehouseDir);
    const outDir = fs.mkdtempSync(path.join(path.dirname(warehouseDir), 'lindung-brief-default-test-'));
    try {
      const unnamed = await writeBriefs({ warehouse: reader, outDir, year: 2023, compare: 2022, langs: ['id'], formats: ['md'] });
      const named = await writeBriefs({
        warehouse: reader,
        outDir,
        year: 2023,
        compare: 2022,
        langs: ['id'],
        formats: ['md'],
        scope: { region: '64.02' },
      });
      expect(unnamed.content.scope).toEqual({ region: '64.02' });
      expect(unnamed.content).toEqual(named.content);
      expect(unnamed.files.map((f) => f.file)).toEqual(named.files.map((f) => f.file));
      expect(unnamed.files.find((f) => f.part === 'brief')?.file).toBe(briefFileName(2023, 2022, 'id', 'md', { region: '64.02' }));
      const md = fs.readFileSync(path.join(outDir, briefFileName(2023, 2022, 'id', 'md', { region: '64.02' })), 'utf8');
      expect(md).toContain('Kutai Kartanegara');
      expect(fs.existsSync(path.join(outDir, briefFileName(2023, 2022, 'id', 'md')))).toBe(false);
    } finally {
      reader.close();
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
