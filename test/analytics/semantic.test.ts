import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnswerCache, type SemanticAnswer, type SemanticQuery, semanticQuery } from '../../analytics/index.js';
import { pinnedModelSql } from '../../analytics/semantic/pinned-models.js';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import { QueryTooLargeError, ValidationError } from '../../schema/errors.js';
import { buildSemanticWarehouse, EARLIER, LATEST } from './semantic.fixture.js';

const Q1_2023 = { from: '2023-01-01', to: '2023-03-31' };
const Q1_2022 = { from: '2022-01-01', to: '2022-03-31' };
const YEAR = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

let dir: string;
let reader: WarehouseReader;
const ask = (q: SemanticQuery, maxCells = 10_000) => semanticQuery(reader, q, { maxCells });

/** Rows as `key/key…: value (prior)` of the first measure, to compare with hand-computed SQL. */
const cells = (a: SemanticAnswer, measure = 0) =>
  Object.fromEntries(
    a.rows.map((r) => [
      `${r.period.start} ${r.members.map((m) => m.key ?? '∅').join('/')}`,
      a.compareDateRange ? [r.values[measure]!.value, r.values[measure]!.prior] : r.values[measure]!.value,
    ]),
  );

async function hand(sql: string): Promise<Record<string, unknown>> {
  const rows = await reader.query<{ k: string; v: unknown }>(sql);
  return Object.fromEntries(rows.map((r) => [r.k, r.v]));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-semantic-'));
  await buildSemanticWarehouse(path.join(dir, 'lindung.duckdb'));
  reader = new WarehouseReader(dir);
});
afterAll(() => {
  reader?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Workers covered on any day of a range, by kecamatan and sex, straight from staging rows of one snapshot. */
const coveredSql = (snapshot: string, range: { from: string; to: string }, where = 'true') => `
  select '${range.from} ' || coalesce(p.kecamatan_code, '∅') || '/' || coalesce(w.sex, '∅') as k, cast(count(distinct e.worker_key) as varchar) as v
  from stg_enrolment e
  join stg_worker w on w.worker_key = e.worker_key and w.snapshot_date = e.snapshot_date
  left join (select region_code, parent_region_code as kecamatan_code from stg_region
             where region_level = 'VILLAGE' and snapshot_date = date '${snapshot}') p on p.region_code = w.region_code
  where e.snapshot_date = date '${snapshot}' and e.start_date <= date '${range.to}'
    and coalesce(e.end_date, e.snapshot_date) >= date '${range.from}' and ${where}
  group by all`;

describe('the semantic query on a hand-built warehouse', () => {
  it('answers two dimensions over a compare range as hand-computed SQL does, totals counted on their own', async () => {
    const a = await ask({
      measures: ['WORKERS_PROTECTED'],
      dimensions: ['KECAMATAN', 'SEX'],
      timeDimension: { dateRange: Q1_2023, compareDateRange: Q1_2022 },
    });
    const current = await hand(coveredSql(LATEST, Q1_2023));
    const prior = await hand(coveredSql(LATEST, Q1_2022));
    // A group with no rows in a period that has rows is 0 there (nobody was covered); null only for a period with none.
    const nothing = (side: Record<string, unknown>) => (Object.keys(side).length ? '0' : null);
    const expected: Record<string, [unknown, unknown]> = {};
    for (const [k, v] of Object.entries(current)) expected[k] = [v, nothing(prior)];
    for (const [k, v] of Object.entries(prior)) {
      const key = k.replace(Q1_2022.from, Q1_2023.from);
      expected[key] = [expected[key]?.[0] ?? nothing(current), v];
    }
    expect(cells(a)).toEqual(expected);
    expect(cells(a)).toEqual({
      '2023-01-01 64.02.01/L': ['1', '1'],
      '2023-01-01 64.02.01/P': ['1', '0'],
      '2023-01-01 64.02.02/L': ['0', '1'],
    });
    expect(a.rows[0]!.members).toEqual([
      { dimension: 'KECAMATAN', key: '64.02.01', label: 'Alpha' },
      { dimension: 'SEX', key: 'L', label: 'L' },
    ]);
    expect(a.totals).toHaveLength(1);
    expect(a.totals[0]!.values[0]).toEqual({ measure: 'WORKERS_PROTECTED', value: '2', prior: '2', change: '0', changePct: '0.0' });
    expect(a.rows[0]!.comparePeriod).toEqual({ start: '2022-01-01', end: '2022-03-31' });
    expect(a.snapshot).toMatchObject({ snapshotDate: LATEST, runId: 'run-latest' });
    expect(a.measures).toEqual([
      {
        measure: 'WORKERS_PROTECTED',
        unit: 'COUNT',
        distinct: true,
        dimensions: ['REGENCY', 'KECAMATAN', 'SECTOR', 'OCCUPATION', 'SEX', 'AGE_BAND', 'SEGMENT', 'SPONSOR_KIND', 'SPONSOR'],
        wholeYearsOnly: false,
      },
    ]);
    // the statement returned is the one that ran: rerun, it gives the same rows
    const rerun = await reader.query<Record<string, unknown>>(a.sql[0]!);
    expect(rerun.filter((r) => !r.is_total)).toHaveLength(a.rows.length);
  });

  it('keeps distinct counts distinct: a worker with two sponsors is in both groups and once in the total', async () => {
    const a = await ask({ measures: ['WORKERS_PROTECTED'], dimensions: ['SPONSOR_KIND'], timeDimension: { dateRange: Q1_2023 } });
    // w1 is paid for by the regency (e1) and by a CSR (e2) in Q1 2023; w2 by the regency until January
    expect(cells(a)).toEqual({ '2023-01-01 REGENCY_BUDGET': '2', '2023-01-01 COMPANY_CSR': '1' });
    expect(a.totals[0]!.values[0]!.value).toBe('2');
    expect(a.sql[0]).toContain('grouping sets');
  });

  it('applies filters with their operators, age bands in their own order', async () => {
    const informal = await ask({
      measures: ['WORKERS_PROTECTED'],
      dimensions: ['KECAMATAN'],
      filters: [{ dimension: 'SECTOR', equalTo: 'INFORMAL' }],
      timeDimension: { dateRange: YEAR(2023) },
    });
    // 2023: w1, w2 (informal, Alpha) and w3 (formal, Beta, from April)
    expect(cells(informal)).toEqual({ '2023-01-01 64.02.01': '2' });
    const young = await ask({
      measures: ['WORKERS_PROTECTED'],
      dimensions: ['AGE_BAND'],
      filters: [{ dimension: 'AGE_BAND', lessThan: '35-44' }],
      timeDimension: { dateRange: YEAR(2023) },
    });
    expect(cells(young)).toEqual({ '2023-01-01 25-34': '2' });
    const withheld = await ask({
      measures: ['WORKERS_PROTECTED'],
      filters: [{ dimension: 'AGE_BAND', isNull: true }],
      timeDimension: { dateRange: YEAR(2022) },
    });
    expect(withheld.totals[0]!.values[0]!.value).toBe('1');
    const paid = await ask({
      measures: ['CONTRIBUTIONS_PAID'],
      dimensions: ['PROGRAMME', 'SPONSOR'],
      filters: [
        { dimension: 'SPONSOR_KIND', in: ['REGENCY_BUDGET', 'COMPANY_CSR'] },
        { dimension: 'PROGRAMME', notEqualTo: 'JKM' },
      ],
      timeDimension: { granularity: 'MONTH', dateRange: Q1_2023 },
    });
    const handPaid =
      await hand(`select strftime(c.period, '%Y-%m-%d') || ' ' || c.programme || '/' || s.sponsor_code as k, cast(sum(c.amount) as varchar) as v
        from stg_contribution c join stg_sponsor s on s.sponsor_id = c.sponsor_id and s.snapshot_date = c.snapshot_date
        where c.snapshot_date = date '${LATEST}' and c.period between date '2023-01-01' and date '2023-03-31'
          and s.sponsor_kind in ('REGENCY_BUDGET', 'COMPANY_CSR') and c.programme <> 'JKM' group by all`);
    // every programme the filter keeps has a line beside each sponsor with rows in a period: 0 where it has none
    const listed: Record<string, string> = {};
    for (const k of Object.keys(handPaid)) {
      const [period, member] = k.split(' ');
      for (const programme of ['JKK', 'JHT', 'JP', 'JKP']) listed[`${period} ${programme}/${member!.split('/')[1]}`] = '0';
    }
    expect(Object.keys(handPaid).length).toBeGreaterThan(0);
    expect(cells(paid)).toEqual({ ...listed, ...handPaid });
    expect(paid.totals.map((t) => [t.period.start, t.values[0]!.value])).toEqual([
      ['2023-01-01', '10000'],
      ['2023-02-01', '22000'],
      ['2023-03-01', null],
    ]);
  });

  it('reads an earlier snapshot asOf from its own rows', async () => {
    const q = (asOf: string | null): SemanticQuery => ({
      measures: ['WORKERS_PROTECTED'],
      dimensions: ['KECAMATAN', 'SEX'],
      timeDimension: { dateRange: YEAR(2022) },
      asOf,
    });
    const then = await ask(q(EARLIER));
    expect(then.snapshot).toMatchObject({ snapshotDate: EARLIER, runId: 'run-earlier' });
    expect(cells(then)).toEqual(await hand(coveredSql(EARLIER, YEAR(2022))));
    // w4 lived in Alpha on 31 March and in Beta at the year end
    expect(cells(then)['2022-01-01 64.02.01/L']).toBe('2');
    expect(cells(await ask(q(null)))['2022-01-01 64.02.01/L']).toBe('1');
    expect(then.sql[0]).toContain(`where snapshot_date = date '${EARLIER}'`);
    expect(then.sql[0]).not.toContain('latest_snapshot');
  });

  it('computes ratios in each cell from their inputs: coverage, realisation, cost per worker', async () => {
    const coverage = await ask({
      measures: ['COVERAGE', 'WORKERS_PROTECTED', 'LABOUR_FORCE'],
      dimensions: ['KECAMATAN'],
      timeDimension: { granularity: 'YEAR', dateRange: YEAR(2023), compareDateRange: YEAR(2022) },
    });
    const alpha = coverage.rows.find((r) => r.members[0]!.key === '64.02.01')!;
    // 2023: w1, w2 of 150 in Alpha; 2022: w1, w2 of 130 (w4 is in Beta at the latest snapshot)
    expect(alpha.values.map((v) => [v.value, v.prior])).toEqual([
      ['1.3', '1.5'],
      ['2', '2'],
      ['150', '130'],
    ]);
    expect(alpha.values[0]).toMatchObject({ change: '-0.2', changePct: '-13.3' });
    const realisation = await ask({ measures: ['BUDGET_REALISATION', 'BUDGET_ALLOCATED'], timeDimension: { dateRange: YEAR(2023) } });
    // the regency paid 10000 + 6800 + 10000 for 2023 against Rp 18 miliar
    expect(realisation.totals[0]!.values.map((v) => v.value)).toEqual(['0.0', '18000000000']);
    const cost = await ask({ measures: ['COST_PER_WORKER'], dimensions: ['SPONSOR_KIND'], timeDimension: { dateRange: YEAR(2023) } });
    // CSR: 12000 for w1 alone; regency: 26800 for w1 and w2 → 13400; self: 50000 for w3
    expect(cells(cost)).toEqual({ '2023-01-01 SELF': '50000', '2023-01-01 REGENCY_BUDGET': '13400', '2023-01-01 COMPANY_CSR': '12000' });
    // 88800 over three distinct workers, rounded half up
    expect(cost.totals[0]!.values[0]!.value).toBe('29600');
  });

  it('refuses a pair the data cannot answer, bad filters, partial years for yearly measures and a too-large plan', async () => {
    const refused = async (q: SemanticQuery, field: string, rule: RegExp, maxCells?: number) => {
      const error = await ask(q, maxCells).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, field).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
      expect((error as ValidationError).rule).toMatch(rule);
    };
    const t = { dateRange: YEAR(2023) };
    await refused(
      { measures: ['WORKERS_PROTECTED'], dimensions: ['PROGRAMME'], timeDimension: t },
      'dimensions',
      /WORKERS_PROTECTED cannot be broken down by PROGRAMME/,
    );
    await refused(
      { measures: ['BENEFITS_PAID', 'LABOUR_FORCE'], dimensions: ['SEX'], timeDimension: t },
      'dimensions',
      /LABOUR_FORCE cannot be broken down by SEX/,
    );
    await refused(
      { measures: ['COVERAGE'], filters: [{ dimension: 'OCCUPATION', equalTo: 'PETANI' }], timeDimension: t },
      'filters[0].dimension',
      /COVERAGE cannot/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], filters: [{ dimension: 'SEX', equalTo: 'X' }], timeDimension: t },
      'filters[0].equalTo',
      /one of L, P/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], filters: [{ dimension: 'SEX', lessThan: 'P' }], timeDimension: t },
      'filters[0].lessThan',
      /no order/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], filters: [{ dimension: 'KECAMATAN', in: ["64.02'; drop"] }], timeDimension: t },
      'filters[0].in',
      /kecamatan code/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], filters: [{ dimension: 'KECAMATAN' }], timeDimension: t },
      'filters[0]',
      /at least one operator/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], filters: [{ dimension: 'SPONSOR', in: [] }], timeDimension: t },
      'filters[0].in',
      /1 to 200/,
    );
    await refused({ measures: ['ACTIVE_ENROLMENTS'], timeDimension: t }, 'measures', /use trend/);
    await refused({ measures: [], timeDimension: t }, 'measures', /at least one/);
    await refused(
      { measures: ['LABOUR_FORCE'], timeDimension: { granularity: 'QUARTER', dateRange: YEAR(2023) } },
      'timeDimension.dateRange',
      /whole year/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], timeDimension: { granularity: 'MONTH', dateRange: Q1_2023, compareDateRange: YEAR(2022) } },
      'timeDimension.compareDateRange',
      /as many periods as dateRange \(3 by MONTH\), it holds 12/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], timeDimension: { dateRange: { from: '2023-02-01', to: '2023-01-01' } } },
      'timeDimension.dateRange.to',
      /before from/,
    );
    await refused(
      { measures: ['CLAIMS_PAID'], timeDimension: t, asOf: '2023-06-30' },
      'asOf',
      /no snapshot was published for 2023-06-30; published: 2023-12-31, 2023-03-31/,
    );

    const large = await ask(
      {
        measures: ['CLAIMS_PAID'],
        dimensions: ['SPONSOR', 'KECAMATAN', 'SEX'],
        timeDimension: { granularity: 'MONTH', dateRange: YEAR(2023), compareDateRange: YEAR(2022) },
      },
      100,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    // 12 months × 2 ranges × 3 sponsors × 3 kecamatan (2 and none) × 3 sexes (2 and withheld)
    expect(large).toBeInstanceOf(QueryTooLargeError);
    expect((large as QueryTooLargeError).code).toBe('QUERY_TOO_LARGE');
    expect((large as QueryTooLargeError).cells).toBe(648);
    expect((large as Error).message).toMatch(/12 periods × 2 ranges × SPONSOR ~3 × KECAMATAN ~3 × SEX ~3/);
    // a filter narrows the estimate
    await expect(
      ask(
        {
          measures: ['CLAIMS_PAID'],
          dimensions: ['SPONSOR', 'KECAMATAN', 'SEX'],
          filters: [{ dimension: 'SPONSOR', equalTo: 'PEMKAB' }],
          timeDimension: { granularity: 'MONTH', dateRange: YEAR(2023) },
        },
        200,
      ),
    ).resolves.toBeDefined();
  });

  it('gives the same figures from a rollup as from the source’s own mart', async () => {
    const queries: Array<[SemanticQuery, string]> = [
      [
        {
          measures: ['WORKERS_PROTECTED'],
          dimensions: ['KECAMATAN', 'SEX'],
          timeDimension: { dateRange: Q1_2023, compareDateRange: Q1_2022 },
        },
        'fct_workers_protected_periods',
      ],
      [
        {
          measures: ['WORKERS_PROTECTED'],
          dimensions: ['AGE_BAND', 'OCCUPATION'],
          filters: [{ dimension: 'SECTOR', equalTo: 'INFORMAL' }],
          timeDimension: { granularity: 'QUARTER', dateRange: YEAR(2023), compareDateRange: YEAR(2022) },
        },
        'fct_workers_protected_periods',
      ],
      [
        {
          measures: ['COVERAGE'],
          dimensions: ['SECTOR'],
          timeDimension: { granularity: 'YEAR', dateRange: { from: '2022-01-01', to: '2023-12-31' } },
        },
        'fct_workers_protected_periods',
      ],
      [
        {
          measures: ['CONTRIBUTIONS_PAID'],
          dimensions: ['PROGRAMME', 'SPONSOR'],
          timeDimension: { granularity: 'MONTH', dateRange: YEAR(2023), compareDateRange: YEAR(2022) },
        },
        'fct_contributions_sponsor_months',
      ],
      [
        { measures: ['BUDGET_REALISATION'], dimensions: ['SPONSOR_KIND'], timeDimension: { dateRange: YEAR(2023) } },
        'fct_contributions_sponsor_months',
      ],
      [
        {
          measures: ['COST_PER_WORKER', 'CONTRIBUTIONS_PAID'],
          dimensions: ['KECAMATAN', 'AGE_BAND'],
          filters: [{ dimension: 'SPONSOR_KIND', notEqualTo: 'SELF' }],
          timeDimension: { granularity: 'QUARTER', dateRange: YEAR(2023), compareDateRange: YEAR(2022) },
        },
        'fct_contributions_worker_months',
      ],
    ];
    for (const [q, rollup] of queries) {
      const fast = await ask(q);
      const slow = await semanticQuery(reader, q, { maxCells: 10_000, rollups: false });
      expect(fast.sql[0], rollup).toContain(`join ${rollup} as f`);
      expect(slow.sql[0], rollup).not.toContain(rollup);
      expect(fast.rows.length, rollup).toBeGreaterThan(0);
      expect({ rows: fast.rows, totals: fast.totals }).toEqual({ rows: slow.rows, totals: slow.totals });
    }
    // a month is no whole quarter, and sponsors are not in the workers' rollup: the source's own mart
    const monthly = await ask({ measures: ['WORKERS_PROTECTED'], timeDimension: { granularity: 'MONTH', dateRange: Q1_2023 } });
    expect(monthly.sql[0]).toContain('join fct_coverage_years as f');
    // January: w1 and w2 (until the 31st); February and March: w1 alone, once though two sponsors pay for him
    expect(monthly.totals.map((t) => t.values[0]!.value)).toEqual(['2', '1', '1']);
  });

  it('pins every staging read of a mart, and of the marts it reads, to the snapshot asked for', () => {
    const sql = pinnedModelSql('fct_workforce', EARLIER);
    expect(sql).not.toContain('latest_snapshot');
    expect(sql).toContain(`(select * from stg_workforce where snapshot_date = date '${EARLIER}')`);
    expect(sql).toContain(`(select * from stg_region where snapshot_date = date '${EARLIER}')`);
  });
});

