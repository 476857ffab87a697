import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type GqlResponse, type TestApi } from './api-server.js';

const decode = (id: string) => Buffer.from(id, 'base64url').toString('utf8');
const keyOf = (id: string) => Number(decode(id).split(':')[1]);

describe('queries over HTTP', () => {
  let api: TestApi;
  let regency: string;
  const sql = async (text: string, params: unknown[] = []) => (await api.db.pool.query(text, params)).rows;
  const scalar = async (text: string, params: unknown[] = []) => Number(Object.values((await sql(text, params))[0])[0]);

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    regency = (await api.gql('{ sponsors(kind: REGENCY_BUDGET) { edges { node { id } } } }')).body.data.sponsors.edges[0].node.id;
  });
  afterAll(() => api?.close());

  async function allPages(query: string, variables: Record<string, unknown>, field: string, direction: 'forward' | 'backward') {
    const ids: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: GqlResponse = await api.gql(query, { ...variables, cursor });
      expect(res.body.errors).toBeUndefined();
      const conn: any = res.body.data[field];
      const pageIds = conn.edges.map((e: any) => keyOf(e.node.id));
      if (direction === 'forward') {
        ids.push(...pageIds);
        expect(conn.pageInfo.hasPreviousPage).toBe(cursor !== null);
        if (!conn.pageInfo.hasNextPage) return ids;
        cursor = conn.pageInfo.endCursor;
      } else {
        ids.unshift(...pageIds);
        if (!conn.pageInfo.hasPreviousPage) return ids;
        cursor = conn.pageInfo.startCursor;
      }
    }
    throw new Error('too many pages');
  }

  it('pages through workers forward (first/after) and backward (last/before) in one stable order, with totalCount', async () => {
    const expected = (await sql(`select id from worker where region_code = '64.02.06' or region_code like '64.02.06.%' order by id`)).map(
      (r) => Number(r.id),
    );
    expect(expected.length).toBeGreaterThan(60);
    const forward = await allPages(
      `query W($cursor: String) { workers(first: 25, after: $cursor, filter: { kecamatan: "64.02.06" }) {
        totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      {},
      'workers',
      'forward',
    );
    expect(forward).toEqual(expected);
    const backward = await allPages(
      `query W($cursor: String) { workers(last: 25, before: $cursor, filter: { kecamatan: "64.02.06" }) {
        edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      {},
      'workers',
      'backward',
    );
    expect(backward).toEqual(expected);
    const first = await api.gql('{ workers(first: 3, filter: { kecamatan: "64.02.06" }) { totalCount edges { cursor node { id } } } }');
    expect(first.body.data.workers.totalCount).toBe(expected.length);
    const edges = first.body.data.workers.edges;
    const resumed = await api.gql(
      'query W($after: String) { workers(first: 2, after: $after, filter: { kecamatan: "64.02.06" }) { edges { node { id } } } }',
      {
        after: edges[0].cursor,
      },
    );
    expect(resumed.body.data.workers.edges.map((e: any) => e.node.id)).toEqual(edges.slice(1).map((e: any) => e.node.id));
  });

  it('orders claims by submission date then id, newest first, across pages', async () => {
    const expected = (await sql(`select id from claim order by submitted_date desc, id desc`)).map((r) => Number(r.id));
    const forward = await allPages(
      'query C($cursor: String) { claims(first: 40, after: $cursor) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }',
      {},
      'claims',
      'forward',
    );
    expect(forward).toEqual(expected);
  });

  it('filters workers by kecamatan, occupation, sector, sponsor, enrolment status, and name or NIK search', async () => {
    const total = async (filter: Record<string, unknown>) => {
      const res = await api.gql('query W($filter: WorkerFilter) { workers(first: 1, filter: $filter) { totalCount } }', { filter });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.workers.totalCount;
    };
    expect(await total({ occupation: ['NELAYAN', 'PETANI'] })).toBe(
      await scalar(`select count(*) from worker where occupation in ('NELAYAN', 'PETANI')`),
    );
    expect(await total({ sector: 'FORMAL', kecamatan: '64.02.13' })).toBe(
      await scalar(`select count(*) from worker where sector = 'FORMAL' and (region_code = '64.02.13' or region_code like '64.02.13.%')`),
    );
    expect(await total({ sponsorId: regency, enrolmentStatus: ['ACTIVE'] })).toBe(
      await scalar(`select count(distinct worker_id) from enrolment where sponsor_id = $1 and status = 'ACTIVE'`, [keyOf(regency)]),
    );
    expect(await total({ enrolmentStatus: ['LAPSED', 'TERMINATED'] })).toBe(
      await scalar(`select count(distinct worker_id) from enrolment where status in ('LAPSED', 'TERMINATED')`),
    );
    const someone = (await sql('select nik, full_name from worker order by id limit 1'))[0];
    expect(await total({ search: someone.nik })).toBe(1);
    const word = someone.full_name.split(' ')[0].toLowerCase();
    expect(await total({ search: word })).toBe(await scalar(`select count(*) from worker where full_name ilike $1`, [`%${word}%`]));
  });

  it('filters enrolments by sponsor, status and start date range', async () => {
    const res = await api.gql(
      `query E($filter: EnrolmentFilter) { enrolments(first: 5, filter: $filter) { totalCount edges { node { startDate status sponsor { id } } } } }`,
      { filter: { sponsorId: regency, status: ['ACTIVE'], startFrom: '2023-01-01', startTo: '2023-12-31' } },
    );
    expect(res.body.data.enrolments.totalCount).toBe(
      await scalar(
        `select count(*) from enrolment where sponsor_id = $1 and status = 'ACTIVE' and start_date between '2023-01-01' and '2023-12-31'`,
        [keyOf(regency)],
      ),
    );
    const nodes = res.body.data.enrolments.edges.map((e: any) => e.node);
    expect(nodes.length).toBe(5);
    for (const n of nodes) expect(n).toMatchObject({ status: 'ACTIVE', sponsor: { id: regency } });
    expect(nodes.map((n: any) => n.startDate)).toEqual([...nodes.map((n: any) => n.startDate)].sort().reverse());
  });

  it('filters claims by status, programme, kecamatan, submission and payment date ranges', async () => {
    const total = async (filter: Record<string, unknown>) =>
      (await api.gql('query C($filter: ClaimFilter) { claims(first: 1, filter: $filter) { totalCount } }', { filter })).body.data.claims
        .totalCount;
    expect(await total({ status: ['PAID'], programme: ['JHT', 'JKK'] })).toBe(
      await scalar(`select count(*) from claim where status = 'PAID' and programme in ('JHT', 'JKK')`),
    );
    expect(await total({ kecamatan: '64.02.06', submittedFrom: '2023-01-01', submittedTo: '2024-06-30' })).toBe(
      await scalar(`select count(*) from claim c join enrolment e on e.id = c.enrolment_id join worker w on w.id = e.worker_id
        where (w.region_code = '64.02.06' or w.region_code like '64.02.06.%') and c.submitted_date between '2023-01-01' and '2024-06-30'`),
    );
    const paid2022 = await scalar(`select count(*) from claim where paid_date between '2022-01-01' and '2022-12-31'`);
    expect(paid2022).toBeGreaterThan(0);
    expect(await total({ paidFrom: '2022-01-01', paidTo: '2022-12-31' })).toBe(paid2022);
    const bad = await api.gql('{ claims(filter: { submittedFrom: "2024-01-01", submittedTo: "2023-01-01" }) { totalCount } }');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.body.errors![0]!.extensions.argumentPath).toBe('filter.submittedTo');
  });

  it('filters contributions by month range and sponsor; money is a string of digits, months are YYYY-MM', async () => {
    const res = await api.gql(
      `query C($filter: ContributionFilter) { contributions(first: 3, filter: $filter) {
        totalCount edges { node { id period programme amount paidDate sponsor { id } enrolment { id } } } } }`,
      { filter: { sponsorId: regency, fromMonth: '2023-01', toMonth: '2023-03' } },
    );
    expect(res.body.data.contributions.totalCount).toBe(
      await scalar(`select count(*) from contribution where sponsor_id = $1 and period between '2023-01-01' and '2023-03-01'`, [
        keyOf(regency),
      ]),
    );
    for (const { node } of res.body.data.contributions.edges) {
      expect(node.period).toBe('2023-03');
      expect(node.amount).toMatch(/^[0-9]+$/);
      expect(node.paidDate).toMatch(/^2023-0[34]-[0-9]{2}$/);
      expect(node.sponsor.id).toBe(regency);
    }
  });

  it('refetches any object with node(id:), and says what is wrong with a bad id', async () => {
    const claim = (await sql(`select id from claim order by id limit 1`))[0].id;
    const ids = {
      Claim: Buffer.from(`Claim:${claim}`).toString('base64url'),
      Region: Buffer.from('Region:64.02.06').toString('base64url'),
      Sponsor: regency,
    };
    const res = await api.gql(
      `query N($a: ID!, $b: ID!, $c: ID!) {
      a: node(id: $a) { __typename id ... on Claim { claimNo enrolment { worker { sector } } } }
      b: node(id: $b) { __typename ... on Region { name parent { code } } }
      c: node(id: $c) { __typename ... on Sponsor { kind budgets { fiscalYear amount } } } }`,
      { a: ids.Claim, b: ids.Region, c: ids.Sponsor },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.a).toMatchObject({ __typename: 'Claim', id: ids.Claim });
    expect(res.body.data.b).toEqual({ __typename: 'Region', name: 'Tenggarong', parent: { code: '64.02' } });
    expect(res.body.data.c.budgets.find((b: any) => b.fiscalYear === 2023).amount).toMatch(/^[0-9]+$/);
    const missing = await api.gql('query N($id: ID!) { node(id: $id) { id } }', {
      id: Buffer.from('Worker:99999999').toString('base64url'),
    });
    expect(missing.body).toEqual({ data: { node: null } });
    const bad = await api.gql('{ node(id: "not-an-id") { id } }');
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.body.errors![0]!.extensions.argumentPath).toBe('id');
  });

  it('answers the live dashboard: active enrolments by sponsor and sector, the claim pipeline, a sponsor’s budget against payments', async () => {
    const res = await api.gql(
      `query D($sponsor: ID!) { dashboard {
      activeEnrolments { sponsor { id kind } sector count }
      claimPipeline { status programme count claimedAmount paidAmount }
      sponsorBudget(sponsorId: $sponsor, year: 2023) { year allocationKind allocated paid paidThrough committed committedEnrolments available shortfall }
    } }`,
      { sponsor: regency },
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data.dashboard;
    const active =
      await sql(`select e.sponsor_id::int as s, w.sector, count(*)::int as n from enrolment e join worker w on w.id = e.worker_id
      where e.status = 'ACTIVE' group by 1, 2 order by 1, 2`);
    expect(d.activeEnrolments.map((g: any) => [keyOf(g.sponsor.id), g.sector, g.count])).toEqual(active.map((r) => [r.s, r.sector, r.n]));
    const pipeline = await sql(
      `select status, programme, count(*)::int as n, sum(claimed_amount)::text as c from claim group by 1, 2 order by 1, 2`,
    );
    expect(d.claimPipeline.map((g: any) => [g.status, g.programme, g.count, g.claimedAmount])).toEqual(
      pipeline.map((r) => [r.status, r.programme, r.n, r.c]),
    );
    const budget = (
      await sql(`select amount::text from budget_in_force where sponsor_id = $1 and fiscal_year = 2023`, [keyOf(regency)])
    )[0];
    const paid = (
      await sql(`select sum(amount)::text as p from contribution where sponsor_id = $1 and period between '2023-01-01' and '2023-12-01'`, [
        keyOf(regency),
      ])
    )[0];
    expect(d.sponsorBudget).toMatchObject({ year: 2023, allocated: budget.amount, paid: paid.p, paidThrough: '2023-12', committed: '0' });
    expect(BigInt(d.sponsorBudget.available)).toBe(BigInt(budget.amount) - BigInt(paid.p));
  });

  it('caps the page size and refuses foreign cursors with BAD_USER_INPUT naming the argument', async () => {
    const big = await api.gql('{ workers(first: 101) { totalCount } }');
    expect(code(big)).toBe('BAD_USER_INPUT');
    expect(big.body.errors![0]!.extensions.argumentPath).toBe('first');
    expect(big.body.errors![0]!.message).toMatch(/between 1 and 100/);
    const both = await api.gql('{ workers(first: 5, last: 5) { totalCount } }');
    expect(code(both)).toBe('BAD_USER_INPUT');
    const cursor = (await api.gql('{ claims(first: 1) { pageInfo { endCursor } } }')).body.data.claims.pageInfo.endCursor;
    const foreign = await api.gql('query W($c: String) { workers(first: 5, after: $c) { totalCount } }', { c: cursor });
    expect(code(foreign)).toBe('BAD_USER_INPUT');
    expect(foreign.body.errors![0]!.extensions.argumentPath).toBe('after');
  });

  it('serves the region reference list without a token', async () => {
    const res = await api.gql('{ regions(parentCode: "64.02") { code name level } }', {}, { role: null });
    expect(res.body.data.regions).toHaveLength(20);
    expect(res.body.data.regions[5]).toEqual({ code: '64.02.06', name: 'Tenggarong', level: 'DISTRICT' });
    // Public and 91,599 codes long: below regency level, one parent's children at a time.
    const villages = await api.gql('{ regions(level: VILLAGE) { code } }', {}, { role: null });
    expect(villages.body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(villages.body.errors?.[0]?.message).toMatch(/^parentCode: is required/);
  });

  it("gives each sponsor the region of whoever pays, each regency's APBD sponsor its regency", async () => {
    const res = await api.gql('{ sponsors(first: 100) { totalCount edges { node { code kind region { code level } } } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.sponsors.totalCount).toBeLessThanOrEqual(100);
    const { rows } = await api.db.pool.query(
      `select s.code, s.kind, r.code as region, r.level from sponsor s join region r on r.code = s.region_code order by s.code`,
    );
    const seen = res.body.data.sponsors.edges.map((e: any) => ({
      code: e.node.code,
      kind: e.node.kind,
      region: e.node.region.code,
      level: e.node.region.level,
    }));
    expect(seen.sort((a: any, b: any) => a.code.localeCompare(b.code))).toEqual(rows.sort((a, b) => a.code.localeCompare(b.code)));
    const apbd = seen.filter((s: any) => s.kind === 'REGENCY_BUDGET');
    expect(apbd.every((s: any) => s.level === 'REGENCY')).toBe(true);
    expect(new Set(apbd.map((s: any) => s.region)).size).toBe(apbd.length);
  });

  it('lists sponsors, employers and budget allocations', async () => {
    const res = await api.gql(`{ sponsors(first: 100) { totalCount edges { node { kind employer { code region { code } } } } }
      employers(first: 2) { totalCount edges { node { code name industry } } }
      budgetAllocations(fiscalYear: 2023) { edges { node { kind amount sponsor { kind } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.sponsors.totalCount).toBe(await scalar('select count(*) from sponsor'));
    expect(res.body.data.employers.totalCount).toBe(await scalar('select count(*) from employer'));
    expect(res.body.data.budgetAllocations.edges.length).toBe(
      await scalar('select count(*) from budget_allocation where fiscal_year = 2023'),
    );
  });
});
