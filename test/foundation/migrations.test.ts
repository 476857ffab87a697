import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditEntry,
  BudgetAllocation,
  Claim,
  Contribution,
  Employer,
  Enrolment,
  Region,
  Sponsor,
  Worker,
  Workforce,
} from '../../schema/entities/index.js';
import { BudgetKind } from '../../schema/enums/budget-kind.enum.js';
import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import { Occupation } from '../../schema/enums/occupation.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import { RegionLevel } from '../../schema/enums/region-level.enum.js';
import { Sector } from '../../schema/enums/sector.enum.js';
import { Segment } from '../../schema/enums/segment.enum.js';
import { Sex } from '../../schema/enums/sex.enum.js';
import { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import { initORM, migrateUp } from '../../platform/db/orm.js';
import { MIGRATIONS } from '../../platform/migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const TABLES = [
  'audit_entry',
  'budget_allocation',
  'claim',
  'contribution',
  'employer',
  'enrolment',
  'export_log',
  'mikro_orm_migrations',
  'region',
  'sponsor',
  'sponsor_month_paid',
  'worker',
  'workforce',
];
// Every migration the app registers, in order: each new one must apply, undo and redo with the rest.
const MIGRATION_NAMES = MIGRATIONS.map((m) => m.name);

async function publicRelations(db: TestDatabase): Promise<Array<{ name: string; kind: string }>> {
  const { rows } = await db.pool.query<{ name: string; kind: string }>(`
    select c.relname as name, c.relkind::text as kind
    from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
    order by c.relname`);
  return rows;
}

async function publicFunctions(db: TestDatabase): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `select proname as name from pg_proc where pronamespace = 'public'::regnamespace order by proname`,
  );
  return rows.map((r) => r.name);
}

