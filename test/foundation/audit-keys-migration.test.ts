import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initORM } from '../../platform/db/orm.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/** Entries written before one audit key convention existed, as the API wrote them then. */
const LEGACY = [
  { type: 'Claim', id: toGlobalId('Claim', 42), expected: '42' },
  { type: 'claim', id: '43', expected: '43' },
  { type: 'Enrolment', id: toGlobalId('Enrolment', 7), expected: '7' },
  { type: 'Worker', id: toGlobalId('Worker', 123456), expected: '123456' },
  { type: 'BudgetAllocation', id: toGlobalId('BudgetAllocation', 3), expected: '3' },
  { type: 'ContributionBatch', id: `${toGlobalId('Sponsor', 5)}:2023-01`, expected: '5:2023-01' },
  // Batch keys and ids of another type stay as they are.
  { type: 'workforce', id: 'workforce.csv', expected: 'workforce.csv' },
  { type: 'Claim', id: toGlobalId('Worker', 9), expected: toGlobalId('Worker', 9) },
  { type: 'database', id: 'demo', expected: 'demo' },
];

describe('migration to one audit key convention', () => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    orm = await initORM(db.url, { migrations: { silent: true }, pool: { min: 0, max: 2 } });
    await orm.getMigrator().up({ to: 'Migration20261126230000_sponsor_month_paid' });
    for (const [i, entry] of LEGACY.entries()) {
      await db.pool.query(`insert into audit_entry (actor, action, entity_type, entity_id) values ('legacy', $1, $2, $3)`, [
        `LEGACY_${i}`,
        entry.type,
        entry.id,
      ]);
    }
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('rewrites global ids to primary keys, normalises the type, and leaves batch keys alone', async () => {
    await orm.getMigrator().up({ to: 'Migration20261201000000_audit_record_keys' });
    const { rows } = await db.pool.query(`select entity_type, entity_id from audit_entry where actor = 'legacy' order by id`);
    expect(rows).toEqual(LEGACY.map((e) => ({ entity_type: e.type === 'claim' ? 'Claim' : e.type, entity_id: e.expected })));
  });

  it('keeps the log append-only after the rewrite', async () => {
    await expect(db.pool.query(`update audit_entry set actor = 'x' where actor = 'legacy'`)).rejects.toMatchObject({ code: '42501' });
  });

  it('goes down to global ids again', async () => {
    await orm.getMigrator().down({ to: 'Migration20261126230000_sponsor_month_paid' });
    const { rows } = await db.pool.query(`select entity_id from audit_entry where actor = 'legacy' and entity_type = 'Claim' order by id`);
    expect(rows.map((r) => r.entity_id)).toEqual([toGlobalId('Claim', 42), toGlobalId('Claim', 43), toGlobalId('Worker', 9)]);
  });
});
