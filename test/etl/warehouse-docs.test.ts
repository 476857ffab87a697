import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../analytics/brief/render-pdf.js';
import { docsFolder } from '../../platform/warehouse-reader.js';
import { startApi, type TestApi } from '../api/api-server.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, openReader, seededDatabase, TODAY, tempWarehouse } from './etl.fixture.js';

describe('the warehouse docs site', () => {
  let db: TestDatabase;
  let warehouse: string;
  let api: TestApi;

  beforeAll(async () => {
    db = await seededDatabase();
    warehouse = tempWarehouse();
    await etlService(db, warehouse).snapshot(TODAY, 'live');
    api = await startApi({ db, warehouseDir: warehouse });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
    if (warehouse) fs.rmSync(warehouse, { recursive: true, force: true });
  });

  it('is written beside the warehouse at each publish, with every table and model, its columns and types as DuckDB has them', async () => {
    const html = fs.readFileSync(path.join(docsFolder(warehouse), 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|https?:\/\/(?!www\.w3\.org)/i);
    const reader = await openReader(warehouse);
    try {
      const columns = await reader.rows<{ table_name: string; column_name: string; data_type: string }>(
        `select table_name, column_name, data_type from information_schema.columns where table_name = 'fct_claims_paid' order by ordinal_position`,
      );
      const section = html.slice(
        html.indexOf('<section id="fct_claims_paid">'),
        html.indexOf('</section>', html.indexOf('id="fct_claims_paid"')),
      );
      for (const c of columns) expect(section).toContain(`<tr><td><code>${c.column_name}</code></td><td>${c.data_type}</td>`);
      expect(section).toContain('one row per PAID benefit claim');
      expect(section).toContain('paid amounts sum to the latest snapshot');
      // Lineage lists what the model reads (dim_region too, since facts carry the regency and kecamatan).
      expect(section).toMatch(/Reads: [^.]*<a href="#stg_claim">stg_claim<\/a>, <a href="#stg_enrolment">/);
      expect(section).toMatch(/Reads: [^.]*<a href="#dim_region">dim_region<\/a>/);
      const views = await reader.rows<{ name: string }>(
        `select table_name as name from information_schema.tables where table_name similar to '(stg|dim|fct|yoy)_.*'`,
      );
      for (const v of views) expect(html, v.name).toContain(`<section id="${v.name}">`);
    } finally {
      reader.close();
    }
  });

  it('is served at /docs/warehouse/ and opens in a browser: lineage graph linked to each section, nothing fetched', async () => {
    const url = new URL('/docs/warehouse/', api.url).href;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: 'load' });
      expect(requests).toEqual([url]);
      expect(await page.locator('h1').textContent()).toBe('lindung warehouse');
      expect(await page.locator('.lineage svg g.node').count()).toBe(await page.locator('section').count());
      expect(await page.locator('.lineage svg g.edge').count()).toBeGreaterThan(30);
      // Graphviz writes xlink:href; `*|href` matches it in any namespace.
      await page.locator('.lineage svg a[*|href="#fct_claims_paid"]').click();
      expect(new URL(page.url()).hash).toBe('#fct_claims_paid');
      await page.screenshot({ path: path.join(warehouse, 'docs.png') });
      expect(fs.statSync(path.join(warehouse, 'docs.png')).size).toBeGreaterThan(20_000);
    } finally {
      await browser.close();
    }
  });
});
