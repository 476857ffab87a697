import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const exec = promisify(execFile);

describe('npm run psql', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it('opens psql on the platform database and passes options through', async () => {
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'platform/db/psql.cli.ts', '-Atc', 'select count(*) from region'], {
      env: { ...process.env, DATABASE_URL: db.url },
    });
    expect(Number(stdout.trim())).toBeGreaterThan(10);
  });

  it('says where the embedded server should be when nothing listens there', async () => {
    const run = exec(process.execPath, ['--import', 'tsx', 'platform/db/psql.cli.ts', '-c', 'select 1'], {
      env: { ...process.env, DATABASE_URL: '', EMBEDDED_PG_PORT: '1025', PGCONNECT_TIMEOUT: '2' },
    });
    await expect(run).rejects.toMatchObject({ stderr: expect.stringMatching(/only while the platform runs: npm start/) });
  });
});