describe('migrations from an empty database', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    orm = await initORM(db.url, { migrations: { silent: true }, pool: { min: 0, max: 2 } });
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('starts with nothing in the public schema', async () => {
    expect(await publicRelations(db)).toEqual([]);
  });

  it('goes up: every table, the budget_in_force view and the triggers exist', async () => {
    expect(await migrateUp(orm)).toEqual(MIGRATION_NAMES);

    const relations = await publicRelations(db);
    expect(relations.filter((r) => r.kind === 'r').map((r) => r.name)).toEqual(TABLES);
    expect(relations.filter((r) => r.kind === 'v').map((r) => r.name)).toEqual(['budget_in_force']);
    expect(await publicFunctions(db)).toEqual([
      // Region scopes (row-level security): the paths' triggers and the request's scope.
      'audit_entry_scope_path',
      'audit_region_path',
      'claim_scope_path',
      'contribution_scope_path',
      'enforce_programme_covered',
      'enrolment_scope_path',
      'lindung_count_estimate',
      'maintain_sponsor_month_paid',
      'notify_claim_change',
      'party_scope_path',
      'path_union',
      'refresh_sponsor_month_paid',
      'refuse_audit_change',
      'region_path',
      'request_scope',
      'request_scope_ancestors',
      'sponsor_commitment_groups',
      'worker_scope_path',
    ]);

    const { rows: triggers } = await db.pool.query<{ tgname: string }>(
      `select tgname from pg_trigger where not tgisinternal order by tgname`,
    );
    expect(triggers.map((t) => t.tgname)).toEqual([
      'audit_entry_append_only',
      'audit_entry_no_truncate',
      'audit_entry_scope_path',
      'claim_notify_insert',
      'claim_notify_status',
      'claim_programme_covered',
      'claim_scope_path',
      'contribution_paid_delete',
      'contribution_paid_insert',
      'contribution_paid_update',
      'contribution_programme_covered',
      'contribution_scope_path',
      'employer_scope_path',
      'enrolment_scope_path',
      'sponsor_scope_path',
      'worker_scope_path',
    ]);
  });

  it('loads the official Kemendagri list: 38 provinces, 514 regencies, 7,285 kecamatan, 83,762 villages', async () => {
    const { rows: levels } = await db.pool.query<{ level: string; n: string }>(
      `select level, count(*) as n from region group by level order by level`,
    );
    expect(levels).toEqual([
      { level: 'DISTRICT', n: '7285' },
      { level: 'PROVINCE', n: '38' },
      { level: 'REGENCY', n: '514' },
      { level: 'VILLAGE', n: '83762' },
    ]);
    // Every parent exists and sits one level up: the level and parent come from the code's shape.
    const {
      rows: [orphans],
    } = await db.pool.query(
      `select count(*) filter (where p.code is null and r.parent_code is not null) as orphans,
              count(*) filter (where p.code is not null and length(p.code) <> length(r.code) - case when r.level = 'VILLAGE' then 5 else 3 end) as misplaced
       from region r left join region p on p.code = r.parent_code`,
    );
    expect(orphans).toEqual({ orphans: '0', misplaced: '0' });

    const { rows: kukar } = await db.pool.query(`select code, name, level, parent_code from region where code = '64.02'`);
    expect(kukar).toEqual([{ code: '64.02', name: 'Kabupaten Kutai Kartanegara', level: 'REGENCY', parent_code: '64' }]);

    const { rows: kecamatan } = await db.pool.query<{ code: string; name: string }>(
      `select code, name from region where parent_code = '64.02' order by code`,
    );
    expect(kecamatan.map((k) => k.code)).toEqual(Array.from({ length: 20 }, (_, i) => `64.02.${String(i + 1).padStart(2, '0')}`));
    expect(kecamatan.find((k) => k.code === '64.02.06')?.name).toBe('Tenggarong');
    expect(kecamatan.find((k) => k.code === '64.02.19')?.name).toBe('Kota Bangun Darat');
    expect(kecamatan.find((k) => k.code === '64.02.20')?.name).toBe('Samboja Barat');

    const { rows: kaltim } = await db.pool.query(`select code from region where parent_code = '64' order by code`);
    expect(kaltim.map((r) => r.code)).toEqual(['64.01', '64.02', '64.03', '64.07', '64.08', '64.09', '64.11', '64.71', '64.72', '64.74']);
    const {
      rows: [east],
    } = await db.pool.query(`select name, parent_code from region where code = '64'`);
    expect(east).toEqual({ name: 'Kalimantan Timur', parent_code: null });
  });

  it('a second up is a no-op', async () => {
    expect(await migrateUp(orm)).toEqual([]);
    const { rows } = await db.pool.query(`select name from mikro_orm_migrations order by id`);
    expect(rows.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    const {
      rows: [regions],
    } = await db.pool.query<{ n: string }>(`select count(*) as n from region`);
    expect(regions?.n).toBe('91599');
  });

  it('goes down to zero, leaving only the migrations table', async () => {
    const reverted = await orm.getMigrator().down({ to: 0 });
    expect(reverted.map((m) => m.name)).toEqual([...MIGRATION_NAMES].reverse());

    expect(await publicRelations(db)).toEqual([{ name: 'mikro_orm_migrations', kind: 'r' }]);
    expect(await publicFunctions(db)).toEqual([]);
    const { rows: sequences } = await db.pool.query<{ relname: string }>(
      `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S'`,
    );
    expect(sequences.map((s) => s.relname)).toEqual(['mikro_orm_migrations_id_seq']);
    const { rows: triggers } = await db.pool.query(`select tgname from pg_trigger where not tgisinternal`);
    expect(triggers).toEqual([]);
    const { rows: applied } = await db.pool.query(`select name from mikro_orm_migrations order by id`);
    expect(applied).toEqual([]);
  });

  it('goes up again after down', async () => {
    expect(await migrateUp(orm)).toEqual(MIGRATION_NAMES);
    expect((await publicRelations(db)).map((r) => r.name)).toEqual([...TABLES.slice(0, 2), 'budget_in_force', ...TABLES.slice(2)]);
    const {
      rows: [regions],
    } = await db.pool.query<{ n: string }>(`select count(*) as n from region`);
    expect(regions?.n).toBe('91599');
  });
});

