import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefContent } from '../../analytics/brief/brief.content.js';
import { composeBrief } from '../../analytics/brief/brief.document.js';
import { briefFileName, listBriefs, writeBriefs } from '../../analytics/brief/brief.service.js';
import type { BriefDocument, TableBlock } from '../../analytics/brief/brief-document.type.js';
import { formatCount, formatPercent, formatRupiah, type Lang } from '../../analytics/brief/number-format.js';
import { launchChromium } from '../../analytics/brief/render-pdf.js';
import { writeStandingBriefs } from '../../analytics/brief/standing-briefs.js';
import { yearOverYear } from '../../analytics/metrics/metric-queries.js';
import type { MetricGrouping, MetricName } from '../../schema/metrics/metric-definitions.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import type { TestDatabase } from '../helpers/database.js';
import { PASER, provinceWarehouses } from './regions.fixture.js';

/**
 * Briefs by region on the province demo (regions.fixture.ts): the regency brief of Kutai Kartanegara
 * (`--region 64.02`) prints exactly the figures today's brief printed from the Kukar-only demo; the province's
 * comparison brief (`--region 64`) sets the regencies side by side, each figure the metric's answer for that
 * regency; both open in Chromium; `npm run brief -- --region` writes them.
 */

const execFileAsync = promisify(execFile);
const YEAR = 2023;
const COMPARE = 2022;
const CHROMIUM = fs.existsSync('/usr/bin/chromium');

let db: TestDatabase;
let beforeDir: string;
let afterDir: string;
let kukarOnlyDir: string;
let before: WarehouseReader;
let after: WarehouseReader;
let kukarOnly: WarehouseReader;
let outDir: string;
let regencies: Array<{ code: string; name: string }>;

beforeAll(async () => {
  const made = await provinceWarehouses([], { kukarOnly: true });
  ({ db, beforeDir, afterDir } = made);
  kukarOnlyDir = made.kukarOnlyDir!;
  before = new WarehouseReader(beforeDir);
  after = new WarehouseReader(afterDir);
  kukarOnly = new WarehouseReader(kukarOnlyDir);
  regencies = await after.pinned((w) =>
    w.query<{ code: string; name: string }>(
      `select distinct r.region_code as code, r.region_name as name
       from (select regency_code from fct_enrolment_years union select regency_code from fct_budget) as held
       join dim_region as r on r.region_code = held.regency_code
       where starts_with(r.region_code, '64.') order by 1`,
    ),
  );
  outDir = fs.mkdtempSync(path.join(path.dirname(afterDir), 'lindung-brief-region-test-'));
}, 900_000);

afterAll(async () => {
  for (const w of [before, after, kukarOnly]) w?.close();
  await db?.drop();
  for (const d of [beforeDir, afterDir, kukarOnlyDir, outDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

/** Every figure a document prints: key figures, and every numeric cell of every table, in page order. */
function printedFigures(doc: BriefDocument): string[] {
  const tables = doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'chart' && b.fallback ? [b.fallback] : [])),
  );
  const numeric = (t: TableBlock) =>
    [...t.rows, ...(t.footer ? [t.footer] : [])].flatMap((row) => row.filter((_, i) => t.columns[i]?.numeric));
  return [...doc.keyFigures.flatMap((k) => [k.value, k.change, k.detail]), ...tables.flatMap(numeric)];
}

describe("a regency's brief", () => {
  it('Kukar’s 64.02 brief on the province prints exactly the figures of today’s brief from the Kukar-only demo', async () => {
    const period = { year: YEAR, compare: COMPARE };
    const whole = await kukarOnly.pinned((w) => buildBriefContent(w, period));
    const regency = await before.pinned((w) => buildBriefContent(w, period, { region: '64.02' }));
    expect(regency.place).toEqual({ code: '64.02', name: expect.any(String) });
    expect(regency.queries.map((q) => q.regions)).toEqual(regency.queries.map(() => ['64.02']));
    for (const lang of ['id', 'en'] as const) {
      const a = composeBrief(whole, lang);
      const b = composeBrief(regency, lang);
      expect(printedFigures(b)).toEqual(printedFigures(a));
      expect(printedFigures(a).length).toBeGreaterThan(100);
      expect(b.headline.title).toBe(a.headline.title);
      expect(b.title).toContain(regency.place!.name);
    }
  });

  it('Paser’s brief reads Paser’s own figures and names it', async () => {
    const content = await after.pinned((w) => buildBriefContent(w, { year: YEAR, compare: COMPARE }, { region: PASER }));
    const expected = await after.pinned((w) =>
      yearOverYear(w, { metric: 'WORKERS_PROTECTED', year: YEAR, compareTo: COMPARE, regions: { national: false, codes: [PASER] } }),
    );
    const doc = composeBrief(content, 'id');
    expect(doc.title).toBe(`Perlindungan pekerja rentan di ${content.place!.name}: ${YEAR} dibanding ${COMPARE}`);
    expect(doc.preparedFor).toBe('Disiapkan untuk Bupati Paser');
    const html = (await import('../../analytics/brief/render-html.js')).renderHtml(doc);
    expect(html).toContain(formatCount(expected.total.value!, 'id'));
    expect(html).not.toContain('Kukar');
  });

  it('refuses a region the list does not have at that level', async () => {
    await expect(after.pinned((w) => buildBriefContent(w, { year: YEAR, compare: COMPARE }, { region: '64.99' }))).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'region',
    });
  });
});

