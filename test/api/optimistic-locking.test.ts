import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../import/import.service.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { code, startApi, TODAY, type TestApi } from './api-server.js';

const REGISTER = 'mutation R($input: RegisterWorkerInput!) { registerWorker(input: $input) { id version } }';
const UPDATE =
  'mutation U($id: ID!, $v: Int, $input: UpdateWorkerInput!) { updateWorker(id: $id, version: $v, input: $input) { occupation version } }';
const ENROL = 'mutation E($input: EnrolInput!) { enrol(input: $input) { id version status } }';
const END = 'mutation X($id: ID!, $v: Int) { endEnrolment(id: $id, version: $v, input: { endDate: "2026-11-30" }) { status version } }';
const SET = 'mutation S($input: SetBudgetAllocationInput!) { setBudgetAllocation(input: $input) { amount version } }';

describe('optimistic locking on the records a screen edits', () => {
  let api: TestApi;
  let regency: string;
  const rows = async (sql: string, params: unknown[] = []) => (await api.db.pool.query(sql, params)).rows;
  const audited = async () => Number((await rows('select count(*) as n from audit_entry'))[0].n);

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    const sponsors = await api.gql('{ sponsors(first: 50) { edges { node { id kind } } } }');
    regency = sponsors.body.data.sponsors.edges.find((e: any) => e.node.kind === 'REGENCY_BUDGET').node.id;
  });
  afterAll(() => api?.close());

  it('a worker: the version read is sent back; a stale one is CONFLICT and changes nothing', async () => {
    const input = {
      nik: '6402061203859901',
      fullName: 'Budi Santoso',
      sex: 'L',
      birthDate: '1985-03-12',
      regionCode: '64.02.06',
      occupation: 'NELAYAN',
      sector: 'INFORMAL',
      phone: null,
    };
    const worker = (await api.gql(REGISTER, { input })).body.data.registerWorker;
    expect(worker.version).toBe(1);
    const first = await api.gql(UPDATE, { id: worker.id, v: 1, input: { occupation: 'PEDAGANG' } });
    expect(first.body.data.updateWorker).toEqual({ occupation: 'PEDAGANG', version: 2 });
    const before = await audited();
    const stale = await api.gql(UPDATE, { id: worker.id, v: 1, input: { occupation: 'PETANI' } });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.body.errors![0]!.message).toBe('worker was changed by someone else (version 2, you sent 1); reload it and try again');
    expect(await rows('select occupation, version from worker where nik = $1', [input.nik])).toEqual([
      { occupation: 'PEDAGANG', version: 2 },
    ]);
    expect(await audited()).toBe(before);
    // Without a version the edit is not checked, as before versions existed.
    expect((await api.gql(UPDATE, { id: worker.id, input: { occupation: 'PETANI' } })).body.data.updateWorker.version).toBe(3);
  });

  it('an enrolment: ending it with a stale version is CONFLICT, with the current one it ends', async () => {
    const input = {
      nik: '6402061203859902',
      fullName: 'Siti Aminah',
      sex: 'L',
      birthDate: '1985-03-12',
      regionCode: '64.02.06',
      occupation: 'NELAYAN',
      sector: 'INFORMAL',
      phone: null,
    };
    const worker = (await api.gql(REGISTER, { input })).body.data.registerWorker;
    const enrolment = (
      await api.gql(ENROL, {
        input: {
          workerId: worker.id,
          sponsorId: regency,
          segment: 'BPU',
          programmes: ['JKK', 'JKM'],
          startDate: '2026-11-01',
          declaredIncome: '1000000',
        },
      })
    ).body.data.enrol;
    expect(enrolment).toMatchObject({ version: 1, status: 'ACTIVE' });
    const stale = await api.gql(END, { id: enrolment.id, v: 7 });
    expect(code(stale)).toBe('CONFLICT');
    expect(
      (await api.gql('query N($id: ID!) { node(id: $id) { ... on Enrolment { status version } } }', { id: enrolment.id })).body.data.node,
    ).toEqual({
      status: 'ACTIVE',
      version: 1,
    });
    expect((await api.gql(END, { id: enrolment.id, v: 1 })).body.data.endEnrolment).toEqual({ status: 'TERMINATED', version: 2 });
  });

  it('a budget allocation: changing one with a stale version is CONFLICT and keeps its amount', async () => {
    const input = { sponsorId: regency, fiscalYear: 2031, kind: 'ORIGINAL', amount: '18000000000' };
    expect((await api.gql(SET, { input }, { role: 'admin' })).body.data.setBudgetAllocation).toEqual({ amount: '18000000000', version: 1 });
    const changed = await api.gql(SET, { input: { ...input, amount: '19000000000', version: 1 } }, { role: 'admin' });
    expect(changed.body.data.setBudgetAllocation).toEqual({ amount: '19000000000', version: 2 });
    const stale = await api.gql(SET, { input: { ...input, amount: '1', version: 1 } }, { role: 'admin' });
    expect(code(stale)).toBe('CONFLICT');
    expect(await rows(`select amount::text, version from budget_allocation where fiscal_year = 2031`)).toEqual([
      { amount: '19000000000', version: 2 },
    ]);
  });

  it('a CSV import that changes a worker moves its version on, so a screen still showing the old one gets CONFLICT', async () => {
    const [w] = await rows(`select id, nik, full_name, sex, birth_date::text, region_code as region, occupation, sector, non_asn, version
      from worker where phone is null order by id limit 1`);
    const occupation = w.occupation === 'PETANI' ? 'NELAYAN' : 'PETANI';
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-version-')), 'workers.csv');
    fs.writeFileSync(
      file,
      `nik,full_name,sex,birth_date,kecamatan_code,occupation,sector,non_asn,phone\n${w.nik},${w.full_name},${w.sex},${w.birth_date},${w.region},${occupation},${w.sector},${w.non_asn},\n`,
    );
    expect(await importCsv(api.db.pool, 'workers', file, { today: TODAY, actor: 'test' })).toMatchObject({ committed: true, updated: 1 });
    expect((await rows('select version from worker where id = $1', [w.id]))[0].version).toBe(w.version + 1);
    const stale = await api.gql(UPDATE, { id: toGlobalId('Worker', w.id), v: w.version, input: { occupation: w.occupation } });
    expect(code(stale)).toBe('CONFLICT');
  });
});
