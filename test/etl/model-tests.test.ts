import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODELS_DIR } from '../../etl/catalogue.js';
import { EtlCheckError } from '../../etl/errors.js';
import type { EtlService } from '../../etl/etl.service.js';
import { loadModelDeclarations, ModelDeclarationError, modelChecks } from '../../etl/model-tests.js';
import type { TestDatabase } from '../helpers/database.js';
import { etlService, seededDatabase, TODAY, tempWarehouse } from './etl.fixture.js';

/** A copy of the shipped models to break one rule in, so the real ones stay untouched. */
function modelsCopy(edit: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-models-'));
  fs.cpSync(DEFAULT_MODELS_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

const replaceIn = (file: string, from: string, to: string) => {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
};

describe('declared model tests', () => {
  let db: TestDatabase;
  let warehouse: string;
  let etl: EtlService;
  const copies: string[] = [];

  beforeAll(async () => {
    db = await seededDatabase();
    warehouse = tempWarehouse();
    etl = etlService(db, warehouse);
    await etl.snapshot(TODAY, 'live');
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
    for (const dir of [warehouse, ...copies]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares every model beside its SQL, each with its grain and at least one test', () => {
    const declarations = loadModelDeclarations(DEFAULT_MODELS_DIR);
    const sqlModels = fs
      .readdirSync(DEFAULT_MODELS_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.sql') && !f.endsWith('macros.sql'))
      .map((f) => path.basename(f, '.sql'))
      .sort();
    expect(declarations.map((d) => d.model).sort()).toEqual(sqlModels);
    for (const d of declarations) {
      expect(d.grain, d.model).toMatch(/^one row per /);
      expect(modelChecks([d]).length, d.model).toBeGreaterThan(0);
    }
  });

  it('a duplicated key makes the ETL refuse to publish, naming the model and the test', async () => {
    const before = fs.readFileSync(path.join(warehouse, '_published.json'), 'utf8');
    const models = modelsCopy((dir) =>
      replaceIn(
        path.join(dir, 'marts', 'dim_programme.sql'),
        "('JKP',",
        "('JKM', 'Jaminan Kematian (again)', 'x', true, date '2015-07-01'),\n  ('JKP',",
      ),
    );
    copies.push(models);
    const broken = etlService(db, warehouse, { modelsDir: models });
    const run = broken.snapshot('2026-11-27', 'live');
    await expect(run).rejects.toThrow(EtlCheckError);
    await expect(run).rejects.toThrow(/model tests failed: dim_programme: unique \(programme\): 1 rows \(e\.g\. JKM\)/);
    expect(fs.readFileSync(path.join(warehouse, '_published.json'), 'utf8')).toBe(before);
    expect(broken.runs(1)[0]).toMatchObject({ status: 'failed' });
  });

  it('a value outside the accepted list does the same', async () => {
    const before = fs.readFileSync(path.join(warehouse, '_published.json'), 'utf8');
    const models = modelsCopy((dir) =>
      replaceIn(path.join(dir, 'staging', 'stg_claim.yml'), 'APPROVED, PAID, REJECTED', 'APPROVED, REJECTED'),
    );
    copies.push(models);
    await expect(etlService(db, warehouse, { modelsDir: models }).snapshot('2026-11-27', 'live')).rejects.toThrow(
      /stg_claim\.claim_status: accepted_values \(SUBMITTED, VERIFIED, APPROVED, REJECTED\): \d+ rows \(e\.g\. 2026-11-27 \/ \d+: PAID/,
    );
    expect(fs.readFileSync(path.join(warehouse, '_published.json'), 'utf8')).toBe(before);
  });

  it('a malformed declaration names its file and field', () => {
    const models = modelsCopy((dir) => replaceIn(path.join(dir, 'marts', 'fct_budget.yml'), 'grain:', 'grian:'));
    copies.push(models);
    expect(() => loadModelDeclarations(models)).toThrow(ModelDeclarationError);
    expect(() => loadModelDeclarations(models)).toThrow(/marts\/fct_budget\.yml: /);
  });
});
