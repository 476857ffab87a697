import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_ROLES } from '../../platform/db/roles.js';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import { createLogger } from '../../platform/logger.js';
import { importCsv } from '../../import/import.service.js';
import { parseScopeClaim } from '../../schema/region-scope.js';
import { seedDemo } from '../../seed/seed.service.js';
import { insertScopeFixture, type ScopeFixture } from '../security/region-scopes.fixture.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertRow } from '../helpers/fixtures.js';

/** Contributions whose path is not their enrolment's: none, whoever wrote them. */
const MISMATCHED = `select count(*)::int as n from contribution c join enrolment e on e.id = c.enrolment_id
  where c.region_path is distinct from e.region_path`;

/** The contribution ids `scopes` sees, read as the API's role under row-level security alone. */
async function visibleAs(db: TestDatabase, scopes: string[], ids: string[]): Promise<string[]> {
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    await client.query(`set local role ${DB_ROLES.api}`);
    const settings = requestSettingsSql({ scope: parseScopeClaim(scopes), actor: 'test' });
    await client.query(settings.text, settings.values);
    const { rows } = await client.query<{ id: string }>('select id from contribution where id = any ($1::bigint[]) order by id', [ids]);
    return rows.map((r) => r.id);
  } finally {
    await client.query('rollback');
    client.release();
  }
}

describe('a contribution carries its enrolment’s region path', () => {
  let db: TestDatabase;
  let fixture: ScopeFixture;
  beforeAll(async () => {
    db = await createTestDatabase();
    fixture = await insertScopeFixture(db.pool, 'cpath');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is written by the trigger from the enrolment, whatever path the writer sends', async () => {
    const w = fixture.workers.find((x) => x.key === 'palaran')!;
    const id = await insertRow(db.pool, 'contribution', {
      enrolment_id: w.enrolmentId,
      period: '2026-09-01',
      programme: 'JKK',
      amount: 10_000,
      paid_date: '2026-09-05',
      sponsor_id: fixture.sponsors.samarinda!.id,
      region_path: ['*', '64', '64.02', '64.02.06'],
    });
    const { rows } = await db.pool.query('select region_path from contribution where id = $1', [id]);
    expect(rows[0].region_path).toEqual(['*', '64', '64.72', '64.72.01']);
    expect((await db.pool.query(MISMATCHED)).rows[0].n).toBe(0);
  });

  it('stays where the history is when the worker moves: a month written after the move is still Kukar’s', async () => {
    const moved = fixture.workers.find((x) => x.key === 'moved')!;
    const after = await insertRow(db.pool, 'contribution', {
      enrolment_id: moved.enrolmentId,
      period: '2026-11-01',
      programme: 'JKM',
      amount: 6_800,
      paid_date: '2026-11-05',
      sponsor_id: fixture.sponsors.kukar!.id,
    });
    const ids = [moved.contributionId, after];
    expect(await visibleAs(db, ['64.02.06'], ids)).toEqual(ids);
    expect(await visibleAs(db, ['64.02'], ids)).toEqual(ids);
    expect(await visibleAs(db, ['64.72'], ids)).toEqual([]);
    expect(await visibleAs(db, ['64'], ids)).toEqual(ids);
  });

  it('is written by the CSV import (through the trigger)', async () => {
    const w = fixture.workers.find((x) => x.key === 'banjarmasin')!;
    const dir = await mkdtemp(path.join(tmpdir(), 'lindung-cpath-'));
    try {
      const file = path.join(dir, 'contributions.csv');
      await writeFile(file, 'membership_no,period,programme,amount,paid_date\nBPU-cpath-banjarmasin,2026-08,JKK,10000,2026-08-05\n');
      const report = await importCsv(db.pool, 'contributions', file, { today: '2026-11-26' });
      expect(report.errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const { rows } = await db.pool.query(`select region_path from contribution where enrolment_id = $1 and period = '2026-08-01'`, [
      w.enrolmentId,
    ]);
    expect(rows).toEqual([{ region_path: ['*', '63', '63.71', '63.71.01'] }]);
  });

  it('is what the API’s policy reads, through the GIN index', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off');
      await client.query(`set local role ${DB_ROLES.api}`);
      const settings = requestSettingsSql({ scope: parseScopeClaim(['64.02.06']), actor: 'test' });
      await client.query(settings.text, settings.values);
      const { rows } = await client.query('explain (format json) select period, sum(amount) from contribution group by period');
      const plan = JSON.stringify(rows[0]['QUERY PLAN']);
      expect(plan).toContain('contribution_region_path_idx');
      expect(plan).not.toContain('SubPlan');
    } finally {
      await client.query('rollback');
      client.release();
    }
  });

  it('is backfilled by the migration for rows written before it', async () => {
    const migrator = db.orm.getMigrator();
    await migrator.down({ to: 'Migration20261203000010_list_order_filter' });
    const { rows: before } = await db.pool.query('select count(*)::int as n from contribution');
    expect(before[0].n).toBeGreaterThan(5);
    await migrator.up();
    expect((await db.pool.query(MISMATCHED)).rows[0].n).toBe(0);
    const { rows } = await db.pool.query('select count(*)::int as n from contribution where region_path is null');
    expect(rows[0].n).toBe(0);
  });
});

describe('the demo seed writes the path in its COPY rows', () => {
  it('gives every contribution its enrolment’s path, though its load runs with triggers off', async () => {
    const db = await createTestDatabase();
    try {
      await seedDemo(db.url, { seed: 4, scale: 0.005, today: '2026-11-26', log: createLogger('silent') });
      const { rows } = await db.pool.query('select count(*)::int as n, count(distinct region_path)::int as paths from contribution');
      expect(rows[0].n).toBeGreaterThan(10_000);
      expect(rows[0].paths).toBeGreaterThan(20);
      expect((await db.pool.query(MISMATCHED)).rows[0].n).toBe(0);
    } finally {
      await db.drop();
    }
  }, 120_000);
});
