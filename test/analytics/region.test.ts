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
import { etlService, openReader, seededDatabase, tempWarehouse } from '../etl/etl.fixture.js';

/**
 * The metrics answer for a region. A hand-built multi-regency operational database: the demo (Kutai
 * Kartanegara) seeded small and published to warehouse `before`; then every worker of one Kukar kecamatan
 * (and its labour force) moves to a second regency, Paser (64.01), which gets an APBD sponsor and budget of
 * its own, and the same database is published to warehouse `after`. The moved workers keep every membership,
 * contribution and claim, so Paser's figures in `after` must be that kecamatan's in `before`, the province's
 * must be the whole of `before`, and the two regencies must add up to the province wherever a figure adds up.
 */

const MOVED_KECAMATAN = '64.02.01';
const PASER = '64.01';
const PASER_KECAMATAN = '64.01.01';
const PASER_BUDGET = { 2022: 2_500_000_000n, 2023: 3_000_000_000n };
const YEAR = 2023;
const COMPARE = 2022;

let db: TestDatabase;
let beforeDir: string;
let afterDir: string;
let before: WarehouseReader;
let after: WarehouseReader;

const scope = (...codes: string[]): RegionScope => ({ national: false, codes });

beforeAll(async () => {
  db = await seededDatabase();
  beforeDir = tempWarehouse();
  afterDir = tempWarehouse();
  const first = etlService(db, beforeDir);
  await first.snapshot(first.today(), 'live');
  await db.pool.query(`insert into region (code, name, level, parent_code) values
      ('${PASER}', 'Paser', 'REGENCY', '64'), ('${PASER_KECAMATAN}', 'Batu Sopang', 'DISTRICT', '${PASER}')
    on conflict (code) do nothing`);
  await db.pool.query(`update worker set region_code = '${PASER_KECAMATAN}'
    where region_code = '${MOVED_KECAMATAN}' or region_code like '${MOVED_KECAMATAN}.%'`);
  await db.pool.query(`update workforce set region_code = '${PASER_KECAMATAN}' where region_code = '${MOVED_KECAMATAN}'`);
  const { rows } = await db.pool.query<{ id: string }>(`with e as (
      insert into employer (code, name, region_code) values ('PEMKAB-PASER-OFFICE', 'Pemkab Paser', '${PASER_KECAMATAN}') returning id
    )
    insert into sponsor (code, name, kind, employer_id) select 'PEMKAB-PASER', 'Pemkab Paser (APBD)', 'REGENCY_BUDGET', id from e returning id`);
  for (const [year, amount] of Object.entries(PASER_BUDGET)) {
    await db.pool.query('insert into budget_allocation (sponsor_id, fiscal_year, kind, amount) values ($1, $2, $3, $4)', [
      rows[0]!.id,
      Number(year),
      'ORIGINAL',
      amount.toString(),
    ]);
  }
  const second = etlService(db, afterDir);
  await second.snapshot(second.today(), 'live');
  before = new WarehouseReader(beforeDir);
  after = new WarehouseReader(afterDir);
}, 240_000);

