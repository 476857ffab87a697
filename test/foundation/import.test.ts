import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, type ImportOptions, type ImportReport } from '../../import/import.service.js';
import type { ImportKind } from '../../import/importer.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = path.join(ROOT, 'test/fixtures/csv');
// Fixed, so enrolment statuses are stable: KK21000002 ended 2022-11-30, KK23000008 starts 2023-07-01.
const TODAY = '2023-06-30';
const KINDS_IN_ORDER: ImportKind[] = ['employers', 'sponsors', 'budgets', 'workers', 'enrolments', 'contributions', 'claims', 'workforce'];

let db: TestDatabase;
let tmp: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-import-'));
});

afterAll(async () => {
  await db?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function run(kind: ImportKind, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importCsv(db.pool, kind, file, { today: TODAY, actor: 'test', ...options });
}

const fixture = (name: string) => path.join(FIXTURES, name);

function writeCsv(name: string, lines: string[]): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.pool.query(sql, params)).rows as T[];
}

const lineFields = (report: ImportReport) => report.errors.map((e) => `${e.line} ${e.field}`);

/** Row counts and money totals of every table an import writes. */
async function snapshot() {
  const [row] = await query(`
    select
      (select count(*) from employer)::text as employers,
      (select count(*) || ' ' || string_agg(coalesce(employer_id::text, '-'), ',' order by code) from sponsor) as sponsors,
      (select count(*) || ' ' || sum(amount) from budget_allocation) as budgets,
      (select count(*) || ' ' || max(updated_at) from worker) as workers,
      (select count(*) || ' ' || sum(declared_income) || ' ' || max(updated_at) from enrolment) as enrolments,
      (select count(*) || ' ' || sum(amount) from contribution) as contributions,
      (select count(*) || ' ' || sum(claimed_amount) || ' ' || sum(paid_amount) || ' ' || sum(version) from claim) as claims,
      (select count(*) || ' ' || sum(workers) from workforce) as workforce`);
  return row;
}

