import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_ROLES } from '../../platform/db/roles.js';
import { requestSettingsSql } from '../../platform/db/request-settings.js';
import { parseScopeClaim } from '../../schema/region-scope.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * The compiled read path sends each read as one simple-protocol message: the settings statement
 * (scope, actor, read-only, statement timeout) and the read (server/read/read-pool.ts). It relies
 * on PostgreSQL running such a message as one implicit transaction: the settings hold for the
 * read, the read cannot write, and nothing is left on the pooled connection afterwards.
 */
describe('a read sent with its settings in one message', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  const settingsFor = (codes: string[]) => {
    const settings = requestSettingsSql(
      { scope: parseScopeClaim(codes), actor: 'read-check' },
      { readOnly: true, statementTimeoutMs: 1234 },
    );
    return settings.text.replace(/\$(\d+)/g, (_m, n: string) => `'${settings.values[Number(n) - 1]}'`);
  };

  it('sees its settings, may not write, and leaves the connection as it found it', async () => {
    const client = await db.pool.connect();
    try {
      await client.query(`set role ${DB_ROLES.api}`);
      const [, seen] = (await client.query(
        `${settingsFor(['64.02.06'])}; select current_setting('lindung.region_scopes') as scopes, current_setting('lindung.actor') as actor,
           current_setting('statement_timeout') as timeout, current_setting('transaction_read_only') as read_only`,
      )) as unknown as Array<{ rows: Record<string, string>[] }>;
      expect(seen!.rows).toEqual([{ scopes: '64.02.06', actor: 'read-check', timeout: '1234ms', read_only: 'on' }]);

      await expect(
        client.query(`${settingsFor(['64.02.06'])}; insert into region (code, name, level) values ('99', 'x', 'province')`),
      ).rejects.toThrow(/read-only transaction/);

      const { rows: after } = await client.query(
        `select current_setting('lindung.region_scopes', true) as scopes, current_setting('statement_timeout') as timeout,
           current_setting('transaction_read_only') as read_only, (select count(*)::int from region where code = '99') as written`,
      );
      expect(after).toEqual([{ scopes: '', timeout: '0', read_only: 'off', written: 0 }]);
    } finally {
      await client.query('reset role');
      client.release();
    }
  });

  it('holds the same when the settings are a prepared statement executed in the message, as read-pool.ts sends them', async () => {
    const client = await db.pool.connect();
    try {
      await client.query(`set role ${DB_ROLES.api}`);
      const settings = requestSettingsSql(
        { scope: parseScopeClaim(['64.02.06']), actor: 'read-check' },
        { readOnly: true, statementTimeoutMs: 4321 },
      );
      // One text for every request of its kind: the timeout is a parameter like scope and actor.
      expect(settings.text).not.toContain('4321');
      const execute = `execute read_settings (${settings.values.map((v) => `'${v}'`).join(', ')})`;
      const [, , seen] = (await client.query(
        `prepare read_settings (${settings.values.map(() => 'text').join(', ')}) as ${settings.text}; ${execute};
         select current_setting('lindung.region_scopes') as scopes, current_setting('statement_timeout') as timeout,
           current_setting('transaction_read_only') as read_only`,
      )) as unknown as Array<{ rows: Record<string, string>[] }>;
      expect(seen!.rows).toEqual([{ scopes: '64.02.06', timeout: '4321ms', read_only: 'on' }]);
      await expect(client.query(`${execute}; insert into region (code, name, level) values ('99', 'x', 'province')`)).rejects.toThrow(
        /read-only transaction/,
      );
      const { rows: after } = await client.query(
        `select current_setting('lindung.region_scopes', true) as scopes, current_setting('statement_timeout') as timeout,
           (select count(*)::int from region where code = '99') as written`,
      );
      expect(after).toEqual([{ scopes: '', timeout: '0', written: 0 }]);
    } finally {
      await client.query('reset role');
      client.release();
    }
  });
});
