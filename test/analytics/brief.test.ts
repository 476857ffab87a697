import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefContent, lastCompleteYear, type BriefContent, type Comparison } from '../../analytics/brief/brief.content.js';
import { composeBrief } from '../../analytics/brief/brief.document.js';
import { briefFileName, listBriefs, writeBriefs } from '../../analytics/brief/brief.service.js';
import { formatCount, formatPercent, formatRupiah, formatRupiahShort, scaled, type Lang } from '../../analytics/brief/number-format.js';
import { renderHtml } from '../../analytics/brief/render-html.js';
import { renderMarkdown } from '../../analytics/brief/render-markdown.js';
import { launchChromium } from '../../analytics/brief/render-pdf.js';
import { writeStandingBriefs } from '../../analytics/brief/standing-briefs.js';
import type { MetricComparison } from '../../analytics/metrics/metric-queries.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, openReader, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';
import { startApi } from '../api/api-server.js';

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
    expect(rows.filter((r) => r.breakdown === 'kecamatan')).toHaveLength(18);
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
    const referenced = new Set([...html.matchAll(/href="#(q\d+)"/g)].map((m) => m[1]));
    for (const q of content.queries) {
      expect(referenced.has(q.id.toLowerCase()), `${q.id} referenced`).toBe(true);
      expect(html).toContain(`id="${q.id.toLowerCase()}"`);
    }
    // every template the print appendix shows fills back to the statements that ran
    expect(doc.appendix.templates.items.length).toBeGreaterThan(0);
    expect(doc.appendix.statements.print).toBe(false);
    expect(doc.appendix.index.rows).toHaveLength(content.queries.length);
  });
});

describe('files, charts in Chromium and PDF', () => {
  it('writes stable file names, latest copies and an index; the HTML fetches nothing and shows its charts', async () => {
    const result = await writeBriefs({ warehouse, outDir, year: 2023, compare: 2022, langs: ['id', 'en'], formats: ['html', 'md', 'pdf'] });
    expect(result.files.map((f) => f.file).sort()).toEqual(
      (['id', 'en'] as const).flatMap((l) => (['html', 'md', 'pdf'] as const).map((f) => briefFileName(2023, 2022, l, f))).sort(),
    );
    for (const f of result.files) expect(fs.statSync(f.path).size).toBe(f.bytes);
    for (const lang of ['id', 'en']) {
      const pdf = fs.readFileSync(path.join(outDir, `brief-2023-vs-2022.${lang}.pdf`));
      expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(pdf.length).toBeGreaterThan(20_000);
      expect(fs.readFileSync(path.join(outDir, `latest.${lang}.pdf`)).equals(pdf)).toBe(true);
    }
    const index = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    for (const f of result.files) expect(index).toContain(`href="${f.file}"`);

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
      expect(await page.locator('svg.chart-bar rect.bar').count()).toBe(18);
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
    expect(written.map((w) => [w.year, w.compare])).toEqual([
      [2023, 2022],
      [latest, latest - 1],
    ]);
    expect(warnings).toHaveLength(1);
    expect(
      listBriefs(folder)
        .map((b) => b.file)
        .sort(),
    ).toEqual(
      [
        [2023, 2022],
        [latest, latest - 1],
      ]
        .flatMap(([y, c]) => (['id', 'en'] as const).flatMap((l) => (['html', 'md'] as const).map((f) => briefFileName(y!, c!, l, f))))
        .sort(),
    );

    const api = await startApi({ db, warehouseDir: dir, briefsDir: folder });
    try {
      const base = api.url.replace(/\/graphql$/, '/briefs');
      const index = await fetch(`${base}/`);
      expect(index.status).toBe(200);
      expect(await index.text()).toContain('href="brief-2023-vs-2022.id.html"');
      const brief = await fetch(`${base}/brief-2023-vs-2022.en.html`);
      expect(brief.status).toBe(200);
      expect(brief.headers.get('content-type')).toMatch(/^text\/html/);
      expect(brief.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await brief.text()).toBe(fs.readFileSync(path.join(folder, 'brief-2023-vs-2022.en.html'), 'utf8'));
      const markdown = await fetch(`${base}/latest.id.md`);
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
  });
});