describe("a province's comparison brief", () => {
  const ask = (metric: MetricName, code: string, groupBy: MetricGrouping | null = null) =>
    after.pinned((w) => yearOverYear(w, { metric, year: YEAR, compareTo: COMPARE, groupBy, regions: { national: false, codes: [code] } }));
  const apbd = async (metric: MetricName, code: string) =>
    (await ask(metric, code, 'SPONSOR_KIND')).groups.find((g) => g.key === 'REGENCY_BUDGET')?.value ?? null;

  it('sets every regency side by side, each figure its metric’s answer for that regency, the province counted on its own', async () => {
    const result = await writeBriefs({
      warehouse: after,
      outDir,
      year: YEAR,
      compare: COMPARE,
      langs: ['id', 'en'],
      formats: ['html', 'md'],
      scope: { region: '64' },
    });
    expect(result.files.map((f) => f.file).sort()).toEqual(
      (['id', 'en'] as Lang[])
        .flatMap((l) => [
          `brief-${YEAR}-vs-${COMPARE}.region-64.${l}.html`,
          `brief-${YEAR}-vs-${COMPARE}.region-64.${l}.md`,
          `brief-${YEAR}-vs-${COMPARE}.region-64.${l}.sql.html`,
          `brief-${YEAR}-vs-${COMPARE}.region-64.${l}.sql.md`,
        ])
        .sort(),
    );
    const md = fs.readFileSync(path.join(outDir, briefFileName(YEAR, COMPARE, 'en', 'md', { region: '64' })), 'utf8');
    const cells = (line: string) =>
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().replace(/\*\*/g, ''));
    const lines = md.split('\n').filter((l) => l.startsWith('| '));
    const rowOf = (name: string) => cells(lines.find((l) => cells(l)[0] === name)!);
    expect(regencies.length).toBeGreaterThanOrEqual(2);
    const lookups = [
      ...regencies.filter((r) => r.code === PASER || r.code === '64.02'),
      { code: '64', name: 'Kalimantan Timur (province)' },
    ];
    for (const { code, name } of lookups) {
      const [workers, budget, realisation, cost, coverage, benefits] = [
        await ask('WORKERS_PROTECTED', code),
        await apbd('BUDGET_ALLOCATED', code),
        await apbd('BUDGET_REALISATION', code),
        await apbd('COST_PER_WORKER', code),
        await ask('COVERAGE', code),
        await ask('BENEFITS_PAID', code),
      ];
      const per1000 = (
        (2n * BigInt(benefits.total.value!) * 1000n + BigInt(workers.total.value!)) /
        (2n * BigInt(workers.total.value!))
      ).toString();
      expect(rowOf(name).slice(1, 7), code).toEqual([
        formatCount(workers.total.value!, 'en'),
        budget === null ? '–' : formatRupiah(budget, 'en'),
        realisation === null ? '–' : formatPercent(realisation, 'en'),
        cost === null ? '–' : formatRupiah(cost, 'en'),
        coverage.total.value === null ? '–' : formatPercent(coverage.total.value, 'en'),
        formatRupiah(per1000, 'en'),
      ]);
    }
    // one row per regency the warehouse holds, then the province's own
    expect(regencies.every((r) => lines.some((l) => cells(l)[0] === r.name))).toBe(true);
    const appendix = fs.readFileSync(path.join(outDir, `brief-${YEAR}-vs-${COMPARE}.region-64.id.sql.md`), 'utf8');
    expect(appendix).toContain('Q18');
    expect(appendix).toContain(`regency_code = '${PASER}'`);
    expect(appendix).not.toMatch(/^-- .*(the |of )/m); // SQL comments in Indonesian
  });

  it('is written for every regency and the province by the standing briefs, listed in the index, and opens in Chromium', async () => {
    const folder = path.join(outDir, 'standing');
    const log = { info: () => {}, warn: () => {} };
    // without Chromium here (HTML and Markdown): PDFs of eleven briefs twice take minutes; one is printed below
    await writeStandingBriefs({ warehouse: after, outDir: folder, chromiumPath: '/nonexistent/chromium', log });
    const listed = listBriefs(folder).filter((b) => b.year === YEAR && b.lang === 'id' && b.format === 'html');
    expect(listed.map((b) => b.region).sort()).toEqual(['64', ...regencies.map((r) => r.code)].sort());
    expect(fs.existsSync(path.join(folder, 'latest.id.html'))).toBe(false); // several regencies: no whole-warehouse brief
    const index = fs.readFileSync(path.join(folder, 'index.html'), 'utf8');
    for (const r of regencies) expect(index).toContain(r.name);
    expect(index).toContain(`href="brief-${YEAR}-vs-${COMPARE}.region-64.en.html"`);
    if (!CHROMIUM) return;
    await writeBriefs({
      warehouse: after,
      outDir: folder,
      year: YEAR,
      compare: COMPARE,
      langs: ['id'],
      formats: ['pdf'],
      scope: { region: '64' },
    });
    expect(
      fs
        .readFileSync(path.join(folder, `brief-${YEAR}-vs-${COMPARE}.region-64.id.pdf`))
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    const browser = await launchChromium();
    try {
      for (const [file, charts] of [
        [`brief-${YEAR}-vs-${COMPARE}.region-64.id.html`, 2],
        [`brief-${YEAR}-vs-${COMPARE}.region-${PASER}.en.html`, 6],
      ] as const) {
        const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
        const requests: string[] = [];
        page.on('request', (r) => requests.push(r.url()));
        const url = pathToFileURL(path.join(folder, file)).href;
        await page.goto(url, { waitUntil: 'load' });
        expect(requests, file).toEqual([url]);
        expect(await page.locator('svg.chart').count(), file).toBe(charts);
        expect(await page.locator('h1').textContent()).toMatch(/Kalimantan Timur|Paser/);
        await page.screenshot({ path: path.join(folder, `${file}.png`), fullPage: true });
        await page.close();
      }
      const province = await browser.newPage();
      await province.goto(pathToFileURL(path.join(folder, `brief-${YEAR}-vs-${COMPARE}.region-64.id.html`)).href);
      expect(await province.locator('#side-by-side tbody tr').count()).toBeGreaterThanOrEqual(regencies.length);
      expect(await province.locator('#chart-province-coverage rect.bar').count()).toBeGreaterThan(1);
    } finally {
      await browser.close();
    }
  }, 240_000);
});

