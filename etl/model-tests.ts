import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Check } from './checks.js';
import { sqlString } from './load.js';

/**
 * Declared data tests beside the models, dbt style: `analytics/models/<layer>/<model>.yml` states
 * the model's grain and its tests. Every new catalogue runs them before it is published, so a
 * duplicated key or an unexpected code publishes nothing and names the model and the test.
 * The format is documented in analytics/README.md ("Model tests").
 */
const identifier = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier');

const ColumnTest = z.union([
  z.literal('not_null'),
  z.literal('unique'),
  z.strictObject({ accepted_values: z.array(z.union([z.string(), z.boolean(), z.number()])).min(1) }),
  z.strictObject({
    relationships: z.strictObject({ to: identifier, field: identifier, same_snapshot: z.boolean().optional() }),
  }),
]);

const ModelTest = z.union([
  z.strictObject({ name: z.string().min(1), fails: z.string().min(1) }),
  z.strictObject({ name: z.string().min(1), unique: z.array(identifier).min(1) }),
  z.strictObject({ name: z.string().min(1), reconcile: z.strictObject({ value: z.string().min(1), equals: z.string().min(1) }) }),
]);

const ModelFile = z.strictObject({
  model: identifier,
  grain: z.string().min(1),
  description: z.string().optional(),
  /** `latest`: test the latest snapshot only (every earlier one was tested when it was published). */
  where: z.string().min(1).optional(),
  unique: z.array(identifier).min(1).optional(),
  columns: z.record(identifier, z.strictObject({ description: z.string().optional(), tests: z.array(ColumnTest).default([]) })).default({}),
  tests: z.array(ModelTest).default([]),
});
export type ModelDeclaration = z.infer<typeof ModelFile>;

export class ModelDeclarationError extends Error {}

/** Every `<model>.yml` under `modelsDir`, checked against the format; the file name must match `model:`. */
export function loadModelDeclarations(modelsDir: string): ModelDeclaration[] {
  if (!fs.existsSync(modelsDir)) return [];
  const files = fs
    .readdirSync(modelsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yml'))
    .sort();
  return files.map((file) => {
    const parsed = ModelFile.safeParse(parse(fs.readFileSync(path.join(modelsDir, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ModelDeclarationError(`${file}: ${issue.path.join('.') || '(top)'} ${issue.message}`);
    }
    if (path.basename(file, '.yml') !== parsed.data.model) {
      throw new ModelDeclarationError(`${file}: declares model ${parsed.data.model}; name the file after the model`);
    }
    return parsed.data;
  });
}

const valueList = (values: ReadonlyArray<string | boolean | number>) => values.map((v) => sqlString(String(v))).join(', ');

/**
 * `where: latest` as the date it names in this catalogue (`snapshot_date = date '…'`), looked up
 * once per model: a constant lets DuckDB read only that snapshot's Parquet files, where
 * `= (select max(snapshot_date) …)` read every snapshot's rows for each of the model's tests.
 */
export async function pinLatest(con: DuckDBConnection, declarations: readonly ModelDeclaration[]): Promise<ModelDeclaration[]> {
  return Promise.all(
    declarations.map(async (d) => {
      if (d.where !== 'latest') return d;
      const reader = await con.runAndReadAll(`select max(snapshot_date)::varchar from ${d.model}`);
      const latest = reader.getRows()[0]?.[0];
      return { ...d, where: latest == null ? 'false' : `snapshot_date = date ${sqlString(String(latest))}` };
    }),
  );
}

/** The model's rows under test, aliased `m`, and an expression naming one row for the error message. */
function subject(d: ModelDeclaration): { from: string; key: string } {
  const filter = d.where === 'latest' ? `snapshot_date = (select max(snapshot_date) from ${d.model})` : d.where;
  const from = `(select * from ${d.model}${filter ? ` where ${filter}` : ''}) as m`;
  const key = d.unique ? `concat_ws(' / ', ${d.unique.map((c) => `m.${c}`).join(', ')})` : `'a row'`;
  return { from, key };
}

function columnCheck(d: ModelDeclaration, column: string, test: z.infer<typeof ColumnTest>): Check {
  const { from, key } = subject(d);
  const name = (rule: string) => `${d.model}.${column}: ${rule}`;
  const rule = (rule: string, condition: string): Check => ({
    name: name(rule),
    offenders: `select ${key}${rule.startsWith('accepted_values') ? ` || ': ' || cast(m.${column} as varchar)` : ''} as key from ${from} where ${condition}`,
    rowRule: { from, condition },
  });
  if (test === 'not_null') return rule('not_null', `m.${column} is null`);
  if (test === 'unique') {
    return {
      name: name('unique'),
      offenders: `select cast(m.${column} as varchar) as key from ${from} where m.${column} is not null group by m.${column} having count(*) > 1`,
    };
  }
  if ('accepted_values' in test) {
    return rule(
      `accepted_values (${test.accepted_values.join(', ')})`,
      `m.${column} is not null and cast(m.${column} as varchar) not in (${valueList(test.accepted_values)})`,
    );
  }
  const { to, field, same_snapshot } = test.relationships;
  return {
    name: name(`relationships (${to}.${field})`),
    offenders: `select ${key} as key from ${from} anti join ${to} t on t.${field} = m.${column}${
      same_snapshot ? ' and t.snapshot_date = m.snapshot_date' : ''
    } where m.${column} is not null`,
  };
}

const uniqueCheck = (d: ModelDeclaration, name: string, columns: readonly string[]): Check => {
  const cols = columns.map((c) => `m.${c}`).join(', ');
  return { name, offenders: `select concat_ws(' / ', ${cols}) as key from ${subject(d).from} group by ${cols} having count(*) > 1` };
};

function modelCheck(d: ModelDeclaration, test: z.infer<typeof ModelTest>): Check {
  const { from, key } = subject(d);
  if ('fails' in test) {
    const rowLevel = !/\bselect\b|\bover\s*\(/i.test(test.fails);
    return {
      name: `${d.model}: ${test.name}`,
      offenders: `select ${key} as key from ${from} where (${test.fails})`,
      // A condition with a subquery or a window is left to a query of its own.
      ...(rowLevel ? { rowRule: { from, condition: `(${test.fails})` } } : {}),
    };
  }
  if ('unique' in test) return uniqueCheck(d, `${d.model}: ${test.name}`, test.unique);
  // A reconciliation fails as one row that shows both figures.
  return {
    name: `${d.model}: ${test.name}`,
    offenders: `select 'model ' || coalesce(cast(a as varchar), 'NULL') || ', expected ' || coalesce(cast(b as varchar), 'NULL') as key
      from (select (select ${test.reconcile.value} from ${from}) as a, (${test.reconcile.equals}) as b) where a is distinct from b`,
  };
}

/** The declared tests as checks: one per rule, each counting the rows that break it. */
export function modelChecks(declarations: readonly ModelDeclaration[]): Check[] {
  return declarations.flatMap((d) => [
    ...(d.unique ? [uniqueCheck(d, `${d.model}: unique (${d.unique.join(', ')})`, d.unique)] : []),
    ...Object.entries(d.columns).flatMap(([column, c]) => c.tests.map((t) => columnCheck(d, column, t))),
    ...d.tests.map((t) => modelCheck(d, t)),
  ]);
}
