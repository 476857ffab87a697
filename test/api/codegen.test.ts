import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../codegen.js';
import { budgetLine, claimScreen, createClient, settleClaim, workerRows } from '../../client/example.js';
import { startApi, type TestApi } from './api-server.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('typed clients (graphql-codegen client preset)', () => {
  it('client/generated is what `npm run codegen` makes from schema/schema.graphql and client/operations', async () => {
    const outputs = await generate({ ...config, silent: true }, false);
    expect(outputs.map((o: { filename: string }) => path.relative('.', o.filename)).sort()).toEqual([
      'client/generated/gql.ts',
      'client/generated/graphql.ts',
      'client/generated/index.ts',
      'client/generated/persisted-documents.json',
    ]);
    for (const { filename, content } of outputs as Array<{ filename: string; content: string }>) {
      expect(fs.readFileSync(filename, 'utf8'), `${filename} is stale: run npm run codegen`).toBe(content);
    }
  });

  it('the example client type-checks against the generated code, so a breaking schema change fails CI', async () => {
    const run = promisify(execFile);
    await expect(run(process.execPath, [tsc, '-p', 'client/tsconfig.json'], { timeout: 60_000 })).resolves.toBeDefined();
  }, 90_000);

  describe('and works against the running server', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startApi({ scale: 0.01 });
    });
    afterAll(() => api?.close());

    it('lists workers, settles a claim end to end, shows it and a budget line', async () => {
      const request = createClient(api.url, await api.token('operator'));
      const page = await workerRows(request, '64.02.06');
      expect(page.rows.length).toBe(50);
      expect(page.rows[0]!.nik).toMatch(/^[0-9]{16}$/);
      const enrolment = (
        await api.db.pool.query(`select id from enrolment where status = 'ACTIVE' and 'JKM' = any(programmes)
        and start_date <= '2026-11-20' order by id limit 1`)
      ).rows[0].id;
      const paid = await settleClaim(request, Buffer.from(`Enrolment:${enrolment}`).toString('base64url'), 'JKM');
      expect(paid).toMatchObject({ status: 'PAID', paidAmount: '42000000', version: 4 });
      expect(await claimScreen(request, paid.id)).toMatchObject({ title: `${paid.claimNo} (JKM)`, claimed: 'Rp\u00a042.000.000' });
      expect(await budgetLine(request, Buffer.from('Sponsor:1').toString('base64url'), 2023)).toMatch(/^2023: Rp\s180\.000\.000 allocated/);
    });
  });
});