describe('CSV import', () => {
  it('imports a good file of each kind, in dependency order', async () => {
    for (const kind of KINDS_IN_ORDER) {
      const report = await run(kind, fixture(`${kind}.csv`));
      expect(report, kind).toMatchObject({ committed: true, errorCount: 0, rejected: 0, updated: 0, unchanged: 0 });
      expect(report.inserted, kind).toBe(report.rows);
    }

    expect(await query('select code, region_code, industry from employer order by code')).toEqual([
      { code: 'EMP-001', region_code: '64.02.16', industry: 'PERTAMBANGAN' },
      { code: 'EMP-002', region_code: '64.02.07', industry: 'PERKEBUNAN' },
      { code: 'EMP-003', region_code: '64.02.06', industry: 'LAINNYA' },
    ]);
    expect(
      await query(`select s.code, s.kind, e.code as employer from sponsor s left join employer e on e.id = s.employer_id order by s.code`),
    ).toEqual([
      { code: 'CSR-KEN', kind: 'COMPANY_CSR', employer: 'EMP-001' },
      { code: 'EMP-KEN', kind: 'EMPLOYER', employer: 'EMP-001' },
      { code: 'MANDIRI', kind: 'SELF', employer: null },
      { code: 'PEMKAB-KUKAR', kind: 'REGENCY_BUDGET', employer: null },
    ]);
    // Money stays exact: BIGINT comes back as a string.
    expect(await query(`select sum(amount)::text as total from budget_allocation`)).toEqual([{ total: '33250000000' }]);

    // A NIK issued in Jawa Barat (32) for a worker living in Samboja is accepted as it is.
    expect(
      await query(
        `select full_name, nik_province, region_code, birth_date::text, phone from worker where nik in ('3273015508920004', '6402064501900001', '6402162207780003') order by nik`,
      ),
    ).toEqual([
      { full_name: 'Dewi Lestari', nik_province: '32', region_code: '64.02.13', birth_date: '1992-08-15', phone: null },
      { full_name: 'Siti Aminah', nik_province: '64', region_code: '64.02.06', birth_date: '1990-01-05', phone: '+6281234567890' },
      { full_name: 'Ahmad Yani', nik_province: '64', region_code: '64.02.16', birth_date: '1978-07-22', phone: '+6281345678901' },
    ]);

    const enrolments = await query<{ membership_no: string; status: string; programmes: string[]; employer: string | null }>(
      `select n.membership_no, n.status, n.programmes, e.code as employer
       from enrolment n left join employer e on e.id = n.employer_id order by n.membership_no`,
    );
    expect(Object.fromEntries(enrolments.map((e) => [e.membership_no, e.status]))).toEqual({
      KK21000001: 'ACTIVE',
      KK21000002: 'LAPSED',
      KK22000003: 'ACTIVE',
      KK22000004: 'ACTIVE',
      KK23000005: 'ACTIVE',
      KK23000008: 'PENDING',
      PU22000006: 'ACTIVE',
      PU22000007: 'ACTIVE',
    });
    expect(enrolments.find((e) => e.membership_no === 'PU22000006')).toMatchObject({
      programmes: ['JKK', 'JKM', 'JHT', 'JP', 'JKP'],
      employer: 'EMP-001',
    });
    expect(enrolments.find((e) => e.membership_no === 'KK21000001')).toMatchObject({ programmes: ['JKK', 'JKM'], employer: null });

    expect(await query(`select count(*)::int as n, sum(amount)::text as total, min(period)::text as first from contribution`)).toEqual([
      { n: 15, total: '647200', first: '2023-01-01' },
    ]);
    // The payer defaults to the enrolment's sponsor.
    expect(
      await query(`select n.membership_no, s.code as sponsor, count(*)::int as n from contribution c
        join enrolment n on n.id = c.enrolment_id join sponsor s on s.id = c.sponsor_id
        group by 1, 2 order by 1`),
    ).toEqual([
      { membership_no: 'KK21000001', sponsor: 'PEMKAB-KUKAR', n: 4 },
      { membership_no: 'KK22000003', sponsor: 'CSR-KEN', n: 2 },
      { membership_no: 'KK22000004', sponsor: 'PEMKAB-KUKAR', n: 2 },
      { membership_no: 'KK23000005', sponsor: 'MANDIRI', n: 3 },
      { membership_no: 'PU22000006', sponsor: 'EMP-KEN', n: 4 },
    ]);

    expect(
      await query(
        `select claim_no, status, approved_amount::text, paid_amount::text, paid_date::text, rejection_reason from claim order by claim_no`,
      ),
    ).toEqual([
      {
        claim_no: 'CLM-2022-0001',
        status: 'PAID',
        approved_amount: '12500000',
        paid_amount: '12500000',
        paid_date: '2022-06-15',
        rejection_reason: null,
      },
      {
        claim_no: 'CLM-2022-0002',
        status: 'PAID',
        approved_amount: '42000000',
        paid_amount: '42000000',
        paid_date: '2022-10-01',
        rejection_reason: null,
      },
      {
        claim_no: 'CLM-2023-0003',
        status: 'APPROVED',
        approved_amount: '8250000',
        paid_amount: null,
        paid_date: null,
        rejection_reason: null,
      },
      { claim_no: 'CLM-2023-0004', status: 'SUBMITTED', approved_amount: null, paid_amount: null, paid_date: null, rejection_reason: null },
      {
        claim_no: 'CLM-2023-0005',
        status: 'REJECTED',
        approved_amount: null,
        paid_amount: null,
        paid_date: null,
        rejection_reason: 'kecelakaan terjadi di luar hubungan kerja',
      },
    ]);
    expect(await query(`select count(*)::int as n, sum(workers)::int as workers from workforce where year = 2023`)).toEqual([
      { n: 6, workers: 109550 },
    ]);
  });

  it('writes one audit entry per import, in the same transaction', async () => {
    const entries = await query(`select actor, action, entity_id, after from audit_entry where entity_type = 'workforce'`);
    expect(entries).toEqual([
      { actor: 'test', action: 'IMPORT', entity_id: 'workforce.csv', after: { inserted: 6, updated: 0, unchanged: 0, rejected: 0 } },
    ]);
  });

  it('re-importing every file duplicates nothing and touches no row', async () => {
    const before = await snapshot();
    const [{ audits }] = (await query<{ audits: number }>(`select count(*)::int as audits from audit_entry`)) as [{ audits: number }];
    for (const kind of KINDS_IN_ORDER) {
      const report = await run(kind, fixture(`${kind}.csv`));
      expect(report, kind).toMatchObject({ committed: true, inserted: 0, updated: 0, rejected: 0 });
      expect(report.unchanged, kind).toBe(report.rows);
    }
    expect(await snapshot()).toEqual(before);
    expect(await query(`select count(*)::int as audits from audit_entry`)).toEqual([{ audits: audits + KINDS_IN_ORDER.length }]);
  });

  it('a re-import does not revive a TERMINATED membership', async () => {
    await db.pool.query(`update enrolment set status = 'TERMINATED' where membership_no = 'KK22000003'`);
    expect(await run('enrolments', fixture('enrolments.csv'))).toMatchObject({ committed: true, updated: 0, unchanged: 8 });
    expect(await query(`select status from enrolment where membership_no = 'KK22000003'`)).toEqual([{ status: 'TERMINATED' }]);
    await db.pool.query(`update enrolment set status = 'ACTIVE' where membership_no = 'KK22000003'`);
  });

  it('matches columns by name, in any order and any case', async () => {
    const [header, ...rows] = fs.readFileSync(fixture('workforce.csv'), 'utf8').trim().split('\n');
    const reverse = (line: string) => line.split(',').reverse().join(',');
    const changed = rows.map((r, i) => (i === 0 ? r.replace(/,21450$/, ',21500') : r));
    const file = writeCsv('workforce-reordered.csv', [reverse(header!.toUpperCase()), ...changed.map(reverse)]);
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toBe('WORKERS,SECTOR,KECAMATAN_CODE,YEAR');

    const report = await run('workforce', file);
    expect(report).toMatchObject({ committed: true, inserted: 0, updated: 1, unchanged: 5, errorCount: 0 });
    expect(await query(`select workers from workforce where region_code = '64.02.06' and sector = 'FORMAL'`)).toEqual([{ workers: 21500 }]);

    expect(await run('workforce', fixture('workforce.csv'))).toMatchObject({ updated: 1, unchanged: 5 });
  });

  it('a REVISED budget (APBD-Perubahan) replaces the allocation in force', async () => {
    const inForce = () =>
      query(`select b.kind, b.amount::text from budget_in_force b join sponsor s on s.id = b.sponsor_id
             where s.code = 'PEMKAB-KUKAR' and b.fiscal_year = 2023`);
    expect(await inForce()).toEqual([{ kind: 'ORIGINAL', amount: '18000000000' }]);

    expect(await run('budgets', fixture('budgets-revised.csv'))).toMatchObject({ committed: true, inserted: 1 });
    expect(await inForce()).toEqual([{ kind: 'REVISED', amount: '19500000000' }]);
    expect(
      await query(`select b.kind, b.amount::text from budget_allocation b join sponsor s on s.id = b.sponsor_id
                   where s.code = 'PEMKAB-KUKAR' and b.fiscal_year = 2023 order by b.kind`),
    ).toEqual([
      { kind: 'ORIGINAL', amount: '18000000000' },
      { kind: 'REVISED', amount: '19500000000' },
    ]);
  });

  it('recording a contribution month again does not double-count it', async () => {
    const total = () =>
      query(`select count(*)::int as n, sum(amount)::text as total from contribution c
             join enrolment n on n.id = c.enrolment_id where n.membership_no = 'KK21000001'`);
    expect(await total()).toEqual([{ n: 4, total: '33600' }]);

    const file = writeCsv('contributions-feb-mar.csv', [
      'membership_no,period,programme,amount,paid_date',
      'KK21000001,2023-02,JKK,10000,2023-02-10',
      'KK21000001,2023-02,JKM,6800,2023-02-10',
      'KK21000001,2023-03,JKK,10000,2023-03-10',
      'KK21000001,2023-03,JKM,6800,2023-03-10',
    ]);
    expect(await run('contributions', file)).toMatchObject({ committed: true, inserted: 2, updated: 0, unchanged: 2 });
    expect(await run('contributions', file)).toMatchObject({ committed: true, inserted: 0, updated: 0, unchanged: 4 });
    expect(await total()).toEqual([{ n: 6, total: '50400' }]);
  });

  it('refuses a file with bad rows: nothing written, every error with its line and field', async () => {
    const before = await snapshot();
    const report = await run('enrolments', fixture('invalid/enrolments-invalid.csv'));

    expect(report).toMatchObject({ committed: false, rows: 7, rejected: 5, errorCount: 5, inserted: 0, rejectsPath: null });
    expect(lineFields(report)).toEqual(['3 nik', '4 declared_income', '5 programmes', '6 sponsor_code', '7 start_date']);
    expect(report.errors.map((e) => e.reason)).toEqual([
      'NIK must be exactly 16 digits',
      'amount must be whole rupiah digits, without separators or fractions',
      expect.stringContaining('JP not open to BPU'),
      'no sponsor with code BUKAN-SPONSOR',
      '2023-02-30 is not a real calendar date',
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await query(`select count(*)::int as n from audit_entry where entity_id = 'enrolments-invalid.csv'`)).toEqual([{ n: 0 }]);
  });

  it('a missing required column or an unknown one is a file-level error on line 1', async () => {
    const missing = await run('contributions', fixture('invalid/contributions-missing-column.csv'));
    expect(missing).toMatchObject({ committed: false, rows: 0 });
    expect(missing.errors).toEqual([{ line: 1, field: 'amount', reason: 'required column is missing from the header' }]);

    const unknown = await run(
      'workforce',
      writeCsv('workforce-extra.csv', ['year,kecamatan_code,sector,workers,catatan', '2023,64.02.06,FORMAL,1,x']),
    );
    expect(lineFields(unknown)).toEqual(['1 catatan']);

    const empty = await run('workforce', writeCsv('empty.csv', []));
    expect(lineFields(empty)).toEqual(['1 header']);
  });

  it('repeats the claim table CHECK rules field by field', async () => {
    const report = await run('claims', fixture('invalid/claims-invalid.csv'));
    expect(report.committed).toBe(false);
    expect(lineFields(report)).toEqual([
      '2 paid_amount',
      '2 paid_date',
      '3 approved_amount',
      '4 paid_amount',
      '5 submitted_date',
      '6 incident_date',
      '7 programme',
      '8 approved_amount',
      '8 paid_date',
    ]);
    expect(report.errors.find((e) => e.line === 7)?.reason).toBe('JP is not covered by membership KK21000001 (covers JKK, JKM)');
    expect(await query(`select count(*)::int as n from claim where claim_no like 'CLM-X-%'`)).toEqual([{ n: 0 }]);
  });

  it('checks references, NIK against sex and birth date, and contribution periods', async () => {
    const workers = await run(
      'workers',
      writeCsv('workers-bad.csv', [
        'nik,full_name,sex,birth_date,kecamatan_code,occupation,sector,non_asn,phone',
        '6402064501900009,Salah Kelamin,L,1990-01-05,64.02.06,PETANI,INFORMAL,false,',
        '6402061203850010,Salah Tanggal,L,1985-03-13,64.02.06,PETANI,INFORMAL,false,',
        '6402061203850011,Kecamatan Asing,L,1985-03-12,64.02.99,PILOT,INFORMAL,ya,12345',
      ]),
    );
    expect(lineFields(workers)).toEqual(['2 nik', '3 nik', '4 occupation', '4 non_asn', '4 phone']);
    expect(workers.errors[0]!.reason).toContain('encodes sex P');

    // Reference errors are found only for rows that pass on their own.
    const unknownKecamatan = await run(
      'workers',
      writeCsv('workers-kecamatan.csv', [
        'nik,full_name,sex,birth_date,kecamatan_code,occupation,sector,non_asn,phone',
        '6402061203850011,Kecamatan Asing,L,1985-03-12,64.02.99,PETANI,INFORMAL,false,',
      ]),
    );
    expect(unknownKecamatan.errors).toEqual([{ line: 2, field: 'kecamatan_code', reason: 'no kecamatan with code 64.02.99' }]);

    const enrolments = await run(
      'enrolments',
      writeCsv('enrolments-bad.csv', [
        'membership_no,nik,sponsor_code,segment,programmes,start_date,end_date,declared_income,employer_code',
        'KK23800001,6402061203850099,PEMKAB-KUKAR,BPU,JKK;JKM,2023-03-01,,1000000,',
        'PU23800002,6402160305950006,EMP-KEN,PU,JKK;JKM;JHT;JP;JKP,2023-03-01,,5500000,',
        'KK23800003,6402064501900001,PEMKAB-KUKAR,BPU,JKK;JKM,2023-03-01,2023-02-01,1000000,EMP-001',
        'PU23800004,6402160305950006,EMP-KEN,PU,JKK;JKM,2023-03-01,,5500000,EMP-404',
      ]),
    );
    expect(enrolments.errors).toEqual([
      { line: 2, field: 'nik', reason: 'no worker with this NIK (import the workers file first)' },
      { line: 3, field: 'employer_code', reason: 'is required for a PU (wage-earner) membership' },
      { line: 4, field: 'end_date', reason: 'must not be before start_date 2023-03-01' },
      { line: 4, field: 'employer_code', reason: 'must be empty for a BPU (informal) membership' },
      { line: 5, field: 'employer_code', reason: 'no employer with code EMP-404' },
    ]);

    const contributions = await run(
      'contributions',
      writeCsv('contributions-bad.csv', [
        'membership_no,period,programme,amount,paid_date,sponsor_code',
        'KK21000002,2022-12,JKK,10000,2022-12-10,',
        'KK21000001,2023-04,JP,10000,2023-04-10,',
        'KK99999999,2023-04,JKK,10000,2023-04-10,',
        'KK21000001,2023-04,JKK,10000,2023-04-10,NOBODY',
        'KK21000001,2023-13,JKK,-5,10-04-2023,',
      ]),
    );
    expect(lineFields(contributions)).toEqual([
      '2 period',
      '3 programme',
      '4 membership_no',
      '5 sponsor_code',
      '6 period',
      '6 amount',
      '6 paid_date',
    ]);
    expect(contributions.errors[0]!.reason).toBe('2022-12 is outside membership KK21000002 (2021-12 to 2022-11)');
  });

  it('reports a repeated natural key on the later line, within and across batches', async () => {
    const file = writeCsv('contributions-repeated.csv', [
      'membership_no,period,programme,amount,paid_date',
      'KK22000004,2023-02,JKK,10000,2023-02-10',
      'KK22000004,2023-02,JKM,6800,2023-02-10',
      'KK22000004,2023-02,JKK,10000,2023-02-11',
      'KK22000004,2023-03,JKK,10000,2023-03-10',
      'KK22000004,2023-03,JKK,10000,2023-03-10',
    ]);
    const report = await run('contributions', file, { batchSize: 2 });
    expect(report.errors).toEqual([
      {
        line: 4,
        field: 'membership_no+period+programme',
        reason: 'repeats line 2: membership_no, period, programme must be unique within a file',
      },
      {
        line: 6,
        field: 'membership_no+period+programme',
        reason: 'repeats line 5: membership_no, period, programme must be unique within a file',
      },
    ]);
  });

  it('counts physical lines: quoted line breaks, CRLF and blank lines', async () => {
    const file = path.join(tmp, 'workers-lines.csv');
    fs.writeFileSync(
      file,
      [
        'nik,full_name,sex,birth_date,kecamatan_code,occupation,sector,non_asn,phone',
        '6402061203850012,"Nama\r\ndua baris",L,1985-03-12,64.02.06,PETANI,INFORMAL,false,',
        '',
        '6402061203850013,Tanpa Tanggal,L,1985-02-30,64.02.06,PETANI,INFORMAL,false,',
        '6402061203850014,Kolom Kurang,L',
      ].join('\r\n'),
    );
    const report = await run('workers', file);
    expect(lineFields(report)).toEqual(['5 birth_date', '6 row']);

    const syntax = await run(
      'workforce',
      writeCsv('workforce-quote.csv', ['year,kecamatan_code,sector,workers', '2023,64.02.06,FORMAL,1', '2023,"64.02.07,FORMAL,2']),
    );
    expect(syntax.committed).toBe(false);
    expect(syntax.errors).toEqual([{ line: 3, field: 'file', reason: expect.stringContaining('CSV syntax error') }]);
  });

  it('--skip-invalid imports the good rows and writes the rejects beside the file', async () => {
    const file = path.join(tmp, 'enrolments-invalid.csv');
    fs.copyFileSync(fixture('invalid/enrolments-invalid.csv'), file);
    const report = await run('enrolments', file, { skipInvalid: true });

    const rejectsPath = path.join(tmp, 'enrolments-invalid.rejects.csv');
    expect(report).toMatchObject({ committed: true, rows: 7, inserted: 2, rejected: 5, rejectsPath });
    expect(await query(`select membership_no, status from enrolment where membership_no like 'KK239%' order by 1`)).toEqual([
      { membership_no: 'KK23900001', status: 'ACTIVE' },
      { membership_no: 'KK23900007', status: 'ACTIVE' },
    ]);

    const rejects = parse(fs.readFileSync(rejectsPath, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rejects[0]!)).toEqual([
      'membership_no',
      'nik',
      'sponsor_code',
      'segment',
      'programmes',
      'start_date',
      'end_date',
      'declared_income',
      'employer_code',
      'line',
      'error',
    ]);
    expect(rejects.map((r) => [r.line, r.membership_no, r.error!.split(':')[0]])).toEqual([
      ['3', 'KK23900002', 'nik'],
      ['4', 'KK23900003', 'declared_income'],
      ['5', 'KK23900004', 'programmes'],
      ['6', 'KK23900005', 'sponsor_code'],
      ['7', 'KK23900006', 'start_date'],
    ]);
    expect(rejects[1]!.declared_income).toBe('1000000.5');

    expect(await query(`select after from audit_entry where entity_id = 'enrolments-invalid.csv'`)).toEqual([
      { after: { inserted: 2, updated: 0, unchanged: 0, rejected: 5 } },
    ]);
  });

  it('if the database still refuses a row, only that row is rejected', async () => {
    // A rule the importer does not know, standing in for a check it failed to repeat.
    await db.pool.query('alter table workforce add constraint test_workers_cap check (workers < 1000000)');
    try {
      const file = writeCsv('workforce-2024.csv', [
        'year,kecamatan_code,sector,workers',
        '2024,64.02.06,FORMAL,22000',
        '2024,64.02.06,INFORMAL,1000000',
        '2024,64.02.16,FORMAL,15500',
      ]);
      const report = await run('workforce', file, { skipInvalid: true });
      expect(report).toMatchObject({ committed: true, inserted: 2, rejected: 1 });
      expect(report.errors).toEqual([{ line: 3, field: 'test_workers_cap', reason: expect.stringContaining('refused by the database') }]);
      expect(await query(`select count(*)::int as n from workforce where year = 2024`)).toEqual([{ n: 2 }]);
    } finally {
      await db.pool.query('alter table workforce drop constraint test_workers_cap');
    }
  });

  describe('the CLI', () => {
    // `node --import tsx` is what `npx tsx` runs, minus the npm and tsx wrapper processes.
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'import/import.cli.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
      });

    it('exits 0 and prints the counts when the file imports', async () => {
      const { stdout } = await cli('workforce', fixture('workforce.csv'));
      expect(stdout).toContain('workforce from workforce.csv: 6 rows, 0 inserted, 0 updated, 6 unchanged, 0 rejected');
    });

    it('exits non-zero and prints each error as "line N, field: reason"', async () => {
      const failure = await cli('claims', fixture('invalid/claims-invalid.csv')).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('line 3, approved_amount: is required when status is APPROVED');
      expect(failure?.stderr).toContain('line 7, programme: JP is not covered by membership KK21000001');
      expect(failure?.stderr).toContain('nothing imported');
    });
  });
});
