import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefContent, lastCompleteYear, type BriefContent, type Comparison } from '../../analytics/brief/brief.content.js';
import { composeBrief } from '../../analytics/brief/brief.document.js';
import { appendixFileName, briefFileName, listBriefs, writeBriefs } from '../../analytics/brief/brief.service.js';
import { renderAppendixHtml } from '../../analytics/brief/render-appendix-html.js';
import type { TableBlock } from '../../analytics/brief/brief-document.type.js';
import {
  formatCount,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
  isTinyBase,
  scaled,
  type Lang,
} from '../../analytics/brief/number-format.js';
import { untranslatedComments } from '../../analytics/brief/sql-comments.js';
import { pageOf, pdfImages, pdfPages } from './pdf-text.js';
import { renderHtml } from '../../analytics/brief/render-html.js';
import { renderMarkdown } from '../../analytics/brief/render-markdown.js';
import { launchChromium } from '../../analytics/brief/render-pdf.js';
import { writeStandingBriefs } from '../../analytics/brief/standing-briefs.js';
import type { MetricComparison } from '../../analytics/metrics/metric-queries.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, openReader, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';
import { startApi } from '../api/api-server.js';
import { keepOnlyKukar } from './regions.fixture.js';

/**
 * The policy brief against the marts of a real warehouse (the demo seeded small, one month-end
 * history snapshot per year and a live one), rendered in both languages, opened in headless
 * Chromium and printed to PDF.
 */

let db: TestDatabase;
let dir: string;
let outDir: string;
let warehouse: WarehouseReader;
let marts: Awaited<ReturnType<typeof openReader>>;
let content: BriefContent;

beforeAll(async () => {
  db = await seededDatabase();
  // The brief of one regency as it has always been written: the demo's Kukar alone (brief-region.test.ts
  // checks that the province demo's `--region 64.02` brief prints these same figures).
  await keepOnlyKukar(db);
  dir = tempWarehouse();
  outDir = fs.mkdtempSync(path.join(path.dirname(dir), 'lindung-brief-test-'));
  const etl = etlService(db, dir);
  await etl.snapshot('2022-12-31', 'history');
  await etl.snapshot('2023-12-31', 'history');
  await etl.snapshot(etl.today(), 'live');
  warehouse = new WarehouseReader(dir);
  marts = await openReader(dir);
  content = await buildBriefContent(warehouse, { year: 2023, compare: 2022 });
});

