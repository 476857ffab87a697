import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../import/import.service.js';
import { createLogger } from '../../platform/logger.js';
import { seedDemo } from '../../seed/seed.service.js';
import { childrenOf, officialRegion, officialRegions } from '../../schema/reference/regions.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertRow, insertWorker, nextSeq } from '../helpers/fixtures.js';

/** The last migration before the official list: the 57 hand-listed regions. */
const BEFORE = 'Migration20261201300000_edit_versions';

const count = async (db: TestDatabase, sql: string, params: unknown[] = []) => Number((await db.pool.query(sql, params)).rows[0].n);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Error,
  );

describe('the official region list (schema/reference)', () => {
  it('has 38 provinces, 514 regencies and cities, 7,285 kecamatan and 83,762 villages, each below an existing parent', () => {
    const regions = officialRegions();
    const levels: Record<string, number> = {};
    for (const r of regions) levels[r.level] = (levels[r.level] ?? 0) + 1;
    expect(levels).toEqual({ PROVINCE: 38, REGENCY: 514, DISTRICT: 7285, VILLAGE: 83762 });
    expect(regions.filter((r) => r.parentCode !== null && officialRegion(r.parentCode) === undefined)).toEqual([]);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('gives Kutai Kartanegara its 20 kecamatan, Kota Bangun Darat and Samboja Barat the last two', () => {
    const kukar = childrenOf('64.02');
    expect(kukar.map((k) => k.code)).toEqual(Array.from({ length: 20 }, (_, i) => `64.02.${String(i + 1).padStart(2, '0')}`));
    expect(kukar.slice(18).map((k) => k.name)).toEqual(['Kota Bangun Darat', 'Samboja Barat']);
    expect(kukar.every((k) => k.level === 'DISTRICT')).toBe(true);
  });
});

describe('migration 20261202000000_official_regions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    await db.orm.getMigrator().up({ to: BEFORE });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('refuses, naming the code and the column, while a row uses a code outside the official list, and writes nothing', async () => {
    await db.pool.query(`insert into region (code, name, level, parent_code) values ('64.02.99', 'Khayalan', 'DISTRICT', '64.02')`);
    const worker = await insertWorker(db.pool, nextSeq(), { region_code: '64.02.99' });
    const error = await failure(db.orm.getMigrator().up());
    expect(error?.message).toMatch(/1 region code\(s\) in use are not in the official Kemendagri list: 64\.02\.99 \(worker\.region_code\)/);
    expect(await count(db, 'select count(*) as n from region')).toBe(58);
    expect(await count(db, `select count(*) as n from mikro_orm_migrations where name like 'Migration202612020%'`)).toBe(0);
    await db.pool.query(`update worker set region_code = '64.02.06' where id = $1`, [worker]);
  });

  it('keeps the codes already present (renamed to the official spelling) and places existing sponsors', async () => {
    // A city present before the list, with a resident self-paid member: the sponsor goes where its members live.
    await db.pool.query(`insert into region (code, name, level, parent_code) values
      ('64.72', 'Samarinda', 'REGENCY', '64'), ('64.72.01', 'Palaran', 'DISTRICT', '64.72')`);
    const employer = await insertRow(db.pool, 'employer', { code: 'EMP-R1', name: 'PT Contoh', region_code: '64.02.16' });
    const apbd = await insertRow(db.pool, 'sponsor', { code: 'APBD-R1', name: 'Pemkab', kind: 'REGENCY_BUDGET', employer_id: employer });
    const payroll = await insertRow(db.pool, 'sponsor', { code: 'SP-R1', name: 'PT Contoh', kind: 'EMPLOYER', employer_id: employer });
    const self = await insertRow(db.pool, 'sponsor', { code: 'SELF-R1', name: 'Mandiri', kind: 'SELF' });
    const bare = await insertRow(db.pool, 'sponsor', { code: 'BARE-R1', name: 'Belum ada peserta', kind: 'SELF' });
    const resident = await insertWorker(db.pool, nextSeq(), { region_code: '64.72.01' });
    await insertRow(db.pool, 'enrolment', {
      membership_no: 'R1-0001',
      worker_id: resident,
      sponsor_id: self,
      segment: 'BPU',
      programmes: ['JKK', 'JKM'],
      start_date: '2023-01-01',
      declared_income: 1_000_000,
      status: 'ACTIVE',
    });

    await db.orm.getMigrator().up();
    expect(await count(db, 'select count(*) as n from region')).toBe(91_599 + 1);
    const { rows: names } = await db.pool.query(`select code, name from region where code in ('64.02', '64.02.15', '64.72') order by code`);
    expect(names).toEqual([
      { code: '64.02', name: 'Kabupaten Kutai Kartanegara' },
      { code: '64.02.15', name: 'Sanga Sanga' },
      { code: '64.72', name: 'Kota Samarinda' },
    ]);
    const { rows: placed } = await db.pool.query(`select id::text, region_code from sponsor where id = any($1) order by id`, [
      [apbd, payroll, self, bare],
    ]);
    expect(placed).toEqual([
      { id: apbd, region_code: '64.02' },
      { id: payroll, region_code: '64.02.16' },
      { id: self, region_code: '64.72' },
      { id: bare, region_code: '64.02' },
    ]);
  });

  it('holds every row to a real code: sponsors need one, a worker lives in a kecamatan or village, labour force is per kecamatan', async () => {
    const seq = nextSeq();
    const refused = async (promise: Promise<unknown>) => ((await failure(promise)) as Error & { constraint?: string; code?: string }) ?? {};
    expect(await refused(insertRow(db.pool, 'sponsor', { code: `S-${seq}`, name: 'Pemkot', kind: 'REGENCY_BUDGET' }))).toMatchObject({
      code: '23502',
    });
    expect(
      await refused(insertRow(db.pool, 'sponsor', { code: `S-${seq}`, name: 'Pemkot', kind: 'REGENCY_BUDGET', region_code: '64.99' })),
    ).toMatchObject({ code: '23503', constraint: 'sponsor_region_code_fkey' });
    await insertRow(db.pool, 'sponsor', { code: `S-${seq}`, name: 'Pemkot Samarinda', kind: 'REGENCY_BUDGET', region_code: '64.72' });
    expect(await refused(insertWorker(db.pool, nextSeq(), { region_code: '64.02' }))).toMatchObject({
      constraint: 'worker_region_code_level',
    });
    await insertWorker(db.pool, nextSeq(), { region_code: '64.02.19.2001' });
    await insertWorker(db.pool, nextSeq(), { region_code: '64.02.20' });
    expect(await refused(insertRow(db.pool, 'employer', { code: `E-${seq}`, name: 'PT Contoh', region_code: '64.72' }))).toMatchObject({
      constraint: 'employer_region_code_level',
    });
    expect(
      await refused(db.pool.query(`insert into workforce (year, region_code, sector, workers) values (2023, '64.02', 'FORMAL', 1)`)),
    ).toMatchObject({ constraint: 'workforce_region_code_level' });
  });

  it('goes down to the 57 regions and their old names, keeping (with their parents) the codes rows still use; up again restores the list', async () => {
    const migrator = db.orm.getMigrator();
    await migrator.down({ to: BEFORE });
    const { rows } = await db.pool.query(
      `select code, name from region where code not in (select code from region where length(code) = 2) order by code`,
    );
    // 64.02.19.2001 and 64.02.20 hold workers (the test above); 64.02.19 is 64.02.19.2001's parent; 64.72 and 64.72.01 a member's.
    expect(rows.map((r) => r.code)).toEqual([
      '64.02',
      ...Array.from({ length: 18 }, (_, i) => `64.02.${String(i + 1).padStart(2, '0')}`),
      '64.02.19',
      '64.02.19.2001',
      '64.02.20',
      '64.72',
      '64.72.01',
    ]);
    expect(rows.find((r) => r.code === '64.02')?.name).toBe('Kutai Kartanegara');
    expect(rows.find((r) => r.code === '64.02.15')?.name).toBe('Sanga-Sanga');
    expect(
      await count(db, `select count(*) as n from information_schema.columns where table_name = 'sponsor' and column_name = 'region_code'`),
    ).toBe(0);
    await migrator.up();
    expect(await count(db, 'select count(*) as n from region')).toBe(91_599);
  });
});