describe('entities map onto the migrated schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('loads the seeded regions with their parents', async () => {
    const em = db.orm.em.fork();
    const kukar = await em.findOneOrFail(Region, '64.02', { populate: ['parent'] });
    expect(kukar).toMatchObject({ code: '64.02', name: 'Kabupaten Kutai Kartanegara', level: RegionLevel.REGENCY });
    expect(kukar.parent?.code).toBe('64');
    expect(kukar.parent?.name).toBe('Kalimantan Timur');
    expect(await em.count(Region, { parent: '64.02' })).toBe(20);
  });

  it('persists and reloads one of each entity, money exact as bigint', async () => {
    const em = db.orm.em.fork();
    const tenggarong = await em.findOneOrFail(Region, '64.02.06');
    const employer = em.create(Employer, { code: 'EMP-001', name: 'PT Tambang Contoh', region: tenggarong });
    const kukar = await em.findOneOrFail(Region, '64.02');
    const pemkab = em.create(Sponsor, {
      code: 'PEMKAB-KUKAR',
      name: 'Pemkab Kutai Kartanegara',
      kind: SponsorKind.REGENCY_BUDGET,
      region: kukar,
    });
    const csr = em.create(Sponsor, {
      code: 'CSR-001',
      name: 'CSR PT Tambang Contoh',
      kind: SponsorKind.COMPANY_CSR,
      employer,
      region: tenggarong,
    });
    em.create(BudgetAllocation, { sponsor: pemkab, fiscalYear: 2023, kind: BudgetKind.ORIGINAL, amount: 18_000_000_000n });
    // Above 2^53: a float would round it.
    em.create(BudgetAllocation, { sponsor: pemkab, fiscalYear: 2023, kind: BudgetKind.REVISED, amount: 9_223_372_036_854_775_807n });
    const worker = em.create(Worker, {
      nik: '6402064501900001',
      fullName: 'Siti Aminah',
      sex: Sex.P,
      birthDate: '1990-01-05',
      region: tenggarong,
      occupation: Occupation.PEDAGANG,
      sector: Sector.INFORMAL,
      phone: '+6281234567890',
    });
    const enrolment = em.create(Enrolment, {
      membershipNo: 'BPU-0001',
      worker,
      sponsor: csr,
      segment: Segment.BPU,
      programmes: [Programme.JKK, Programme.JKM],
      startDate: '2021-12-01',
      declaredIncome: 1_000_000n,
      status: EnrolmentStatus.ACTIVE,
    });
    em.create(Contribution, {
      enrolment,
      period: '2023-01-01',
      programme: Programme.JKK,
      amount: 10_000n,
      paidDate: '2023-01-10',
      sponsor: pemkab,
    });
    em.create(Claim, {
      claimNo: 'KLM-0001',
      enrolment,
      programme: Programme.JKM,
      incidentDate: '2022-06-01',
      submittedDate: '2022-06-10',
      status: ClaimStatus.PAID,
      claimedAmount: 54_307_662_320n,
      approvedAmount: 54_307_662_320n,
      paidAmount: 54_307_662_320n,
      paidDate: '2022-07-01',
      paymentKey: 'PAY-0001',
    });
    em.create(AuditEntry, {
      actor: 'test',
      action: 'CREATE',
      entityType: 'claim',
      entityId: 'KLM-0001',
      after: { status: 'PAID' },
      requestId: 'req-1',
    });
    em.create(Workforce, { year: 2023, region: tenggarong, sector: Sector.INFORMAL, workers: 12_345 });
    await em.flush();

    const fresh = db.orm.em.fork();
    const reloadedEmployer = await fresh.findOneOrFail(Employer, { code: 'EMP-001' });
    expect(reloadedEmployer).toMatchObject({ name: 'PT Tambang Contoh', industry: 'LAINNYA' });
    expect(reloadedEmployer.region.code).toBe('64.02.06');
    expect(typeof reloadedEmployer.id).toBe('number');
    expect(reloadedEmployer.createdAt).toBeInstanceOf(Date);

    const reloadedCsr = await fresh.findOneOrFail(Sponsor, { code: 'CSR-001' });
    expect(reloadedCsr.kind).toBe(SponsorKind.COMPANY_CSR);
    expect(reloadedCsr.employer?.id).toBe(reloadedEmployer.id);
    expect(reloadedCsr.region.code).toBe('64.02.06');

    const budgets = await fresh.find(BudgetAllocation, { sponsor: { code: 'PEMKAB-KUKAR' } }, { orderBy: { kind: 'asc' } });
    expect(budgets.map((b) => [b.fiscalYear, b.kind, b.amount])).toEqual([
      [2023, BudgetKind.ORIGINAL, 18_000_000_000n],
      [2023, BudgetKind.REVISED, 9_223_372_036_854_775_807n],
    ]);

    const reloadedWorker = await fresh.findOneOrFail(Worker, { nik: '6402064501900001' });
    expect(reloadedWorker).toMatchObject({
      fullName: 'Siti Aminah',
      sex: Sex.P,
      birthDate: '1990-01-05',
      occupation: Occupation.PEDAGANG,
      sector: Sector.INFORMAL,
      nonAsn: false,
      phone: '+6281234567890',
    });
    expect(reloadedWorker.region.code).toBe('64.02.06');

    const reloadedEnrolment = await fresh.findOneOrFail(Enrolment, { membershipNo: 'BPU-0001' });
    expect(reloadedEnrolment).toMatchObject({
      segment: Segment.BPU,
      programmes: ['JKK', 'JKM'],
      startDate: '2021-12-01',
      endDate: null,
      declaredIncome: 1_000_000n,
      status: EnrolmentStatus.ACTIVE,
      employer: null,
    });
    expect(reloadedEnrolment.worker.id).toBe(reloadedWorker.id);

    const contribution = await fresh.findOneOrFail(Contribution, { enrolment: reloadedEnrolment });
    expect(contribution).toMatchObject({ period: '2023-01-01', programme: Programme.JKK, amount: 10_000n, paidDate: '2023-01-10' });
    expect(contribution.sponsor.id).not.toBe(reloadedCsr.id);

    const claim = await fresh.findOneOrFail(Claim, { claimNo: 'KLM-0001' });
    expect(claim).toMatchObject({
      programme: Programme.JKM,
      incidentDate: '2022-06-01',
      submittedDate: '2022-06-10',
      status: ClaimStatus.PAID,
      claimedAmount: 54_307_662_320n,
      approvedAmount: 54_307_662_320n,
      paidAmount: 54_307_662_320n,
      paidDate: '2022-07-01',
      paymentKey: 'PAY-0001',
      rejectionReason: null,
      version: 1,
    });
    expect(typeof claim.paidAmount).toBe('bigint');

    const audit = await fresh.findOneOrFail(AuditEntry, { entityId: 'KLM-0001' });
    expect(audit).toMatchObject({ actor: 'test', action: 'CREATE', entityType: 'claim', after: { status: 'PAID' }, requestId: 'req-1' });
    expect(audit.before).toBeNull();
    expect(audit.occurredAt).toBeInstanceOf(Date);

    const workforce = await fresh.findOneOrFail(Workforce, { year: 2023, region: '64.02.06', sector: Sector.INFORMAL });
    expect(workforce.workers).toBe(12_345);

    // What the ORM wrote, seen from SQL: exact digits, and the NIK's province generated.
    const {
      rows: [raw],
    } = await db.pool.query(
      `select c.paid_amount::text as paid, w.nik_province from claim c join enrolment e on e.id = c.enrolment_id
       join worker w on w.id = e.worker_id where c.claim_no = 'KLM-0001'`,
    );
    expect(raw).toEqual({ paid: '54307662320', nik_province: '64' });
  });

  it('bumps the claim version on update (optimistic lock)', async () => {
    const em = db.orm.em.fork();
    const claim = await em.findOneOrFail(Claim, { claimNo: 'KLM-0001' });
    claim.paymentKey = 'PAY-0001-B';
    await em.flush();
    expect(claim.version).toBe(2);
    const {
      rows: [raw],
    } = await db.pool.query(`select version, payment_key from claim where claim_no = 'KLM-0001'`);
    expect(raw).toEqual({ version: 2, payment_key: 'PAY-0001-B' });
  });
});
