import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code, startApi, type TestApi } from './api-server.js';

const REGISTER = `mutation Register($input: RegisterWorkerInput!) { registerWorker(input: $input) { id region { code name level parent { code } } } }`;
let serial = 700;
const input = (regionCode: string) => ({
  nik: `640206120385${String(serial++).padStart(4, '0')}`,
  fullName: 'Budi Santoso',
  sex: 'L',
  birthDate: '1985-03-12',
  regionCode,
  occupation: 'NELAYAN',
  sector: 'INFORMAL',
});

describe('region codes over HTTP', () => {
  let api: TestApi;
  const workers = async () => Number((await api.db.pool.query('select count(*) as n from worker')).rows[0].n);

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses a code outside the official list, naming the field, and writes nothing', async () => {
    const before = await workers();
    const res = await api.gql(REGISTER, { input: input('64.02.99') });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.body.errors![0]!.message).toBe('input.regionCode: 64.02.99 is not a Kemendagri region code');
    const regency = await api.gql(REGISTER, { input: input('64.02') });
    expect(regency.body.errors![0]!.message).toBe('input.regionCode: must be a kecamatan or village, where the worker lives');
    expect(await workers()).toBe(before);
  });

  it('accepts the official kecamatan and villages, Kukar’s two new kecamatan included', async () => {
    const kecamatan = await api.gql(REGISTER, { input: input('64.02.20') });
    expect(kecamatan.body.errors).toBeUndefined();
    expect(kecamatan.body.data.registerWorker.region).toEqual({
      code: '64.02.20',
      name: 'Samboja Barat',
      level: 'DISTRICT',
      parent: { code: '64.02' },
    });
    const village = await api.gql(REGISTER, { input: input('64.02.19.2001') });
    expect(village.body.data.registerWorker.region).toEqual({
      code: '64.02.19.2001',
      name: 'Kedang Ipil',
      level: 'VILLAGE',
      parent: { code: '64.02.19' },
    });
  });

  it('gives every sponsor, nested or listed, the region of whoever pays', async () => {
    const res = await api.gql('{ enrolments(first: 50) { edges { node { membershipNo sponsor { code region { code level } } } } } }');
    expect(res.body.errors).toBeUndefined();
    const edges = res.body.data.enrolments.edges;
    expect(edges.length).toBeGreaterThan(0);
    const { rows } = await api.db.pool.query(
      `select e.membership_no, s.code, s.region_code, r.level from enrolment e join sponsor s on s.id = e.sponsor_id
       join region r on r.code = s.region_code where e.membership_no = any($1)`,
      [edges.map((e: any) => e.node.membershipNo)],
    );
    const expected = new Map(rows.map((r) => [r.membership_no, { code: r.code, region: { code: r.region_code, level: r.level } }]));
    for (const e of edges) expect(e.node.sponsor, e.node.membershipNo).toEqual(expected.get(e.node.membershipNo));
  });

  it('lists the kecamatan of any regency of the province by code', async () => {
    const res = await api.gql('{ regions(parentCode: "64.72") { code name } }', {}, { role: null });
    expect(res.body.data.regions.map((r: any) => r.code)).toEqual(
      (await api.db.pool.query(`select code from region where parent_code = '64.72' order by code`)).rows.map((r) => r.code),
    );
    expect(res.body.data.regions.length).toBe(10);
  });
});
