import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SortedClaimQueueDocument, WorkerSearchDocument } from '../../client/generated/graphql.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { compiledReads } from '../../server/read/switch.js';
import { code, startApi, type TestApi } from './api-server.js';

type List = 'workers' | 'claims' | 'enrolments' | 'contributions';
const TABLE: Record<List, string> = { workers: 'worker', claims: 'claim', enrolments: 'enrolment', contributions: 'contribution' };
const TYPE: Record<List, string> = { workers: 'Worker', claims: 'Claim', enrolments: 'Enrolment', contributions: 'Contribution' };
/** Each list's default order, written here in SQL (the API's own is in server/read/connections.ts). */
const ORDER: Record<List, string> = {
  workers: 'id',
  claims: 'submitted_date desc, id desc',
  enrolments: 'start_date desc, id desc',
  contributions: 'period desc, id desc',
};

/**
 * `where:` operators over HTTP, each case checked against SQL written by hand for it (not the
 * API's translation), on the seeded demo; every case is also asked of the ORM path, which must
 * answer the same bytes (one translation serves both).
 */
describe('where: filter operators', () => {
  let api: TestApi;
  const sql = async (text: string, params: unknown[] = []) => (await api.db.pool.query(text, params)).rows;
  const one = async (text: string, params: unknown[] = []) => (await sql(text, params))[0];

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
  });
  afterAll(() => api?.close());

  /** Every node id of the list for `where`, all pages, as database ids in the API's order. */
  async function listIds(list: List, where: object, role: 'operator' | 'viewer' = 'operator'): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const res: any = await api.gql(
        `query L($where: ${TYPE[list]}Where, $after: String) { l: ${list}(where: $where, first: 100, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { where, after },
        { role },
      );
      expect(res.body.errors, JSON.stringify(where)).toBeUndefined();
      const l: any = res.body.data.l;
      ids.push(...l.edges.map((e: any) => Buffer.from(e.node.id, 'base64url').toString().split(':')[1]));
      if (!l.pageInfo.hasNextPage) {
        expect(l.totalCount).toBe(ids.length);
        return ids;
      }
      after = l.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  async function expectSame(list: List, where: object, condition: string, params: unknown[] = []) {
    const rows = await sql(`select id::text as key from ${TABLE[list]} where ${condition} order by ${ORDER[list]}`, params);
    const want = rows.map((r) => r.key);
    const got = await listIds(list, where);
    expect(got, `${list} ${JSON.stringify(where)}`).toEqual(want);
    // The ORM path (taken when a selection is outside the compiler) from the same translation: the same bytes.
    const query = `query L($where: ${TYPE[list]}Where) { ${list}(where: $where, first: 30) { totalCount edges { cursor node { id } } } }`;
    const compiled = await api.gql(query, { where });
    compiledReads.enabled = false;
    try {
      expect(JSON.stringify((await api.gql(query, { where })).body)).toBe(JSON.stringify(compiled.body));
    } finally {
      compiledReads.enabled = true;
    }
    return want.length;
  }

  it('equalTo, notEqualTo, in and notIn on an enum, an id and a boolean', async () => {
    expect(await expectSame('claims', { status: { equalTo: 'PAID' } }, `status = 'PAID'`)).toBeGreaterThan(0);
    expect(await expectSame('claims', { status: { notEqualTo: 'PAID' } }, `status <> 'PAID'`)).toBeGreaterThan(0);
    expect(await expectSame('claims', { status: { in: ['REJECTED', 'APPROVED'] } }, `status in ('REJECTED', 'APPROVED')`)).toBeGreaterThan(
      0,
    );
    await expectSame('claims', { programme: { notIn: ['JHT', 'JKK'] } }, `programme not in ('JHT', 'JKK')`);
    await expectSame('claims', { status: { in: [] } }, 'false');
    const { enrolment_id: e } = await one('select enrolment_id::text from claim group by 1 order by count(*) desc limit 1');
    await expectSame('claims', { enrolmentId: { equalTo: toGlobalId('Enrolment', e) } }, 'enrolment_id = $1', [e]);
    await expectSame('claims', { enrolmentId: { notEqualTo: toGlobalId('Enrolment', e) } }, 'enrolment_id <> $1', [e]);
    expect(await expectSame('workers', { nonAsn: { equalTo: true }, sex: { equalTo: 'P' } }, `non_asn and sex = 'P'`)).toBeGreaterThan(0);
  });

  it('lessThan, lessThanOrEqualTo, greaterThan, greaterThanOrEqualTo on money (exact Rupiah strings) and dates', async () => {
    // A value some claims hold exactly, so that each bound's "or equal" makes a difference.
    const { v } = await one('select claimed_amount::text as v from claim group by 1 having count(*) > 1 order by count(*) desc, 1 limit 1');
    const lt = await expectSame('claims', { claimedAmount: { lessThan: v } }, 'claimed_amount < $1', [v]);
    const le = await expectSame('claims', { claimedAmount: { lessThanOrEqualTo: v } }, 'claimed_amount <= $1', [v]);
    const gt = await expectSame('claims', { claimedAmount: { greaterThan: v } }, 'claimed_amount > $1', [v]);
    const ge = await expectSame('claims', { claimedAmount: { greaterThanOrEqualTo: v } }, 'claimed_amount >= $1', [v]);
    expect(le - lt).toBeGreaterThan(1);
    expect(ge - gt).toBe(le - lt);
    await expectSame(
      'claims',
      { submittedDate: { greaterThanOrEqualTo: '2024-01-01', lessThan: '2024-07-01' } },
      `submitted_date >= '2024-01-01' and submitted_date < '2024-07-01'`,
    );
    const { income } = await one('select declared_income::text as income from enrolment order by declared_income offset 20 limit 1');
    await expectSame('enrolments', { declaredIncome: { greaterThan: income } }, 'declared_income > $1', [income]);
    // The last month but one: a Month value in, the month's first day compared.
    const { month } = await one(`select to_char(period, 'YYYY-MM') as month from contribution group by 1 order by 1 desc offset 1 limit 1`);
    await expectSame('contributions', { period: { greaterThan: month } }, 'period > $1::date', [`${month}-01`]);
    await expectSame('workers', { birthDate: { lessThan: '1975-01-01' } }, `birth_date < '1975-01-01'`);
  });

  it('isNull, and notEqualTo counting a null column as not equal', async () => {
    const paid = await expectSame('claims', { paidDate: { isNull: false } }, 'paid_date is not null');
    const unpaid = await expectSame('claims', { paidDate: { isNull: true } }, 'paid_date is null');
    expect(paid).toBeGreaterThan(0);
    expect(unpaid).toBeGreaterThan(0);
    const { v } = await one('select approved_amount::text as v from claim where approved_amount is not null limit 1');
    await expectSame('claims', { approvedAmount: { notEqualTo: v } }, 'approved_amount is distinct from $1', [v]);
    await expectSame('enrolments', { endDate: { isNull: true } }, 'end_date is null');
  });

  it('includesInsensitive and startsWith on text, with LIKE wildcards taken literally', async () => {
    const { name } = await one(`select full_name as name from worker where length(full_name) > 6 order by id limit 1`);
    const infix = name.slice(1, 5).toLowerCase();
    expect(
      await expectSame('workers', { fullName: { includesInsensitive: infix } }, 'strpos(lower(full_name), $1) > 0', [infix]),
    ).toBeGreaterThan(0);
    const prefix = name.slice(0, 3);
    expect(await expectSame('workers', { fullName: { startsWith: prefix } }, 'left(full_name, 3) = $1', [prefix])).toBeGreaterThan(0);
    expect(await expectSame('workers', { regionCode: { startsWith: '64.02.06' } }, `left(region_code, 8) = '64.02.06'`)).toBeGreaterThan(0);
    // Unescaped, these would match every name (or every code with a character in that place).
    expect(await expectSame('workers', { fullName: { includesInsensitive: '%%%' } }, `strpos(full_name, '%%%') > 0`)).toBe(0);
    expect(await expectSame('workers', { regionCode: { startsWith: '64_02' } }, `left(region_code, 5) = '64_02'`)).toBe(0);
    const { no } = await one('select claim_no as no from claim order by id limit 1');
    await expectSame('claims', { claimNo: { startsWith: no.slice(0, 8) } }, 'left(claim_no, 8) = $1', [no.slice(0, 8)]);
  });

  it('and, or and not combine conditions', async () => {
    await expectSame(
      'claims',
      { or: [{ status: { equalTo: 'REJECTED' } }, { and: [{ programme: { equalTo: 'JKM' } }, { not: { paidDate: { isNull: true } } }] }] },
      `(status = 'REJECTED' or (programme = 'JKM' and paid_date is not null))`,
    );
    await expectSame(
      'workers',
      { not: { or: [{ occupation: { equalTo: 'PETANI' } }, { sector: { equalTo: 'FORMAL' } }] }, regionCode: { startsWith: '64.02' } },
      `not (occupation = 'PETANI' or sector = 'FORMAL') and left(region_code, 5) = '64.02'`,
    );
    // `where` and the original `filter` hold together.
    const both = await api.gql('{ claims(filter: { status: [PAID] }, where: { programme: { equalTo: JHT } }) { totalCount } }');
    const { n } = await one(`select count(*)::int as n from claim where status = 'PAID' and programme = 'JHT'`);
    expect(both.body.data.claims.totalCount).toBe(n);
    await expectSame('claims', { and: [] }, 'true');
  });

  it('refuses a masked field to a role that sees it masked, in where, nested, in orderBy, in aggregates and in exports', async () => {
    const cases: Array<[string, string]> = [
      ['{ workers(where: { fullName: { startsWith: "Sit" } }) { totalCount } }', 'where.fullName'],
      ['{ workers(where: { nik: { startsWith: "6402" } }) { totalCount } }', 'where.nik'],
      ['{ workers(where: { phone: { isNull: false } }) { totalCount } }', 'where.phone'],
      [
        '{ workers(where: { or: [{ sex: { equalTo: P } }, { not: { birthDate: { lessThan: "1990-01-01" } } }] }) { totalCount } }',
        'where.or[1].not.birthDate',
      ],
      ['{ enrolments(where: { membershipNo: { startsWith: "1" } }) { totalCount } }', 'where.membershipNo'],
      ['{ workers(orderBy: [{ field: FULL_NAME }]) { totalCount } }', 'orderBy[0].field'],
      ['{ workers(orderBy: [{ field: REGION_CODE }, { field: BIRTH_DATE, direction: DESC }]) { edges { cursor } } }', 'orderBy[1].field'],
      ['{ enrolments(orderBy: [{ field: MEMBERSHIP_NO }]) { edges { cursor } } }', 'orderBy[0].field'],
      ['{ workers(where: { nik: { equalTo: "6402061234560001" } }) { aggregates { count } } }', 'where.nik'],
      ['mutation { exportWorkers(format: CSV, where: { fullName: { includesInsensitive: "siti" } }) { url } }', 'where.fullName'],
      ['mutation { exportWorkers(format: CSV, orderBy: [{ field: NIK }]) { url } }', 'orderBy[0].field'],
    ];
    const [{ n: exportsBefore }] = await sql('select count(*)::int as n from export_log');
    for (const [query, path] of cases) {
      const res = await api.gql(query, {}, { role: 'viewer' });
      expect(code(res), query).toBe('FORBIDDEN');
      expect(res.body.errors![0]!.message, query).toContain(`${path}: role viewer may not`);
      // The same question is answered for a role that sees personal data.
      const allowed = await api.gql(query, {}, { role: 'operator' });
      expect(allowed.body.errors, query).toBeUndefined();
    }
    const [{ n: exportsAfter }] = await sql('select count(*)::int as n from export_log');
    expect(exportsAfter - exportsBefore).toBe(2); // the operator's two, none of the viewer's
  });

  it('bounds nesting, conditions, list sizes and text lengths, naming the path', async () => {
    const q = 'query Q($w: ClaimWhere) { claims(where: $w) { totalCount } }';
    const deep = { not: { not: { not: { not: { status: { equalTo: 'PAID' } } } } } };
    const cases: Array<[object, RegExp]> = [
      [deep, /^where\.not\.not\.not\.not: nests and\/or\/not deeper than 4 levels/],
      [{ status: { in: Array.from({ length: 101 }, () => 'PAID') } }, /^where\.status\.in: holds 101 values, more than 100/],
      [{ or: Array.from({ length: 41 }, () => ({ status: { equalTo: 'PAID' } })) }, /^where: holds more than 40 conditions/],
      [{ or: [] }, /^where\.or: needs at least one condition/],
      [{ claimNo: { includesInsensitive: 'ab' } }, /^where\.claimNo\.includesInsensitive: must be 3 to 100 characters/],
      [{ enrolmentId: { equalTo: toGlobalId('Worker', 1) } }, /^where\.enrolmentId\.equalTo: is the id of a Worker, expected a Enrolment/],
    ];
    for (const [w, message] of cases) {
      const res = await api.gql(q, { w });
      expect(code(res), JSON.stringify(w).slice(0, 80)).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.message).toMatch(message);
    }
    // Money is a string of digits: a JSON number is refused by the Rupiah scalar before any SQL.
    const float = await api.gql(q, { w: { claimedAmount: { greaterThan: 1000000.5 } } });
    expect(code(float)).toBe('BAD_USER_INPUT');
    expect(float.body.errors![0]!.message).toMatch(/Rupiah/);
  });

  it('aggregates take where and sum exactly what SQL sums', async () => {
    const res = await api.gql(
      `{ claims(where: { or: [{ status: { equalTo: PAID } }, { claimedAmount: { greaterThanOrEqualTo: "20000000" } }] }) {
        aggregates { count sum { claimedAmount paidAmount } } groupedAggregates(groupBy: [STATUS]) { keys { status } count } } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const want = await one(
      `select count(*)::int as n, sum(claimed_amount)::text as claimed, coalesce(sum(paid_amount), 0)::text as paid from claim
       where status = 'PAID' or claimed_amount >= 20000000`,
    );
    expect(res.body.data.claims.aggregates).toEqual({ count: want.n, sum: { claimedAmount: want.claimed, paidAmount: want.paid } });
    const groups = await sql(
      `select status, count(*)::int as count from claim where status = 'PAID' or claimed_amount >= 20000000 group by 1 order by 1`,
    );
    expect(res.body.data.claims.groupedAggregates).toEqual(groups.map((g) => ({ keys: { status: g.status }, count: g.count })));
  });

  it('the example operations (client/operations/sorted-lists.graphql) answer by their manifest id what SQL says', async () => {
    const idOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;
    const post = async (document: unknown, variables: object, role: 'operator' | 'viewer') =>
      (
        await api.post({ documentId: idOf(document), variables }, { authorization: `Bearer ${await api.token(role)}` })
      ).json() as Promise<any>;
    const queue = await post(SortedClaimQueueDocument, { programmes: ['JKK', 'JKM'], minAmount: '5000000', first: 10 }, 'viewer');
    expect(queue.errors).toBeUndefined();
    const want = await sql(
      `select id::text as key, claimed_amount::text as amount from claim
       where (status in ('SUBMITTED', 'VERIFIED', 'APPROVED') and programme in ('JKK', 'JKM') and claimed_amount >= 5000000)
          or (status = 'REJECTED' and paid_date is null)
       order by claimed_amount desc, id desc`,
    );
    expect(queue.data.claims.totalCount).toBe(want.length);
    expect(queue.data.claims.edges.map((e: any) => Buffer.from(e.node.id, 'base64url').toString())).toEqual(
      want.slice(0, 10).map((r) => `Claim:${r.key}`),
    );
    const sum = want.reduce((a, r) => a + BigInt(r.amount), 0n);
    expect(queue.data.claims.aggregates).toEqual({ count: want.length, sum: { claimedAmount: sum.toString() } });

    const { name } = await one(`select full_name as name from worker where region_code like '64.02%' order by id limit 1`);
    const term = name.split(' ')[0]!.toLowerCase();
    const search = await post(WorkerSearchDocument, { name: term }, 'operator');
    expect(search.errors).toBeUndefined();
    const names = (
      await sql(
        `select full_name from worker where strpos(lower(full_name), $1) > 0 and left(region_code, 5) = '64.02' order by full_name, id limit 20`,
        [term],
      )
    ).map((r) => r.full_name);
    expect(search.data.workers.edges.map((e: any) => e.node.fullName)).toEqual(names);
    const refused = await post(WorkerSearchDocument, { name: term }, 'viewer');
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