describe('npm run brief -- --region', () => {
  const cli = (...args: string[]) =>
    execFileAsync(process.execPath, ['--import', 'tsx', path.resolve('analytics/brief/brief.cli.ts'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn' },
    }).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('writes a regency’s brief and the province’s; refuses a code that is neither', async () => {
    const target = path.join(outDir, 'cli');
    const regency = await cli(
      '--year',
      `${YEAR}`,
      '--region',
      PASER,
      '--lang',
      'en',
      '--format',
      'md',
      '--warehouse',
      afterDir,
      '--out',
      target,
    );
    expect(regency.code, regency.stderr).toBe(0);
    expect(fs.existsSync(path.join(target, `brief-${YEAR}-vs-${COMPARE}.region-${PASER}.en.md`))).toBe(true);
    const province = await cli('--year', `${YEAR}`, '--region', '64', '--format', 'md', '--warehouse', afterDir, '--out', target);
    expect(province.code, province.stderr).toBe(0);
    expect(fs.readFileSync(path.join(target, `brief-${YEAR}-vs-${COMPARE}.region-64.id.md`), 'utf8')).toContain(
      regencies.find((r) => r.code === PASER)!.name,
    );
    const bad = await cli('--region', '64.02.01', '--warehouse', afterDir, '--out', target);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--region');
  }, 120_000);
});