describe('a seeded province going down and up again (npm run seed -- --reset)', () => {
  it('keeps the codes the demo uses (and their parents) on the way down, and loads the list again on the way up', async () => {
    const db = await createTestDatabase();
    try {
      await seedDemo(db.url, { seed: 2, scale: 0.005, today: '2026-11-26', log: createLogger('silent') });
      const used = await count(
        db,
        `select count(distinct code) as n from (select region_code as code from worker union select region_code from employer
         union select region_code from workforce union select nik_province from worker) u`,
      );
      const migrator = db.orm.getMigrator();
      await migrator.down({ to: BEFORE });
      const orphans = await count(
        db,
        'select count(*) as n from region r where r.parent_code is not null and r.parent_code not in (select code from region)',
      );
      expect(orphans).toBe(0);
      const left = await count(db, 'select count(*) as n from region');
      expect(left).toBeGreaterThan(57);
      expect(left).toBeLessThan(57 + used + 20);
      await migrator.up();
      expect(await count(db, 'select count(*) as n from region')).toBe(91_599);
    } finally {
      await db.drop();
    }
  }, 120_000);
});

describe('the sponsors CSV', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-regions-'));
  });
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown or malformed region code, naming region_code, and writes nothing', async () => {
    const file = path.join(dir, 'sponsors.csv');
    fs.writeFileSync(
      file,
      [
        'code,name,kind,region_code',
        'PEMKOT-SAMARINDA,Pemkot Samarinda (APBD),REGENCY_BUDGET,64.72',
        'PEMKAB-KHAYALAN,Pemkab Khayalan (APBD),REGENCY_BUDGET,64.99',
        'MANDIRI-X,Peserta mandiri,SELF,Samarinda',
        '',
      ].join('\n'),
    );
    const report = await importCsv(db.pool, 'sponsors', file, { today: '2026-11-26', actor: 'test' });
    expect(report.committed).toBe(false);
    expect(report.errors.map((e) => `${e.line} ${e.field}: ${e.reason}`)).toEqual([
      '3 region_code: no Kemendagri region with code 64.99',
      '4 region_code: region code must look like 64, 64.02, 64.02.06 or 64.02.06.2001',
    ]);
    expect(await count(db, 'select count(*) as n from sponsor')).toBe(0);

    fs.writeFileSync(file, 'code,name,kind,region_code\nPEMKOT-SAMARINDA,Pemkot Samarinda (APBD),REGENCY_BUDGET,64.72\n');
    expect(await importCsv(db.pool, 'sponsors', file, { today: '2026-11-26', actor: 'test' })).toMatchObject({
      committed: true,
      inserted: 1,
    });
    expect((await db.pool.query(`select region_code from sponsor where code = 'PEMKOT-SAMARINDA'`)).rows).toEqual([
      { region_code: '64.72' },
    ]);
  });
});