describe('the answer cache', () => {
  it('returns the same answer without running a statement, until a new catalogue is published', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-semantic-cache-'));
    const file = path.join(cacheDir, 'lindung.duckdb');
    await buildSemanticWarehouse(file);
    const cached = new WarehouseReader(cacheDir);
    let statements = 0;
    const counting = {
      generation: () => cached.generation(),
      pinned: <T>(work: Parameters<WarehouseReader['pinned']>[0]) =>
        cached.pinned((w) =>
          work({
            query: (sql, values) => {
              statements++;
              return w.query(sql, values);
            },
          }),
        ) as Promise<T>,
    };
    const options = { maxCells: 10_000, cache: new AnswerCache<SemanticAnswer>(10) };
    const q: SemanticQuery = { measures: ['BENEFITS_PAID'], dimensions: ['PROGRAMME'], timeDimension: { dateRange: YEAR(2023) } };
    try {
      const first = await semanticQuery(counting, q, options);
      const ran = statements;
      expect(ran).toBeGreaterThan(0);
      expect(await semanticQuery(counting, { ...q }, options)).toEqual(first);
      expect(statements).toBe(ran);
      // a publish is a new file renamed over the old one, as the ETL does
      await buildSemanticWarehouse(`${file}.next`, 'update stg_claim set paid_amount = 2000000 where claim_id = 1');
      fs.renameSync(`${file}.next`, file);
      const after = await semanticQuery(counting, q, options);
      expect(statements).toBeGreaterThan(ran);
      expect(first.totals[0]!.values[0]!.value).toBe('1000000');
      expect(after.totals[0]!.values[0]!.value).toBe('2000000');
    } finally {
      cached.close();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
