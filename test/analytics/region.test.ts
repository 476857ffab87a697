import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trend, yearOverYear, type YearOverYearAnswer } from '../../analytics/metrics/metric-queries.js';
import { AnswerCache } from '../../analytics/semantic/answer-cache.js';
import { type SemanticAnswer, semanticQuery } from '../../analytics/semantic/semantic-query.js';
import { METRICS, type MetricGrouping, type MetricName } from '../../schema/metrics/metric-definitions.js';
import { NATIONAL, type RegionScope } from '../../schema/region-scope.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import { AnalyticsService } from '../../server/services/analytics.service.js';
import type { ServiceDeps } from '../../server/services/service-deps.js';
import type { TestDatabase } from '../helpers/database.js';
import { openReader } from '../etl/etl.fixture.js';
import { MOVED_KECAMATAN, PASER, provinceWarehouses } from './regions.fixture.js';

/** The metrics answer for a region, on the province demo's warehouses of regions.fixture.ts (before and after a move). */

const YEAR = 2023;
const COMPARE = 2022;

let db: TestDatabase;
let beforeDir: string;
let afterDir: string;
let before: WarehouseReader;
let after: WarehouseReader;

const scope = (...codes: string[]): RegionScope => ({ national: false, codes });

beforeAll(async () => {
  ({ db, beforeDir, afterDir } = await provinceWarehouses());
  before = new WarehouseReader(beforeDir);
  after = new WarehouseReader(afterDir);
}, 240_000);

