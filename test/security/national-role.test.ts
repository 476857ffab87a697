import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { DB_ROLES } from '../../platform/db/roles.js';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import { NATIONAL, parseScopeClaim, type RegionScope } from '../../schema/region-scope.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { insertScopeFixture, type ScopeFixture } from './region-scopes.fixture.js';

/**
 * The national role (migration 20261203000001): a national request's transaction runs as
 * lindung_api_national, whose policies are `true`, and nothing else ever does. lindung_api is a
 * member only to switch; it must not inherit those policies, or every scope would see the country.
 */
describe('the national role', () => {
  let db: TestDatabase;
  let fixture: ScopeFixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    fixture = await insertScopeFixture(db.pool, 'nr');
  });
  afterAll(() => db?.drop());

  /** Runs `sql` as the API does: connected as lindung_api, in a transaction opened with the request's settings. */
  async function asRequest<T extends pg.QueryResultRow>(scope: RegionScope, sql: string): Promise<T[]> {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query(`set local role ${DB_ROLES.api}`);
      const settings = requestSettingsSql({ scope, actor: 'national-role-test' });
      await client.query(settings.text, settings.values);
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.query('rollback');
      client.release();
    }
  }

  it('cannot log in, bypass row-level security or own a table, and lindung_api does not inherit it', async () => {
    const { rows } = await db.pool.query(
      `select n.rolcanlogin, n.rolsuper, n.rolbypassrls, a.rolinherit as api_inherits,
              pg_has_role('${DB_ROLES.api}', n.oid, 'member') as api_may_switch,
              pg_has_role('${DB_ROLES.api}', n.oid, 'usage') as api_has_its_privileges,
              (select count(*)::int from pg_tables t where t.tableowner = n.rolname) as owned
       from pg_roles n, pg_roles a where n.rolname = '${DB_ROLES.apiNational}' and a.rolname = '${DB_ROLES.api}'`,
    );
    expect(rows).toEqual([
      {
        rolcanlogin: false,
        rolsuper: false,
        rolbypassrls: false,
        api_inherits: false,
        api_may_switch: true,
        api_has_its_privileges: false,
        owned: 0,
      },
    ]);
  });

  it('has a policy on every table under row-level security, and the same grants as lindung_api', async () => {
    const { rows } = await db.pool.query(
      `select c.relname as table, exists (select 1 from pg_policies p where p.tablename = c.relname
                and p.roles = array['${DB_ROLES.apiNational}']::name[] and p.qual = 'true' and p.with_check = 'true') as covered
       from pg_class c join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and c.relrowsecurity order by 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.filter((r) => !r.covered)).toEqual([]);
    const grants = async (role: string) =>
      (
        await db.pool.query(
          `select table_name || ':' || privilege_type as g from information_schema.role_table_grants
           where grantee = $1 and table_schema = 'public' order by 1`,
          [role],
        )
      ).rows.map((r) => r.g);
    expect(await grants(DB_ROLES.apiNational)).toEqual(await grants(DB_ROLES.api));
  });

  it('is the role of a national request only; a regional request stays lindung_api and sees its region', async () => {
    const [national] = await asRequest<{ who: string; workers: number }>(
      NATIONAL,
      'select current_user as who, count(*)::int as workers from worker',
    );
    expect(national).toEqual({ who: DB_ROLES.apiNational, workers: fixture.workers.length });

    const kecamatan = parseScopeClaim(['64.02.06']);
    const [regional] = await asRequest<{ who: string; workers: number }>(
      kecamatan,
      'select current_user as who, count(*)::int as workers from worker',
    );
    expect(regional!.who).toBe(DB_ROLES.api);
    expect(regional!.workers).toBeGreaterThan(0);
    expect(regional!.workers).toBeLessThan(fixture.workers.length);
  });

  it('ends with the transaction: the next user of the connection is lindung_api with no scope again', async () => {
    const client = await db.pool.connect();
    try {
      await client.query(`set role ${DB_ROLES.api}`);
      await client.query('begin');
      const settings = requestSettingsSql({ scope: NATIONAL, actor: 'first' });
      await client.query(settings.text, settings.values);
      await client.query('commit');
      const { rows } = await client.query('select current_user as who, (select count(*)::int from worker) as workers');
      expect(rows[0]).toEqual({ who: DB_ROLES.api, workers: 0 });
    } finally {
      await client.query('reset role');
      client.release();
    }
  });

  it('plans a national read with no policy test, and a regional read with the indexed path test', async () => {
    const plan = async (scope: RegionScope) =>
      (await asRequest<{ 'QUERY PLAN': string }>(scope, "explain (costs off) select count(*) from worker where region_code like '64.02%'"))
        .map((r) => r['QUERY PLAN'])
        .join('\n');
    expect(await plan(NATIONAL)).not.toMatch(/scope_path|request_scope/);
    expect(await plan(parseScopeClaim(['64.02.06']))).toMatch(/scope_path/);
  });
});
