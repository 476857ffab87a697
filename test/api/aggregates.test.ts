import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema } from '../../server/graphql/schema.js';
import { code, startApi, type TestApi } from './api-server.js';

/**
 * `aggregates` and `groupedAggregates` on the four connections, each figure compared with the
 * same question asked of the seeded database in plain SQL.
 */
describe('aggregates on connections', () => {
  let api: TestApi;
  const sql = async (text: string, params: unknown[] = []) => (await api.db.pool.query(text, params)).rows;
  const gqlData = async (query: string, variables: Record<string, unknown> = {}, role: 'operator' | 'viewer' = 'operator') => {
    const res = await api.gql(query, variables, { role });
    expect(res.body.errors).toBeUndefined();
    return res.body.data;
  };

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
  });
  afterAll(() => api?.close());

  it('claims: count, exact sums, minima and maxima over the filter equal a direct SQL aggregate', async () => {
    const filter = { status: ['PAID', 'APPROVED'], programme: ['JHT', 'JKK', 'JKM'] };
    const data = await gqlData(
      `query A($filter: ClaimFilter) { claims(first: 1, filter: $filter) { totalCount aggregates {
        count sum { claimedAmount approvedAmount paidAmount }
        min { claimedAmount submittedDate paidDate } max { claimedAmount submittedDate paidDate } } } }`,
      { filter },
    );
    const [expected] = await sql(
      `select count(*)::int as count, sum(claimed_amount)::text as claimed, sum(approved_amount)::text as approved,
              sum(paid_amount)::text as paid, min(claimed_amount)::text as min_claimed, max(claimed_amount)::text as max_claimed,
              min(submitted_date)::text as min_submitted, max(submitted_date)::text as max_submitted,
              min(paid_date)::text as min_paid, max(paid_date)::text as max_paid
         from claim where status = any($1) and programme = any($2)`,
      [filter.status, filter.programme],
    );
    const a = data.claims.aggregates;
    expect(expected.count).toBeGreaterThan(10);
    expect(a.count).toBe(expected.count);
    expect(a.count).toBe(data.claims.totalCount);
    // Rupiah strings, digit for digit: no float ever held the sum.
    expect(a.sum).toEqual({ claimedAmount: expected.claimed, approvedAmount: expected.approved, paidAmount: expected.paid });
    expect(a.min).toEqual({ claimedAmount: expected.min_claimed, submittedDate: expected.min_submitted, paidDate: expected.min_paid });
    expect(a.max).toEqual({ claimedAmount: expected.max_claimed, submittedDate: expected.max_submitted, paidDate: expected.max_paid });
  });

  it('claims in one kecamatan (a filter through enrolment and worker) sum like the SQL join', async () => {
    const [{ kecamatan }] = await sql(
      `select left(w.region_code, 8) as kecamatan from claim c join enrolment e on e.id = c.enrolment_id join worker w on w.id = e.worker_id
        group by 1 order by count(*) desc limit 1`,
    );
    const data = await gqlData(
      'query A($filter: ClaimFilter) { claims(filter: $filter) { aggregates { count sum { claimedAmount paidAmount } } } }',
      { filter: { kecamatan } },
    );
    const [expected] = await sql(
      `select count(*)::int as count, coalesce(sum(c.claimed_amount), 0)::text as claimed, coalesce(sum(c.paid_amount), 0)::text as paid
         from claim c join enrolment e on e.id = c.enrolment_id join worker w on w.id = e.worker_id
        where w.region_code >= $1 and w.region_code <= $1 || '.9999'`,
      [kecamatan],
    );
    expect(expected.count).toBeGreaterThan(0);
    expect(data.claims.aggregates).toEqual({ count: expected.count, sum: { claimedAmount: expected.claimed, paidAmount: expected.paid } });
  });

  it('claims grouped by status and programme, and by month of submission, equal SQL group by', async () => {
    const data = await gqlData(`{ claims { byStatus: groupedAggregates(groupBy: [STATUS, PROGRAMME]) {
        keys { status programme submittedMonth } count sum { claimedAmount paidAmount } }
      byMonth: groupedAggregates(groupBy: [SUBMITTED_MONTH]) { keys { submittedMonth } count sum { claimedAmount } } } }`);
    const byStatus = await sql(
      `select status, programme, count(*)::int as count, sum(claimed_amount)::text as claimed, coalesce(sum(paid_amount), 0)::text as paid
         from claim group by 1, 2 order by 1, 2`,
    );
    expect(byStatus.length).toBeGreaterThan(3);
    expect(data.claims.byStatus).toEqual(
      byStatus.map((r) => ({
        keys: { status: r.status, programme: r.programme, submittedMonth: null },
        count: r.count,
        sum: { claimedAmount: r.claimed, paidAmount: r.paid },
      })),
    );
    const byMonth = await sql(
      `select to_char(submitted_date, 'YYYY-MM') as month, count(*)::int as count, sum(claimed_amount)::text as claimed
         from claim group by 1 order by 1`,
    );
    expect(data.claims.byMonth).toEqual(
      byMonth.map((r) => ({ keys: { submittedMonth: r.month }, count: r.count, sum: { claimedAmount: r.claimed } })),
    );
  });

  it('contributions paid per programme per month for one sponsor equal SQL group by', async () => {
    const [{ sponsor_id: sponsorKey }] = await sql('select sponsor_id from contribution group by 1 order by count(*) desc limit 1');
    const sponsorId = Buffer.from(`Sponsor:${sponsorKey}`).toString('base64url');
    const data = await gqlData(
      `query C($filter: ContributionFilter) { contributions(filter: $filter) {
        aggregates { count sum { amount } min { period } max { period } }
        groupedAggregates(groupBy: [PROGRAMME, PAID_MONTH]) { keys { programme paidMonth } count sum { amount } } } }`,
      { filter: { sponsorId } },
    );
    const groups = await sql(
      `select programme, to_char(paid_date, 'YYYY-MM') as month, count(*)::int as count, sum(amount)::text as amount
         from contribution where sponsor_id = $1 group by 1, 2 order by 1, 2`,
      [sponsorKey],
    );
    const [total] = await sql(
      `select count(*)::int as count, sum(amount)::text as amount, to_char(min(period), 'YYYY-MM') as first, to_char(max(period), 'YYYY-MM') as last
         from contribution where sponsor_id = $1`,
      [sponsorKey],
    );
    expect(data.contributions.aggregates).toEqual({
      count: total.count,
      sum: { amount: total.amount },
      min: { period: total.first },
      max: { period: total.last },
    });
    expect(data.contributions.groupedAggregates).toEqual(
      groups.map((r) => ({ keys: { programme: r.programme, paidMonth: r.month }, count: r.count, sum: { amount: r.amount } })),
    );
  });

  it('enrolments: declared income summed and grouped by segment like SQL', async () => {
    const data = await gqlData(`{ enrolments(filter: { status: [ACTIVE] }) {
      aggregates { count sum { declaredIncome } min { startDate } }
      groupedAggregates(groupBy: [SEGMENT]) { keys { segment } count sum { declaredIncome } max { declaredIncome } } } }`);
    const [total] = await sql(
      `select count(*)::int as count, sum(declared_income)::text as income, min(start_date)::text as first from enrolment where status = 'ACTIVE'`,
    );
    const groups = await sql(
      `select segment, count(*)::int as count, sum(declared_income)::text as income, max(declared_income)::text as top
         from enrolment where status = 'ACTIVE' group by 1 order by 1`,
    );
    expect(data.enrolments.aggregates).toEqual({
      count: total.count,
      sum: { declaredIncome: total.income },
      min: { startDate: total.first },
    });
    expect(data.enrolments.groupedAggregates).toEqual(
      groups.map((r) => ({
        keys: { segment: r.segment },
        count: r.count,
        sum: { declaredIncome: r.income },
        max: { declaredIncome: r.top },
      })),
    );
  });

  it('a viewer gets the same worker figures, and no aggregate offers a personal-data field', async () => {
    const query = `{ workers(filter: { sector: INFORMAL }) { aggregates { count min { birthYear } max { birthYear } }
      groupedAggregates(groupBy: [KECAMATAN, SEX]) { keys { kecamatan sex } count } } }`;
    const viewer = await gqlData(query, {}, 'viewer');
    expect(viewer).toEqual(await gqlData(query));
    const [total] = await sql(
      `select count(*)::int as count, extract(year from min(birth_date))::int as first, extract(year from max(birth_date))::int as last
         from worker where sector = 'INFORMAL'`,
    );
    expect(viewer.workers.aggregates).toEqual({ count: total.count, min: { birthYear: total.first }, max: { birthYear: total.last } });
    const groups = await sql(
      `select left(region_code, 8) as kecamatan, sex, count(*)::int as count from worker where sector = 'INFORMAL' group by 1, 2 order by 1, 2`,
    );
    expect(viewer.workers.groupedAggregates).toEqual(groups.map((r) => ({ keys: { kecamatan: r.kecamatan, sex: r.sex }, count: r.count })));

    // A min or max of a personal field over a filter matching one person would be that person's value.
    const schema = await buildApiSchema();
    const personal = new Set<string>();
    for (const type of ['Worker', 'Enrolment', 'Claim', 'Contribution']) {
      const fields = (schema.getType(type) as any).getFields();
      for (const [name, field] of Object.entries<any>(fields)) if (field.extensions?.personalData) personal.add(name);
    }
    expect(personal).toContain('birthDate');
    for (const prefix of ['Worker', 'Enrolment', 'Claim', 'Contribution']) {
      for (const suffix of ['Extremes', 'Sums', 'GroupKeys']) {
        const type = schema.getType(`${prefix}${suffix}`) as any;
        if (!type) continue;
        for (const name of Object.keys(type.getFields())) expect(personal.has(name), `${prefix}${suffix}.${name}`).toBe(false);
      }
    }
  });

  it('the list’s own rules hold for its aggregates: a viewer may not search by name, a bad filter names its field', async () => {
    const search = await api.gql('{ workers(filter: { search: "Budi" }) { aggregates { count } } }', {}, { role: 'viewer' });
    expect(code(search)).toBe('FORBIDDEN');
    const kecamatan = await api.gql('{ claims(filter: { kecamatan: "64.02" }) { aggregates { count } } }');
    expect(code(kecamatan)).toBe('BAD_USER_INPUT');
    expect(kecamatan.body.errors![0]!.message).toMatch(/^filter\.kecamatan/);
    const reversed = await api.gql(
      '{ claims(filter: { submittedFrom: "2024-01-01", submittedTo: "2023-01-01" }) { groupedAggregates(groupBy: [STATUS]) { count } } }',
    );
    expect(reversed.body.errors![0]!.message).toMatch(/^filter\.submittedTo/);
  });

  it('groupBy is checked: empty, repeated or more than three dimensions are refused naming groupBy', async () => {
    for (const groupBy of ['[]', '[STATUS, STATUS]', '[STATUS, PROGRAMME, SUBMITTED_MONTH, PAID_MONTH]']) {
      const res = await api.gql(`{ claims { groupedAggregates(groupBy: ${groupBy}) { count } } }`);
      expect(code(res), groupBy).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.message).toMatch(/^groupBy: /);
    }
  });

  it('no match: count 0, sums "0", extremes null', async () => {
    const data = await gqlData(
      '{ claims(filter: { submittedFrom: "1990-01-01", submittedTo: "1990-01-31" }) { aggregates { count sum { paidAmount } min { paidAmount } } groupedAggregates(groupBy: [STATUS]) { count } } }',
    );
    expect(data.claims).toEqual({ aggregates: { count: 0, sum: { paidAmount: '0' }, min: { paidAmount: null } }, groupedAggregates: [] });
  });

  it('costs: figures alone are costed once, not once per row of the page; beside the rows they are costed per row', async () => {
    // 120 expected groups (24 months × 5 statuses) of about 8 fields: about 1 000 alone, 100 000 if counted per row.
    const groups = 'groupedAggregates(groupBy: [SUBMITTED_MONTH, STATUS]) { keys { submittedMonth status } count sum { claimedAmount } }';
    const alone = await api.gql(`{ claims(first: 100) { ${groups} } }`);
    expect(alone.body.errors).toBeUndefined();
    expect(alone.body.data.claims.groupedAggregates.length).toBeGreaterThan(5);
    // Refused before anything runs, whoever asks (without a token here: a signed-in refusal currently leaves its request transaction open).
    const beside = await api.gql(`{ claims(first: 100) { edges { node { id } } ${groups} } }`, {}, { role: null });
    expect(code(beside)).toBe('QUERY_TOO_COSTLY');
  });
});