afterAll(async () => {
  before?.close();
  after?.close();
  await db?.drop();
  for (const d of [beforeDir, afterDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

const yearly = [...METRICS.values()].filter((m) => m.yearly);
const cases = yearly.flatMap((m) => [null, ...m.groupings].map((g) => ({ metric: m.name, groupBy: g as MetricGrouping | null })));

function ask(w: WarehouseReader, metric: MetricName, groupBy: MetricGrouping | null, regions: RegionScope | null) {
  return w.pinned((q) => yearOverYear(q, { metric, year: YEAR, compareTo: COMPARE, groupBy, regions }));
}

/** The figures of an answer, keyed by group; a kecamatan group by its position (its code changed with the move). */
function figures(a: YearOverYearAnswer) {
  const row = (c: YearOverYearAnswer['total']) => [c.value, c.prior, c.change, c.changePct];
  const key = (k: string) => (a.groupBy === 'KECAMATAN' ? 'moved' : k);
  return { total: row(a.total), groups: Object.fromEntries(a.groups.map((g) => [key(g.key), row(g)])) };
}

describe('facts carry the regency and kecamatan', () => {
  it('every membership year, contribution and paid claim names its worker’s regency and kecamatan; budgets their sponsor’s', async () => {
    const marts = await openReader(afterDir);
    try {
      for (const mart of ['fct_enrolment_years', 'fct_contributions', 'fct_claims_paid', 'fct_contributions_monthly']) {
        const [row] = await marts.rows<{ regencies: string; missing: string }>(
          `select count(distinct regency_code) as regencies, count(*) filter (where regency_code is null or kecamatan_code is null) as missing from ${mart}`,
        );
        expect(Number(row!.regencies), mart).toBeGreaterThanOrEqual(2);
        expect(Number(row!.missing), `${mart}: rows without regency or kecamatan`).toBe(0);
      }
      const { rows: sponsors } = await db.pool.query<{ code: string; region_code: string }>(
        "select code, region_code from sponsor where kind = 'REGENCY_BUDGET' order by code",
      );
      const budgets = await marts.rows<{ sponsor_code: string; sponsor_region_code: string }>(
        "select distinct sponsor_code, sponsor_region_code from fct_budget where sponsor_kind = 'REGENCY_BUDGET' order by 1",
      );
      expect(budgets.map((b) => [b.sponsor_code, b.sponsor_region_code])).toEqual(sponsors.map((s) => [s.code, s.region_code]));
      expect(budgets.length).toBeGreaterThanOrEqual(2);
    } finally {
      marts.close();
    }
  });
});

const ADDITIVE: readonly MetricName[] = [
  'CONTRIBUTIONS_PAID',
  'BENEFITS_PAID',
  'CLAIMS_PAID',
  'WORKERS_PROTECTED',
  'VULNERABLE_WORKERS_SPONSORED',
  'VULNERABLE_BENEFITS_PAID',
];
const total = async (w: WarehouseReader, metric: MetricName, regions: RegionScope | null) => {
  const t = (await ask(w, metric, null, regions)).total;
  return [BigInt(t.value ?? 0), BigInt(t.prior ?? 0)];
};

describe('metrics for a region', () => {
  it('a national caller (no regions) reads the statement the metric always had', async () => {
    const whole = await ask(before, 'WORKERS_PROTECTED', 'SECTOR', null);
    const national = await ask(before, 'WORKERS_PROTECTED', 'SECTOR', NATIONAL);
    expect(national.sql).toEqual(whole.sql);
    expect(whole.sql[0]).toMatch(/^with metric as \(/);
    expect(whole.regions).toBeNull();
  });

  it.each(cases)('$metric by $groupBy: the province is the whole warehouse, before and after a move within it', async ({
    metric,
    groupBy,
  }) => {
    const whole = await ask(before, metric, groupBy, null);
    const province = await ask(after, metric, groupBy, scope('64'));
    expect(province.regions).toEqual(['64']);
    if (groupBy === 'KECAMATAN') expect(province.total).toEqual(whole.total);
    else expect(figures(province)).toEqual(figures(whole));
  });

  it.each(ADDITIVE)('%s: Paser gains what the moved kecamatan had, and Kukar loses it', async (metric) => {
    const kecamatan = await total(before, metric, scope(MOVED_KECAMATAN));
    // the small demo pays no vulnerable worker's benefit in that kecamatan; the other figures it has
    if (metric !== 'VULNERABLE_BENEFITS_PAID') expect(kecamatan[0]).toBeGreaterThan(0n);
    const [paserBefore, paserAfter, kukarBefore, kukarAfter] = await Promise.all([
      total(before, metric, scope(PASER)),
      total(after, metric, scope(PASER)),
      total(before, metric, scope('64.02')),
      total(after, metric, scope('64.02')),
    ]);
    for (const i of [0, 1]) {
      expect(paserAfter![i]! - paserBefore![i]!, `${metric} Paser`).toBe(kecamatan[i]);
      expect(kukarBefore![i]! - kukarAfter![i]!, `${metric} Kukar`).toBe(kecamatan[i]);
    }
  });

  it.each([...ADDITIVE, 'BUDGET_ALLOCATED', 'LABOUR_FORCE'] as const)('%s: the regencies add up to the province', async (metric) => {
    const marts = await openReader(afterDir);
    const regencies = await marts.rows<{ code: string }>(
      "select region_code as code from dim_region where region_level = 'REGENCY' and starts_with(region_code, '64.') order by 1",
    );
    marts.close();
    let sum = 0n;
    for (const { code } of regencies) sum += (await total(after, metric, scope(code)))[0]!;
    expect(sum).toBe((await total(after, metric, scope('64')))[0]);
    expect(sum).toBeGreaterThan(0n);
  });

  it('budgets follow the paying sponsor: Paser’s APBD as PostgreSQL has it, none in a kecamatan', async () => {
    const { rows } = await db.pool.query<{ year: number; amount: string }>(
      `select b.fiscal_year as year, sum(b.amount)::text as amount from budget_in_force b join sponsor s on s.id = b.sponsor_id
       where s.region_code = '${PASER}' or s.region_code like '${PASER}.%' group by 1`,
    );
    const byYear = Object.fromEntries(rows.map((r) => [r.year, r.amount]));
    const paser = await ask(after, 'BUDGET_ALLOCATED', 'SPONSOR', scope(PASER));
    expect(paser.total.value).toBe(byYear[YEAR] ?? null);
    expect(paser.total.prior).toBe(byYear[COMPARE] ?? null);
    expect(paser.total.value).not.toBeNull();
    const realisationBefore = await ask(before, 'BUDGET_REALISATION', 'SPONSOR', scope('64.02'));
    const realisationAfter = await ask(after, 'BUDGET_REALISATION', 'SPONSOR', scope('64.02'));
    expect(figures(realisationAfter)).toEqual(figures(realisationBefore)); // by sponsor: a move of workers changes nothing
    const kecamatan = await ask(after, 'BUDGET_ALLOCATED', null, scope('64.02.02'));
    expect(kecamatan.total.value).toBeNull();
  });

  it('workers protected in Paser equal a count straight from PostgreSQL', async () => {
    const { rows } = await db.pool.query<{ n: string }>(`select count(distinct e.worker_id)::text as n
      from enrolment e join worker w on w.id = e.worker_id
      where w.region_code like '${PASER}.%' and e.start_date <= date '${YEAR}-12-31'
        and coalesce(e.end_date, date '9999-12-31') >= date '${YEAR}-01-01'`);
    const paser = await ask(after, 'WORKERS_PROTECTED', null, scope(PASER));
    expect(paser.total.value).toBe(rows[0]!.n);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });

  it('a trend for a region: Paser’s active memberships gain the kecamatan’s', async () => {
    const q = { metric: 'ACTIVE_ENROLMENTS' as const, from: '2026-01-01', to: '2026-12-31', interval: 'MONTH' as const };
    const points = async (w: WarehouseReader, code: string) =>
      (await w.pinned((x) => trend(x, { ...q, regions: scope(code) }))).points.map((p) => BigInt(p.value ?? 0));
    const [kecamatan, paserBefore, paserAfter] = [
      await points(before, MOVED_KECAMATAN),
      await points(before, PASER),
      await points(after, PASER),
    ];
    expect(paserAfter).toEqual(paserBefore.map((v, i) => v + kecamatan[i]!));
    expect(kecamatan.some((v) => v > 0n)).toBe(true);
  });

  it('several regions of a scope answer together; a village is refused', async () => {
    const both = await ask(after, 'CONTRIBUTIONS_PAID', null, scope('64.02.02', '64.02.03'));
    const a = await ask(after, 'CONTRIBUTIONS_PAID', null, scope('64.02.02'));
    const b = await ask(after, 'CONTRIBUTIONS_PAID', null, scope('64.02.03'));
    expect(BigInt(both.total.value!)).toBe(BigInt(a.total.value ?? 0) + BigInt(b.total.value ?? 0));
    await expect(ask(after, 'CONTRIBUTIONS_PAID', null, scope('64.02.02.2001'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the semantic query for a region', () => {
  const MEASURES = ['WORKERS_PROTECTED', 'CONTRIBUTIONS_PAID', 'BENEFITS_PAID', 'BUDGET_ALLOCATED', 'COVERAGE', 'LABOUR_FORCE'] as const;
  const question = (regions: RegionScope | null) => ({
    measures: MEASURES,
    timeDimension: {
      granularity: 'YEAR' as const,
      dateRange: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` },
      compareDateRange: { from: `${COMPARE}-01-01`, to: `${COMPARE}-12-31` },
    },
    regions,
  });

  it.each([
    ['Paser', PASER],
    ['Kukar', '64.02'],
    ['a kecamatan', '64.02.02'],
    ['the province', '64'],
  ])('%s: every measure equals yearOverYear for the same regions', async (_, code) => {
    const regions = scope(code);
    const answer = await semanticQuery(after, question(regions), { maxCells: 10_000 });
    expect(answer.regions).toEqual([code]);
    for (const v of answer.totals[0]!.values) {
      const yoy = await ask(after, v.measure, null, regions);
      const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Number(a) === Number(b));
      expect(
        same(v.value, yoy.total.value) && same(v.prior, yoy.total.prior),
        `${v.measure}: ${v.value}/${v.prior} vs ${yoy.total.value}/${yoy.total.prior}`,
      ).toBe(true);
    }
  });

  it('answers are cached per scope: two scopes, two answers', async () => {
    const cache = new AnswerCache<SemanticAnswer>(10);
    const options = { maxCells: 10_000, cache };
    const paser = await semanticQuery(after, question(scope(PASER)), options);
    const kukar = await semanticQuery(after, question(scope('64.02')), options);
    expect(kukar.totals[0]!.values[0]!.value).not.toBe(paser.totals[0]!.values[0]!.value);
    expect(await semanticQuery(after, question(scope(PASER)), options)).toBe(paser);
  });

  it('a village scope is refused before the warehouse is read', async () => {
    await expect(semanticQuery(after, question(scope('64.02.02.2001')), { maxCells: 10_000 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe("the API's analytics fields held to the caller's scope", () => {
  /** The service as a request builds it (server/context.ts), for a caller with this scope. */
  const service = (callerScope: RegionScope | undefined) =>
    new AnalyticsService({
      user: { subject: 'officer', role: 'viewer', seesPersonalData: false, ...(callerScope ? { scope: callerScope } : {}) },
      warehouse: after,
      semantic: { maxCells: 10_000, cache: new AnswerCache<SemanticAnswer>(10) },
    } as unknown as ServiceDeps);
  const q = { metric: 'WORKERS_PROTECTED' as const, year: YEAR, compareTo: COMPARE, groupBy: 'SECTOR' as const };

  it('a kecamatan officer’s yearOverYear is their kecamatan’s, also when they name their regency', async () => {
    const officer = service(scope('64.02.02'));
    const own = await ask(after, 'WORKERS_PROTECTED', 'SECTOR', scope('64.02.02'));
    for (const region of [undefined, '64.02', '64', '64.02.02']) {
      const answer = await officer.yearOverYear({ ...q, region });
      expect(answer.regions, String(region)).toEqual(['64.02.02']);
      expect(answer.total.value).toBe(own.total.value);
      expect(answer.groups.map((g) => g.value)).toEqual(own.groups.map((g) => g.value));
    }
    await expect(officer.yearOverYear({ ...q, region: PASER })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const trendAnswer = await officer.trend({ metric: 'CLAIMS_PAID', from: '2023-01-01', to: '2023-12-31', interval: 'YEAR' });
    expect(trendAnswer.regions).toEqual(['64.02.02']);
  });

  it('a provincial viewer asks for one regency; a caller without a scope sees no region', async () => {
    const province = service(scope('64'));
    const paser = await province.yearOverYear({ ...q, region: PASER });
    expect(paser.total.value).toBe((await ask(after, 'WORKERS_PROTECTED', null, scope(PASER))).total.value);
    const unscoped = await service(undefined).yearOverYear(q);
    expect(unscoped.regions).toEqual([]);
    expect(unscoped.total.value).toBeNull();
    await expect(province.yearOverYear({ ...q, region: 'Kukar' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('analytics answers for the scope, cached per scope', async () => {
    const question = {
      measures: ['CONTRIBUTIONS_PAID'] as const,
      timeDimension: { granularity: 'YEAR' as const, dateRange: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` } },
    };
    const kecamatan = await service(scope('64.02.02')).analytics(question);
    const paser = await service(scope(PASER)).analytics(question);
    expect(kecamatan.regions).toEqual(['64.02.02']);
    expect(paser.regions).toEqual([PASER]);
    expect(kecamatan.totals[0]!.values[0]!.value).toBe((await ask(after, 'CONTRIBUTIONS_PAID', null, scope('64.02.02'))).total.value);
    expect(paser.totals[0]!.values[0]!.value).toBe((await ask(after, 'CONTRIBUTIONS_PAID', null, scope(PASER))).total.value);
  });
});