afterAll(async () => {
  before?.close();
  after?.close();
  await db?.drop();
  for (const d of [beforeDir, afterDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

const BUDGET_METRICS: readonly MetricName[] = ['BUDGET_ALLOCATED', 'BUDGET_REALISATION'];
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
  it('every membership year, contribution and paid claim names its worker’s regency and kecamatan', async () => {
    const marts = await openReader(afterDir);
    try {
      for (const mart of ['fct_enrolment_years', 'fct_contributions', 'fct_claims_paid', 'fct_contributions_monthly']) {
        const rows = await marts.rows<{ regency_code: string | null; kecamatan_code: string | null; n: string }>(
          `select regency_code, count(*) filter (where kecamatan_code is null) as n from ${mart} group by 1 order by 1`,
        );
        expect(
          rows.map((r) => r.regency_code),
          mart,
        ).toEqual([PASER, '64.02']);
        expect(
          rows.every((r) => Number(r.n) === 0),
          `${mart}: a row without kecamatan`,
        ).toBe(true);
      }
      const budgets = await marts.rows<{ sponsor_code: string; regency_code: string }>(
        "select distinct sponsor_code, regency_code from fct_budget where sponsor_kind = 'REGENCY_BUDGET' order by 1",
      );
      expect(budgets).toEqual([
        { sponsor_code: 'PEMKAB-KUKAR', regency_code: '64.02' },
        { sponsor_code: 'PEMKAB-PASER', regency_code: PASER },
      ]);
    } finally {
      marts.close();
    }
  });
});

describe('metrics for a region', () => {
  it('a national caller (no regions) reads the statement the metric always had', async () => {
    const whole = await ask(before, 'WORKERS_PROTECTED', 'SECTOR', null);
    const national = await ask(before, 'WORKERS_PROTECTED', 'SECTOR', NATIONAL);
    expect(national.sql).toEqual(whole.sql);
    expect(whole.sql[0]).toMatch(/^with metric as \(/);
    expect(whole.regions).toBeNull();
  });

  it.each(cases)('$metric by $groupBy: the province after the move is the whole warehouse before it', async ({ metric, groupBy }) => {
    if (BUDGET_METRICS.includes(metric) || metric === 'COST_PER_WORKER') return; // Paser's new budget changes these
    const whole = await ask(before, metric, groupBy, null);
    const province = await ask(after, metric, groupBy, scope('64'));
    expect(province.regions).toEqual(['64']);
    if (groupBy === 'KECAMATAN') {
      expect(province.total).toEqual(whole.total);
      expect(province.groups.length).toBe(whole.groups.length);
    } else {
      expect(figures(province)).toEqual(figures(whole));
    }
  });

  it.each(
    cases.filter((c) => !BUDGET_METRICS.includes(c.metric)),
  )('$metric by $groupBy: Paser after the move is the moved kecamatan before it', async ({ metric, groupBy }) => {
    const kecamatan = await ask(before, metric, groupBy, scope(MOVED_KECAMATAN));
    const paser = await ask(after, metric, groupBy, scope(PASER));
    expect(figures(paser), `${metric} ${groupBy}`).toEqual(figures(kecamatan));
  });

  it.each([
    'CONTRIBUTIONS_PAID',
    'BENEFITS_PAID',
    'CLAIMS_PAID',
    'LABOUR_FORCE',
    'WORKERS_PROTECTED',
    'BUDGET_ALLOCATED',
  ] as const)('%s: the two regencies add up to the province', async (metric) => {
    const kukar = await ask(after, metric, null, scope('64.02'));
    const paser = await ask(after, metric, null, scope(PASER));
    const province = await ask(after, metric, null, scope('64'));
    expect(BigInt(kukar.total.value!) + BigInt(paser.total.value!)).toBe(BigInt(province.total.value!));
    expect(BigInt(paser.total.value!)).toBeGreaterThan(0n);
  });

  it('budgets follow the paying sponsor: Paser’s APBD, none in a kecamatan', async () => {
    const paser = await ask(after, 'BUDGET_ALLOCATED', 'SPONSOR', scope(PASER));
    expect(paser.total.value).toBe(PASER_BUDGET[2023].toString());
    expect(paser.total.prior).toBe(PASER_BUDGET[2022].toString());
    expect(paser.groups.map((g) => g.key)).toEqual(['PEMKAB-PASER']);
    const realisation = await ask(after, 'BUDGET_REALISATION', null, scope(PASER));
    expect(realisation.total.value).toBe('0.0'); // its sponsor has paid nothing yet
    const kukarBefore = await ask(before, 'BUDGET_REALISATION', 'SPONSOR', null);
    const kukarAfter = await ask(after, 'BUDGET_REALISATION', 'SPONSOR', scope('64.02'));
    expect(figures(kukarAfter)).toEqual(figures(kukarBefore));
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

  it('a trend for a region: active memberships of Paser after are the kecamatan’s before', async () => {
    const q = { metric: 'ACTIVE_ENROLMENTS' as const, from: '2026-01-01', to: '2026-12-31', interval: 'MONTH' as const };
    const kecamatan = await before.pinned((w) => trend(w, { ...q, regions: scope(MOVED_KECAMATAN) }));
    const paser = await after.pinned((w) => trend(w, { ...q, regions: scope(PASER) }));
    expect(paser.points).toEqual(kecamatan.points);
    expect(paser.points.some((p) => p.value !== null && Number(p.value) > 0)).toBe(true);
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

  it('a provincial viewer asks for one regency; a caller without a scope counts as national', async () => {
    const province = service(scope('64'));
    const paser = await province.yearOverYear({ ...q, region: PASER });
    expect(paser.total.value).toBe((await ask(after, 'WORKERS_PROTECTED', null, scope(PASER))).total.value);
    const unscoped = service(undefined);
    expect((await unscoped.yearOverYear(q)).regions).toBeNull();
    expect((await unscoped.yearOverYear(q)).total.value).toBe((await ask(after, 'WORKERS_PROTECTED', null, null)).total.value);
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