afterAll(async () => {
  marts?.close();
  warehouse?.close();
  await db?.drop();
  for (const d of [dir, outDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** Two decimal strings (or nulls) denote the same number, whatever their scale ("20.0" = "20"). */
function same(actual: string | null, expected: unknown, what: string): void {
  const e = str(expected);
  if (actual === null || e === null) expect(actual, what).toBe(e);
  else expect(scaled(actual, 1), `${what}: ${actual} vs ${e}`).toBe(scaled(e, 1));
}
const group = (c: Comparison, key: string): MetricComparison => {
  const g = c.groups.find((x) => x.key === key);
  expect(g, `${c.metric} group ${key}`).toBeDefined();
  return g!;
};
/** Sums of a mart column per key for one year, as decimal strings (HUGEINT sums stay exact). */
async function sums(sql: string): Promise<Map<string, string>> {
  const rows = await marts.rows<{ k: string; v: unknown }>(sql);
  return new Map(rows.map((r) => [String(r.k), String(r.v)]));
}

describe('every figure in the brief equals its mart', () => {
  it('reads every query from one published snapshot and keeps its SQL for the appendix', async () => {
    const [latest] = await marts.rows<{ snapshot_date: string; run_id: string }>(
      'select snapshot_date::varchar as snapshot_date, run_id from snapshots order by snapshot_date desc limit 1',
    );
    expect(content.snapshot.snapshotDate).toBe(latest!.snapshot_date);
    expect(content.snapshot.runId).toBe(latest!.run_id);
    expect(content.queries.length).toBeGreaterThanOrEqual(20);
    expect(content.queries.map((q) => q.id)).toEqual(content.queries.map((_, i) => `Q${i + 1}`));
    for (const q of content.queries) {
      expect(q.sql.length).toBeGreaterThan(0);
      // the statements print as they ran: each runs again on its own
      const rows = await marts.rows(q.sql[0]!);
      expect(rows.length, q.id).toBeGreaterThan(0);
    }
  });

  it('budget: yoy_budget_by_sponsor, the regency row and every sponsor kind', async () => {
    const [regency] = await marts.rows(`select amount, prior_amount, amount_change, amount_change_pct
      from yoy_budget_by_sponsor where sponsor_kind = 'REGENCY_BUDGET' and year = 2023`);
    const g = group(content.budget.allocated, 'REGENCY_BUDGET');
    same(g.value, regency!.amount, 'amount');
    same(g.prior, regency!.prior_amount, 'prior_amount');
    same(g.change, regency!.amount_change, 'amount_change');
    same(g.changePct, regency!.amount_change_pct, 'amount_change_pct');
    for (const year of [2023, 2022] as const) {
      const byKind = await sums(`select sponsor_kind as k, sum(amount) as v from yoy_budget_by_sponsor where year = ${year} group by 1`);
      for (const [kind, amount] of byKind) {
        same(
          year === 2023 ? group(content.budget.allocated, kind).value : group(content.budget.allocated, kind).prior,
          amount,
          `${kind} ${year}`,
        );
      }
    }
    const [total] = await marts.rows(`select sum(amount) as v from yoy_budget_by_sponsor where year = 2023`);
    same(content.budget.allocated.total.value, total!.v, 'total budget');
  });

  it('realisation: yoy_budget_realisation allocated, paid, unspent and realisation_pct', async () => {
    const rows = await marts.rows(`select year, allocated, paid, unspent, realisation_pct from yoy_budget_realisation
      where sponsor_kind = 'REGENCY_BUDGET' and year in (2022, 2023) order by year`);
    expect(rows).toHaveLength(2);
    const [prior, current] = rows as Row[];
    const realisation = group(content.budget.realisation, 'REGENCY_BUDGET');
    same(realisation.value, current!.realisation_pct, 'realisation_pct');
    same(realisation.prior, prior!.realisation_pct, 'prior realisation_pct');
    same(group(content.budget.paid, 'REGENCY_BUDGET').value, current!.paid, 'paid');
    same(group(content.budget.allocated, 'REGENCY_BUDGET').value, current!.allocated, 'allocated');
    const unspent =
      BigInt(group(content.budget.allocated, 'REGENCY_BUDGET').value!) - BigInt(group(content.budget.paid, 'REGENCY_BUDGET').value!);
    expect(unspent).toBe(BigInt(String(current!.unspent)));
  });

  it('payouts and claims: yoy_payouts_by_programme, per programme and in total', async () => {
    const rows = await marts.rows(`select programme, paid_amount, prior_paid_amount, paid_amount_change, paid_amount_change_pct,
      claims_paid, prior_claims_paid, claims_paid_change, claims_paid_change_pct from yoy_payouts_by_programme where year = 2023`);
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      const p = String(r.programme);
      const paid = group(content.payouts.byProgramme, p);
      same(paid.value, r.paid_amount, `${p} paid`);
      same(paid.prior, r.prior_paid_amount, `${p} prior paid`);
      same(paid.change, r.paid_amount_change, `${p} paid change`);
      same(paid.changePct, r.paid_amount_change_pct, `${p} paid change %`);
      const claims = group(content.claims.byProgramme, p);
      same(claims.value, r.claims_paid, `${p} claims`);
      same(claims.prior, r.prior_claims_paid, `${p} prior claims`);
      same(claims.change, r.claims_paid_change, `${p} claims change`);
      same(claims.changePct, r.claims_paid_change_pct, `${p} claims change %`);
    }
    const [total] = await marts.rows(
      `select sum(paid_amount) as paid, sum(claims_paid) as claims from yoy_payouts_by_programme where year = 2023`,
    );
    same(content.payouts.byProgramme.total.value, total!.paid, 'benefits total');
    same(content.claims.byProgramme.total.value, total!.claims, 'claims total');
  });

  it('workers protected: yoy_workers_protected by sponsor kind and the regency-sponsored vulnerable workers', async () => {
    for (const year of [2023, 2022]) {
      const byKind = await sums(
        `select sponsor_kind as k, sum(workers_protected) as v from yoy_workers_protected where year = ${year} group by 1`,
      );
      expect(byKind.size).toBeGreaterThan(0);
      for (const [kind, workers] of byKind) {
        const g = group(content.workers.bySponsorKind, kind);
        same(year === 2023 ? g.value : g.prior, workers, `${kind} ${year}`);
      }
    }
    const [vulnerable] =
      await marts.rows(`select workers_protected, prior_workers_protected, workers_protected_change, workers_protected_change_pct
      from yoy_workers_protected where year = 2023 and sponsor_kind = 'REGENCY_BUDGET' and vulnerable_sponsored`);
    const g = group(content.workers.vulnerable, 'REGENCY_BUDGET');
    same(g.value, vulnerable!.workers_protected, 'vulnerable');
    same(g.prior, vulnerable!.prior_workers_protected, 'prior vulnerable');
    same(g.change, vulnerable!.workers_protected_change, 'vulnerable change');
    same(g.changePct, vulnerable!.workers_protected_change_pct, 'vulnerable change %');
  });

  it('coverage: yoy_coverage by sector, kecamatan and occupation, with numerator and denominator', async () => {
    const rows =
      await marts.rows(`select breakdown, coalesce(sector, kecamatan_code, occupation, 'TOTAL') as k, covered_workers, labour_force,
      coverage_pct, prior_coverage_pct, coverage_change_points, prior_covered_workers
      from yoy_coverage where year = 2023 and breakdown in ('total', 'sector', 'kecamatan', 'occupation')`);
    const answers = {
      total: [content.coverage.rate, content.coverage.covered, content.coverage.labourForce],
      sector: [content.coverage.rate, content.coverage.covered, content.coverage.labourForce],
      kecamatan: [content.kecamatan.rate, content.kecamatan.covered, content.kecamatan.labourForce],
      occupation: [null, content.occupation.covered, null],
    } as const;
    expect(rows.filter((r) => r.breakdown === 'kecamatan')).toHaveLength(20); // Kukar's 20 kecamatan of the official list
    for (const r of rows) {
      const [rate, covered, labour] = answers[r.breakdown as keyof typeof answers];
      const pick = (c: Comparison) => (r.breakdown === 'total' ? c.total : group(c, String(r.k)));
      const what = `${r.breakdown} ${r.k}`;
      same(pick(covered).value, r.covered_workers, `${what} covered`);
      same(pick(covered).prior, r.prior_covered_workers, `${what} prior covered`);
      if (rate) {
        same(pick(rate).value, r.coverage_pct, `${what} coverage`);
        same(pick(rate).prior, r.prior_coverage_pct, `${what} prior coverage`);
        same(pick(rate).change, r.coverage_change_points, `${what} change in points`);
      }
      if (labour) same(pick(labour).value, r.labour_force, `${what} labour force`);
    }
  });

  it('cost per protected worker: yoy_cost_per_worker and the two figures it divides', async () => {
    const rows = await marts.rows(`select sponsor_kind, contributions_paid, workers_protected, cost_per_worker, prior_cost_per_worker,
      cost_per_worker_change, cost_per_worker_change_pct from yoy_cost_per_worker where year = 2023`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const kind = String(r.sponsor_kind);
      const g = group(content.cost.perWorker, kind);
      same(g.value, r.cost_per_worker, `${kind} cost`);
      same(g.prior, r.prior_cost_per_worker, `${kind} prior cost`);
      same(g.change, r.cost_per_worker_change, `${kind} cost change`);
      same(g.changePct, r.cost_per_worker_change_pct, `${kind} cost change %`);
      same(group(content.budget.paid, kind).value, r.contributions_paid, `${kind} contributions`);
      same(group(content.workers.bySponsorKind, kind).value, r.workers_protected, `${kind} workers`);
    }
  });

  it('the rendered briefs print those figures, formatted for each language', async () => {
    const regencyBudget = group(content.budget.allocated, 'REGENCY_BUDGET');
    const vulnerable = group(content.workers.vulnerable, 'REGENCY_BUDGET');
    const realisation = group(content.budget.realisation, 'REGENCY_BUDGET');
    const informal = group(content.coverage.rate, 'INFORMAL');
    const cost = group(content.cost.perWorker, 'REGENCY_BUDGET');
    for (const lang of ['id', 'en'] as Lang[]) {
      const doc = composeBrief(content, lang);
      for (const text of [renderHtml(doc), renderMarkdown(doc)]) {
        const expected = [
          formatRupiah(regencyBudget.value!, lang),
          formatRupiahShort(regencyBudget.value!, lang),
          formatRupiahShort(regencyBudget.change!, lang, true),
          formatPercent(regencyBudget.changePct!, lang, true),
          formatCount(vulnerable.value!, lang),
          formatPercent(realisation.value!, lang),
          formatPercent(informal.value!, lang),
          formatRupiah(cost.value!, lang),
          formatRupiah(content.payouts.byProgramme.total.value!, lang),
          ...content.payouts.byProgramme.groups.map((g) => formatRupiah(g.value!, lang)),
          ...content.kecamatan.rate.groups.map((g) => formatPercent(g.value!, lang)),
          content.snapshot.runId,
        ];
        for (const figure of expected) expect(text, `${lang}: ${figure}`).toContain(figure);
      }
    }
    const id = renderHtml(composeBrief(content, 'id'));
    expect(id).toMatch(/<h2>Anggaran APBD untuk pekerja rentan (naik|turun|tetap)/);
    expect(id).toContain(`Rp\u00a0${new Intl.NumberFormat('id-ID').format(BigInt(regencyBudget.value!))}`);
    const en = renderHtml(composeBrief(content, 'en'));
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/Rp\u00a0[\d.]+\u00a0(million|billion)/);
  });

  it('numbers its sections and lists the SQL behind every query in the appendix', () => {
    const doc = composeBrief(content, 'id');
    expect(doc.sections.map((s) => s.number)).toEqual(doc.sections.map((_, i) => i + 1));
    expect(doc.sections.map((s) => s.id)).toEqual([
      'summary',
      'budget',
      'workers',
      'payouts',
      'claims',
      'coverage',
      'kecamatan',
      'occupation',
      'cost',
      'freshness',
      'limits',
    ]);
    const html = renderHtml(doc);
    // item 6 of issue 15: the appendix is its own file, and the brief links each query id to it
    const appendixHtml = renderAppendixHtml(doc);
    const referenced = new Set([...html.matchAll(/href="brief-2023-vs-2022\.id\.sql\.html#(q\d+)"/g)].map((m) => m[1]));
    for (const q of content.queries) {
      expect(referenced.has(q.id.toLowerCase()), `${q.id} referenced`).toBe(true);
      expect(appendixHtml).toContain(`id="${q.id.toLowerCase()}"`);
      expect(html).not.toContain(`id="${q.id.toLowerCase()}"`);
    }
    expect(html).toContain('<a href="brief-2023-vs-2022.id.sql.html">brief-2023-vs-2022.id.sql.html</a>');
    expect(html).not.toContain('<pre>');
    expect(appendixHtml).toContain('<a href="brief-2023-vs-2022.id.html">');
    // every template the print appendix shows fills back to the statements that ran
    expect(doc.appendix.templates.items.length).toBeGreaterThan(0);
    expect(doc.appendix.statements.print).toBe(false);
    expect(doc.appendix.index.rows).toHaveLength(content.queries.length);
  });
});

/**
 * The 2023-against-2022 briefs in both languages and every format, written into outDir once for the
 * tests that read them (each Chromium print takes seconds): whichever test runs first writes them.
 */
let written: ReturnType<typeof writeBriefs> | undefined;
const briefs2023 = () =>
  (written ??= writeBriefs({ warehouse, outDir, year: 2023, compare: 2022, langs: ['id', 'en'], formats: ['html', 'md', 'pdf'] }));

describe('files, charts in Chromium and PDF', () => {
  it('writes stable file names, latest copies and an index; the HTML fetches nothing and shows its charts', async () => {
    const result = await briefs2023();
    // item 6 of issue 15: each brief's SQL appendix is a file of its own beside it
    expect(result.files.map((f) => f.file).sort()).toEqual(
      (['id', 'en'] as const)
        .flatMap((l) => [
          ...(['html', 'md', 'pdf'] as const).map((f) => briefFileName(2023, 2022, l, f)),
          ...(['html', 'md'] as const).map((f) => appendixFileName(2023, 2022, l, f)),
        ])
        .sort(),
    );
    for (const f of result.files) expect(fs.statSync(f.path).size).toBe(f.bytes);
    for (const lang of ['id', 'en']) {
      const pdf = fs.readFileSync(path.join(outDir, `brief-2023-vs-2022.${lang}.pdf`));
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.length).toBeGreaterThan(20_000);
      expect(fs.readFileSync(path.join(outDir, `latest.${lang}.pdf`)).equals(pdf)).toBe(true);
    }
    const index = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    // the index lists the briefs; each brief links its own appendix (item 6 of issue 15)
    for (const f of result.files.filter((f) => f.part === 'brief')) expect(index).toContain(`href="${f.file}"`);

    const html = fs.readFileSync(path.join(outDir, 'brief-2023-vs-2022.id.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=/i);
    expect(html).not.toMatch(/https?:\/\//);

    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const url = pathToFileURL(path.join(outDir, 'brief-2023-vs-2022.id.html')).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(requests).toEqual([url]);
      expect(await page.locator('svg.chart').count()).toBe(6);
      expect(await page.locator('svg.chart[role="img"] > title').count()).toBe(6);
      expect(await page.locator('svg.chart-grouped rect.bar').count()).toBeGreaterThan(4);
      expect(await page.locator('svg.chart-bar rect.bar').count()).toBe(20);
      expect(await page.locator('svg.chart-line path.line').count()).toBeGreaterThanOrEqual(2);
      const box = await page.locator('#chart-budget').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(50);
      expect(await page.locator('h1').textContent()).toContain('Kutai Kartanegara');
      const shot = path.join(outDir, 'brief-2023-vs-2022.id.png');
      await page.screenshot({ path: shot, fullPage: true });
      const png = fs.readFileSync(shot);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(100_000);
    } finally {
      await browser.close();
    }
  });

  it('keeps the newest year as latest when an older brief is written afterwards', async () => {
    await briefs2023();
    const latestBefore = fs.readFileSync(path.join(outDir, 'latest.id.html'), 'utf8');
    await writeBriefs({ warehouse, outDir, year: 2022, compare: 2021, langs: ['id'], formats: ['html'] });
    expect(fs.readFileSync(path.join(outDir, 'latest.id.html'), 'utf8')).toBe(latestBefore);
    expect(listBriefs(outDir).filter((b) => b.year === 2022)).toHaveLength(1);
    expect(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('brief-2022-vs-2021.id.html');
    expect(fs.readFileSync(path.join(outDir, 'brief-2022-vs-2021.id.html'), 'utf8')).not.toMatch(/NaN|Infinity|undefined/);
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a year with no prior data', () => {
  const bad = /NaN|Infinity|undefined|\[object /;

  it('prints "baru" / "new" where the comparison year has nothing, never a division error', async () => {
    const early = await buildBriefContent(warehouse, { year: 2023, compare: 2005 });
    expect(early.budget.allocated.total.prior).toBeNull();
    expect(early.budget.allocated.total.changePct).toBeNull();
    for (const [lang, word] of [
      ['id', 'baru'],
      ['en', 'new'],
    ] as const) {
      const doc = composeBrief(early, lang);
      const html = renderHtml(doc);
      const md = renderMarkdown(doc);
      expect(doc.keyFigures[0]!.change).toBe(word);
      expect(html).toContain(`<td class="num">${word}</td>`);
      expect(md).toContain(`| ${word} |`);
      for (const text of [html, md]) expect(text).not.toMatch(bad);
    }
  });

  it('renders a year with no data at all, and the first year of the programme against the year before it', async () => {
    for (const period of [
      { year: 2030, compare: 2029 },
      { year: 2021, compare: 2020 },
    ]) {
      const c = await buildBriefContent(warehouse, period);
      for (const lang of ['id', 'en'] as const) {
        const doc = composeBrief(c, lang);
        for (const text of [renderHtml(doc), renderMarkdown(doc)]) expect(text, `${period.year} ${lang}`).not.toMatch(bad);
      }
    }
  });
});

describe('npm run brief', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', path.resolve('analytics/brief/brief.cli.ts'), ...args], {
      env: { ...process.env, LINDUNG_WAREHOUSE_DIR: dir, LINDUNG_DATA_DIR: outDir, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 60_000,
    }).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('refuses bad options with exit 2 and names the option', async () => {
    const results = await Promise.all([
      cli('--year', '20x3'),
      cli('--year', '2023', '--lang', 'fr'),
      cli('--year', '2023', '--format', 'docx'),
      cli('--year', '2023', '--compare', '2023'),
      cli('--year', '2023', '--nope'),
    ]);
    const named = ['--year', '--lang', '--format', '--compare', '--nope'];
    results.forEach((r, i) => {
      expect(r.code, named[i]).toBe(2);
      expect(r.stderr).toContain(named[i]);
    });
  });

  it('writes the brief and says where, one line per file', async () => {
    const target = path.join(outDir, 'cli');
    const r = await cli('--year', '2023', '--compare', '2022', '--lang', 'en', '--format', 'md', '--out', target);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote ${path.join(target, 'brief-2023-vs-2022.en.md')}`);
    expect(fs.readFileSync(path.join(target, 'brief-2023-vs-2022.en.md'), 'utf8')).toMatch(/^_Policy brief_\n\n# /);
  });
});

describe('the briefs the platform keeps and serves', () => {
  it('writes 2023 against 2022 and the last complete year, HTML and Markdown without Chromium, and serves them at /briefs/', async () => {
    const folder = path.join(outDir, 'standing');
    const warnings: object[] = [];
    const log = { info: () => {}, warn: (details: object) => void warnings.push(details) };
    const written = await writeStandingBriefs({ warehouse, outDir: folder, chromiumPath: '/nonexistent/chromium', log });
    const latest = lastCompleteYear(content.snapshot.snapshotDate);
    expect(latest).toBeGreaterThan(2023);
    // every regency the rows hold and the province; the whole warehouse's brief only while it holds one regency
    const regencies = (await marts.rows<{ code: string }>('select distinct regency_code as code from fct_enrolment_years order by 1')).map(
      (r) => r.code,
    );
    const scopes = [...(regencies.length === 1 ? [{}] : []), ...regencies.map((region) => ({ region })), { region: '64' }];
    const periods = [
      [2023, 2022],
      [latest, latest - 1],
    ] as const;
    expect(written.map((w) => [w.year, w.compare])).toEqual(periods.flatMap((p) => scopes.map(() => [...p])));
    expect(warnings).toHaveLength(1);
    expect(
      listBriefs(folder)
        .map((b) => b.file)
        .sort(),
    ).toEqual(
      periods
        .flatMap(([y, c]) =>
          scopes.flatMap((scope) =>
            (['id', 'en'] as const).flatMap((l) => (['html', 'md'] as const).map((f) => briefFileName(y, c, l, f, scope))),
          ),
        )
        .sort(),
    );
    const served = briefFileName(2023, 2022, 'en', 'html', { region: '64.02' });

    const api = await startApi({ db, warehouseDir: dir, briefsDir: folder });
    try {
      const base = api.url.replace(/\/graphql$/, '/briefs');
      const index = await fetch(`${base}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('href="brief-2023-vs-2022.region-64.02.id.html"');
      const brief = await fetch(`${base}/${served}`);
      expect(brief.status).toBe(200);
      expect(brief.headers.get('content-type')).toMatch(/^text\/html/);
      expect(brief.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await brief.text()).toBe(fs.readFileSync(path.join(folder, served), 'utf8'));
      const markdown = await fetch(`${base}/${briefFileName(2023, 2022, 'id', 'md', { region: '64' })}`);
      expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await markdown.text()).toContain(`# `);
      expect((await fetch(`${base}/..%2f..%2fpackage.json`)).status).toBe(404);

      // the API's analytics fields answer from the same metrics: the brief's numbers, line by line
      const res = await api.gql(
        `query ($metric: AnalyticsMetric!, $groupBy: AnalyticsGrouping) {
        yearOverYear(metric: $metric, year: 2023, compareTo: 2022, groupBy: $groupBy) {
          total { value prior change changePct } groups { key value prior change changePct } snapshot { snapshotDate etlRunId } } }`,
        { metric: 'BENEFITS_PAID', groupBy: 'PROGRAMME' },
        { role: 'viewer' },
      );
      const answer = res.body.data!.yearOverYear;
      const payouts = content.payouts.byProgramme;
      expect(answer.snapshot).toEqual({ snapshotDate: payouts.snapshot.snapshotDate, etlRunId: payouts.snapshot.runId });
      const { key: _key, label: _label, ...total } = payouts.total;
      expect(answer.total).toEqual(total);
      expect(answer.groups).toEqual(payouts.groups.map(({ label: _l, ...g }) => g));
      expect((await fetch(`${base}/.hidden`)).status).toBe(404);
    } finally {
      await api.close();
    }
  }, 600_000);
});

describe('issue 15, item 5: the briefs as a budget officer reads them', () => {
  const pages = (lang: Lang, folder: string) => pdfPages(path.join(folder, briefFileName(2023, 2022, lang, 'pdf')));

  it('prints each table whole or with its header on every page, and its total on its last rows\u2019 page', async () => {
    await briefs2023();
    for (const lang of ['id', 'en'] as const) {
      const text = await pages(lang, outDir);
      const doc = composeBrief(content, lang);
      const tables = doc.sections.flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === 'table' && b.rows.length > 0);
      expect(tables.filter((t) => t.footer).length).toBeGreaterThanOrEqual(6);
      let from = 0;
      for (const t of tables) {
        const flat = (cells: string[]) => cells.slice(1, 3).map((c) => c.replace(/\u00a0/g, ' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        // the caption on a line of its own (a sentence may start with the same words)
        const caption = new RegExp(`^\\s*${t.caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm');
        const captionPage = pageOf(text, caption, from);
        expect(captionPage, `${lang}: ${t.caption}`).toBeGreaterThanOrEqual(0);
        const lastRow = new RegExp(flat(t.rows[t.rows.length - 1]!).join('\\s+'));
        const lastPage = pageOf(text, lastRow, captionPage);
        expect(lastPage, `${lang}: ${t.caption}: last row`).toBeGreaterThanOrEqual(captionPage);
        for (let p = captionPage + 1; p <= lastPage; p++) {
          // a continued table starts its page with its header row
          expect(text[p]!.trimStart().startsWith(t.columns[0]!.label), `${lang}: ${t.caption}: header on page ${p + 1}`).toBe(true);
        }
        if (t.footer) {
          const total = new RegExp(`^\\s*${t.footer[0]}\\s+${flat(t.footer).join('\\s+')}`, 'm');
          expect(pageOf(text, total, captionPage), `${lang}: ${t.caption}: total with its last rows`).toBe(lastPage);
          expect(text[lastPage]!.search(lastRow)).toBeLessThan(text[lastPage]!.search(total));
        }
        from = captionPage;
      }
      // the appendix is elsewhere: the PDF ends with the notes and the appendix's file name
      expect(text.join('\f')).toContain(appendixFileName(2023, 2022, lang, 'html'));
      expect(text.join('\f')).not.toMatch(/with metric as|select year/);
      await pdfImages(path.join(outDir, briefFileName(2023, 2022, lang, 'pdf')), path.join(outDir, 'pdf-pages'), `brief-${lang}`);
    }
  });

  it('explains the headline\u2019s vulnerable workers against the table\u2019s regency-paid workers', () => {
    const vulnerable = group(content.workers.vulnerable, 'REGENCY_BUDGET').value!;
    const regencyPaid = group(content.workers.bySponsorKind, 'REGENCY_BUDGET').value!;
    expect(BigInt(regencyPaid)).toBeGreaterThan(BigInt(vulnerable));
    const others = (BigInt(regencyPaid) - BigInt(vulnerable)).toString();
    for (const [lang, words] of [
      ['id', ['pekerja rentan', 'non-ASN']],
      ['en', ['vulnerable', 'non-ASN']],
    ] as const) {
      const doc = composeBrief(content, lang);
      const workers = doc.sections.find((s) => s.id === 'workers')!;
      const table = workers.blocks.find((b): b is TableBlock => b.kind === 'table')!;
      for (const figure of [regencyPaid, vulnerable, others]) expect(table.note, `${lang} ${figure}`).toContain(formatCount(figure, lang));
      for (const word of words) expect(table.note).toContain(word);
      // the cost sentence and its key figure divide by the regency-paid workers: they say what those are
      const cost = doc.sections.find((s) => s.id === 'cost')!.blocks.find((b) => b.kind === 'paragraph') as { text: string };
      expect(cost.text).toContain(`${formatCount(vulnerable, lang)} ${words[0]} + ${formatCount(others, lang)} non-ASN`);
      expect(doc.keyFigures[5]!.detail).toContain(`${formatCount(vulnerable, lang)}`);
    }
  });

  it('says plainly which month-end snapshots a membership chart lacks, for the article\u2019s years and the latest year', async () => {
    const workersText = (c: BriefContent, lang: Lang) =>
      composeBrief(c, lang)
        .sections.find((s) => s.id === 'workers')!
        .blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
        .join(' ');
    // this warehouse holds one month end per year (31 December) and a live snapshot
    expect(workersText(content, 'id')).toContain('Untuk 2022 dan 2023, rangkaian snapshot akhir bulan baru dimulai pada Desember.');
    expect(workersText(content, 'en')).toContain('For 2022 and 2023, the month-end snapshots start in December.');
    const latest = lastCompleteYear(content.snapshot.snapshotDate);
    const late = await buildBriefContent(warehouse, { year: latest, compare: latest - 1 });
    expect(workersText(late, 'id')).toContain(`Gudang data belum memiliki snapshot akhir bulan untuk ${latest - 1} dan ${latest}`);
    expect(workersText(late, 'en')).toContain(`The warehouse has no month-end snapshots for ${latest - 1} and ${latest} yet`);
    expect(renderHtml(composeBrief(late, 'id'))).toContain('Belum ada snapshot akhir bulan untuk kedua tahun ini');
  });

  it('prints no percentage change above 1.000%: a rise from a tiny base reads "dari … menjadi …"', () => {
    for (const lang of ['id', 'en'] as const) {
      const doc = composeBrief(content, lang);
      for (const text of [renderHtml(doc), renderMarkdown(doc)]) {
        const pct = [...text.matchAll(lang === 'id' ? /[+-]([\d.]+),(\d)%/g : /[+-]([\d,]+)\.(\d)%/g)].map((m) =>
          Number(`${m[1]!.replace(/[.,]/g, '')}.${m[2]}`),
        );
        expect(pct.length).toBeGreaterThan(10);
        expect(Math.max(...pct), lang).toBeLessThanOrEqual(1000);
      }
    }
    const tiny = [content.payouts.vulnerable.total, ...content.payouts.vulnerable.groups].filter(isTinyBase);
    if (tiny.length) expect(renderHtml(composeBrief(content, 'id'))).toContain('menjadi');
  });

  it('writes the SQL appendix in the brief\u2019s language, linked from the brief, with every query', async () => {
    await briefs2023();
    const read = (file: string) => fs.readFileSync(path.join(outDir, file), 'utf8');
    for (const lang of ['id', 'en'] as const) {
      const brief = read(briefFileName(2023, 2022, lang, 'html'));
      const sqlHtml = read(appendixFileName(2023, 2022, lang, 'html'));
      const sqlMd = read(appendixFileName(2023, 2022, lang, 'md'));
      const md = read(briefFileName(2023, 2022, lang, 'md'));
      expect(brief).toContain(`href="${appendixFileName(2023, 2022, lang, 'html')}"`);
      expect(md).toContain(`(${appendixFileName(2023, 2022, lang, 'md')})`);
      for (const q of content.queries) {
        expect(brief).toContain(`href="${appendixFileName(2023, 2022, lang, 'html')}#${q.id.toLowerCase()}"`);
        expect(md).toContain(`[${q.id}](${appendixFileName(2023, 2022, lang, 'md')}#${q.id.toLowerCase()})`);
        expect(sqlHtml).toContain(`id="${q.id.toLowerCase()}"`);
        expect(sqlMd).toContain(`<a id="${q.id.toLowerCase()}"></a>`);
      }
      expect(sqlHtml).toContain(`<html lang="${lang}">`);
      expect(sqlHtml).toContain(lang === 'id' ? 'Lampiran A' : 'Appendix A');
      for (const text of [sqlHtml, sqlMd]) {
        const comments = [...text.replace(/&#39;/g, "'").matchAll(/^\s*-- (.*)$/gm)].map((m) => m[1]!);
        expect(comments.length).toBeGreaterThan(10);
        if (lang === 'id') {
          expect(comments.join(' ')).not.toMatch(/\b(source|sources|groups|the year|paid in)\b/);
          expect(comments.join(' ')).toMatch(/sumber:/);
          for (const q of content.queries) for (const sql of q.sql) expect(untranslatedComments(sql, 'id'), q.id).toEqual([]);
        } else expect(comments.join(' ')).toMatch(/source:/);
      }
    }
  });

  it('writes a sponsor\u2019s brief, and refuses a sponsor the warehouse does not know', async () => {
    const folder = path.join(outDir, 'sponsor');
    const result = await writeBriefs({
      warehouse,
      outDir: folder,
      year: 2023,
      compare: 2022,
      langs: ['id'],
      formats: ['html'],
      scope: { sponsor: 'PEMKAB-KUKAR' },
    });
    const html = fs.readFileSync(path.join(folder, 'brief-2023-vs-2022.sponsor-PEMKAB-KUKAR.id.html'), 'utf8');
    expect(html).toContain('Sponsor: ');
    expect(html).toContain('PEMKAB-KUKAR');
    expect((result.content as BriefContent).sponsor.allocated.groups.some((g) => g.key === 'PEMKAB-KUKAR')).toBe(true);
    expect(html).toContain(formatRupiah(group(content.budget.allocated, 'REGENCY_BUDGET').value!, 'id'));
    expect(fs.existsSync(path.join(folder, 'latest.id.html'))).toBe(false);
    await expect(
      writeBriefs({ warehouse, outDir: folder, year: 2023, langs: ['id'], formats: ['html'], scope: { sponsor: 'NOPE-1' } }),
    ).rejects.toThrow(/sponsor/);
    // the whole regency's brief has no sponsor section and keeps its query ids
    expect(composeBrief(content, 'id').sections.map((s) => s.id)).not.toContain('sponsor');
  });

  it('writes a brief on demand at POST /briefs for analysts, HTML and Markdown in the server, PDF in a child process', async () => {
    const folder = path.join(outDir, 'on-demand');
    const api = await startApi({ db, warehouseDir: dir, briefsDir: folder });
    try {
      const base = api.url.replace(/\/graphql$/, '');
      const post = async (body: unknown, role?: 'viewer' | 'analyst' | 'admin') =>
        fetch(`${base}/briefs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(role ? { authorization: `Bearer ${await api.token(role)}` } : {}) },
          body: JSON.stringify(body),
        });
      const request = { year: 2023, compareTo: 2022, lang: ['id', 'en'], format: ['html', 'md'], sponsor: 'PEMKAB-KUKAR' };
      const anonymous = await post(request);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      const bad = await post({ ...request, compareTo: 2024 }, 'analyst');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as any).error.field).toBe('compare');
      const res = await post(request, 'analyst');
      expect(res.status).toBe(201);
      const written = (await res.json()) as any;
      expect(written).toMatchObject({ year: 2023, compare: 2022, snapshotDate: content.snapshot.snapshotDate });
      const urls = written.files.map((f: { url: string }) => f.url).sort();
      expect(urls).toEqual(
        (['id', 'en'] as const)
          .flatMap((l) => [
            ...(['html', 'md'] as const).map((f) => briefFileName(2023, 2022, l, f, { sponsor: 'PEMKAB-KUKAR' })),
            ...(['html', 'md'] as const).map((f) => appendixFileName(2023, 2022, l, f, { sponsor: 'PEMKAB-KUKAR' })),
          ])
          .map((f) => `/briefs/${f}`)
          .sort(),
      );
      for (const url of urls) expect((await fetch(`${base}${url}`)).status).toBe(200);

      const pdf = await post({ year: 2023, lang: 'id', format: 'pdf' }, 'admin');
      expect(pdf.status).toBe(201);
      const pdfFiles = ((await pdf.json()) as any).files as Array<{ url: string; format: string; part: string }>;
      expect(pdfFiles.map((f) => f.url).sort()).toEqual(['/briefs/brief-2023-vs-2022.id.pdf', '/briefs/brief-2023-vs-2022.id.sql.html']);
      const printed = await fetch(`${base}/briefs/brief-2023-vs-2022.id.pdf`);
      expect(
        Buffer.from(await printed.arrayBuffer())
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('%PDF');
    } finally {
      await api.close();
    }
  });
});
