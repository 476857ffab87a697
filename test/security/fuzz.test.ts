import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/auth/roles.js';
import { buildApiSchema } from '../../server/graphql/schema.js';
import { toGlobalId } from '../../schema/types/global-id.js';
import { TODAY, type TestApi } from '../api/api-server.js';
import { startProductionApi } from './hostile.fixture.js';

/**
 * A bounded fuzz of the API: generated arguments for every mutation and every query field that
 * takes arguments, built from the schema itself so a new argument is fuzzed without editing
 * this file. Values mix plausible ones (real ids, valid NIKs, today's date) with hostile ones
 * (wrong types, NUL, lone surrogates, overflowing money, impossible dates, ids of the wrong
 * kind), as variables or as literals. Fixed seed and a fixed number of inputs, so the run is the
 * same on a quiet or a loaded machine (a time bound made the count, and the assertion, depend on load).
 *
 * Asserted: no 5xx, a code on every error, no INTERNAL_SERVER_ERROR, and no row written by a
 * refused request: new rows equal what the successful requests report, existing rows changed
 * only where a successful request targeted them, and audit entries only for successful requests.
 */

const SEED = 20_261_201;
const INPUTS = 2_500;
const CONCURRENCY = 4;

/** mulberry32: small, fast and the same on every machine. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}
type Rng = ReturnType<typeof rng>;

const OMIT = Symbol('omit');

interface Pools {
  ids: string[];
  /** Ids by the type their argument names, so that most requests get past the id check to the rules behind it. */
  byType: Record<string, string[]>;
  niks: string[];
}

/** The type an ID argument names: by its own name, or for `id` by the mutation's object. */
function idType(field: string, arg: string): string | undefined {
  const named = /^(worker|sponsor|employer|enrolment|claim)Id$/.exec(arg)?.[1];
  if (named) return named[0]!.toUpperCase() + named.slice(1);
  if (arg !== 'id') return undefined;
  return /Claim$/.test(field) ? 'Claim' : /Worker$/.test(field) ? 'Worker' : /Enrolment$/.test(field) ? 'Enrolment' : undefined;
}

const STRINGS = [
  'Budi Santoso',
  'Siti Aminah binti Sastro',
  '',
  '   ',
  'a'.repeat(201),
  'x'.repeat(5000),
  "'; drop table worker; --",
  "1' or '1'='1",
  '%_\\',
  '64.02.06',
  '64.02.06.2001',
  '64.02',
  '0812-3456-7890',
  '+62812',
  '<script>alert(1)</script>',
  'NUL\u0000inside',
  'lone \udc00 low',
  'lone \ud800',
  '🌿 Dayak Kenyah É',
  'retry-key-00000001',
  '0c6f2f0e-8f0e-4d0b-9a55-7e1d6f3b2a10',
  Buffer.from(JSON.stringify(['abc'])).toString('base64url'),
  Buffer.from(JSON.stringify(['2026-01-01', 1])).toString('base64url'),
  Buffer.from(JSON.stringify([1e300])).toString('base64url'),
  '{"$ne": null}',
  '../../etc/passwd',
];
const DATES = [
  TODAY,
  '2026-11-01',
  '2026-11-20',
  '2026-12-01',
  '2023-06-15',
  '2022-02-01',
  '1985-03-12',
  '2006-06-25',
  '1900-01-01',
  '2100-12-31',
  '1976-12-31',
  '2026-02-30',
  '2026-13-01',
  '26-11-2026',
  '2026-11-26T00:00:00Z',
  '',
  20_261_126,
];
const MONTHS = ['2026-11', '2026-12', '2023-01', '2022-06', '2099-01', '1970-01', '2026-13', '2026-1', '2026-11-01', '', 202611];
const RUPIAH = [
  '16800',
  '0',
  '1',
  '1000000',
  '2500000',
  '42000000',
  '10000000000',
  '10000000001',
  '18000000000',
  '9223372036854775807',
  '9223372036854775808',
  '-5',
  '10.5',
  '1.000',
  '1e6',
  ' 100 ',
  '',
  16_800,
  '0x10',
];
const INTS = [1, 2, 3, 4, 5, 0, -1, 20, 100, 101, 2023, 2027, 1999, 2_147_483_647, 2_147_483_648, 1.5, '3'];

function scalar(name: string, r: Rng, pools: Pools, idOf?: string): unknown {
  switch (name) {
    case 'ID':
      if (idOf && r.chance(0.7)) return r.pick(pools.byType[idOf]!);
      if (r.chance(0.65)) return r.pick(pools.ids);
      return r.pick([
        '',
        'abc',
        toGlobalId('Worker', 0),
        toGlobalId('Worker', '99999999'),
        toGlobalId('Claim', '1 or 1=1'),
        toGlobalId('Nope', 1),
        `${toGlobalId('Worker', 1)}\u0000`,
        // Text that is only hostile once decoded from base64.
        toGlobalId('Worker', '1\u0000'),
        toGlobalId('Claim', '\ud800'),
        toGlobalId('Enrolment\u0000', 1),
        'x'.repeat(300),
        12_345,
        true,
        {},
        '\ud800',
      ]);
    case 'String':
      return r.pick(STRINGS);
    case 'NIK':
      if (r.chance(0.5)) return `640206120385${String(r.int(1, 9999)).padStart(4, '0')}`;
      if (r.chance(0.3)) return r.pick(pools.niks);
      return r.pick([
        '6402061203850000',
        '64020612038500011',
        '9902061203850001',
        '6402063203850001',
        ' 6402061203850001 ',
        6_402_061_203_850_001,
      ]);
    case 'Date':
      return r.pick(DATES);
    case 'Month':
      return r.pick(MONTHS);
    case 'Rupiah':
      return r.pick(RUPIAH);
    case 'Int':
      return r.pick(INTS);
    case 'Boolean':
      return r.pick([true, false, 'true', 0]);
    default:
      return r.pick(STRINGS);
  }
}

function generate(type: GraphQLInputType, r: Rng, pools: Pools, depth = 0, idOf?: string): unknown {
  if (isNonNullType(type)) return r.chance(0.03) ? null : generate(type.ofType, r, pools, depth, idOf);
  // Recursive inputs (a list's `where` holds and/or/not of itself) would otherwise grow without end.
  if (r.chance(depth === 0 ? 0.1 : 0.35) || depth > 6) return OMIT;
  if (isListType(type)) {
    if (r.chance(0.05)) return generate(type.ofType, r, pools, depth + 1);
    return Array.from({ length: r.int(0, 3) }, () => generate(type.ofType, r, pools, depth + 1)).filter((v) => v !== OMIT);
  }
  if (isInputObjectType(type)) {
    if (r.chance(0.03)) return 'not an object';
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const v = generate(field.type, r, pools, depth + 1, idType('', field.name));
      if (v !== OMIT) value[field.name] = v;
    }
    if (r.chance(0.04)) value.kecamatn = '64.02.06';
    return value;
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return r.chance(0.88) ? r.pick(values) : r.pick(['', 'jkk', 'JKKK', 42, 'A\u0000']);
  }
  return scalar(getNamedType(type).name, r, pools, idOf);
}

/** A GraphQL literal for `value`, or undefined when it has none (then it goes as a variable). */
function literal(value: unknown, type: GraphQLInputType): string | undefined {
  const named = getNamedType(type);
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const items = value.map((v) =>
      literal(v, isListType(type) ? type.ofType : isNonNullType(type) && isListType(type.ofType) ? type.ofType.ofType : type),
    );
    return items.every((i) => i !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (typeof value === 'object') {
    if (!isInputObjectType(named)) return undefined;
    const fields = named.getFields();
    const parts = Object.entries(value as object).map(([k, v]) =>
      fields[k] ? `${k}: ${literal(v, fields[k]!.type)}` : `${k}: ${JSON.stringify(v)}`,
    );
    return parts.some((p) => p.endsWith('undefined')) ? undefined : `{ ${parts.join(', ')} }`;
  }
  if (isEnumType(named) && typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return value;
  return JSON.stringify(value);
}

function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return '';
  const fields = type.getFields();
  return `{ __typename${fields.id ? ' id' : ''}${fields.recorded ? ' recorded' : ''} }`;
}

interface Outcome {
  index: number;
  requestId: string;
  field: string;
  args: Record<string, unknown>;
  ok: boolean;
  data: any;
}

describe('bounded fuzz of every mutation and argument', () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  let pools: Pools;

  beforeAll(async () => {
    api = await startProductionApi();
    schema = await buildApiSchema();
    const q = (sql: string) => api.db.pool.query(sql).then((r) => r.rows);
    const byType = {
      Worker: (await q('select id from worker order by id limit 25')).map((r) => toGlobalId('Worker', r.id)),
      Sponsor: (await q('select id from sponsor order by id')).map((r) => toGlobalId('Sponsor', r.id)),
      Employer: (await q('select id from employer order by id limit 10')).map((r) => toGlobalId('Employer', r.id)),
      Enrolment: (await q(`select id from enrolment where status = 'ACTIVE' order by id limit 25`)).map((r) =>
        toGlobalId('Enrolment', r.id),
      ),
      // Claims in every status, so each workflow step meets claims it may and may not move.
      Claim: (
        await q('select id from (select id, row_number() over (partition by status order by id) as n from claim) c where n <= 8')
      ).map((r) => toGlobalId('Claim', r.id)),
    };
    pools = { ids: Object.values(byType).flat(), byType, niks: (await q('select nik from worker order by id limit 10')).map((r) => r.nik) };
  });
  afterAll(() => api?.close());

  it('answers thousands of generated inputs without a 5xx, each error with a code, writing nothing when it refuses', async () => {
    const r = rng(SEED);
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const queries = Object.values(schema.getQueryType()!.getFields()).filter((f) => f.args.length > 0);
    const snapshot = async () => {
      const rows = async (table: string) =>
        new Map((await api.db.pool.query(`select id::text as id, md5(t::text) as h from ${table} t`)).rows.map((x) => [x.id, x.h]));
      return {
        worker: await rows('worker'),
        enrolment: await rows('enrolment'),
        claim: await rows('claim'),
        budget: await rows('budget_allocation'),
        contributions: Number((await api.db.pool.query('select count(*) from contribution')).rows[0].count),
      };
    };
    const before = await snapshot();
    const tokens = Object.fromEntries(
      await Promise.all((['operator', 'admin', 'viewer'] as Role[]).map(async (role) => [role, await api.token(role, `fuzz-${role}`)])),
    );

    // The inputs are drawn in order from the seed, so the same seed makes the same sequence.
    const plan = () => {
      const field = r.chance(0.75) ? r.pick(mutations) : r.pick(queries);
      const kind = mutations.includes(field) ? 'mutation' : 'query';
      const role = r.pick(['operator', 'operator', 'operator', 'operator', 'admin', 'admin', 'viewer', null] as const);
      const args: Record<string, unknown> = {};
      const defs: string[] = [];
      const uses: string[] = [];
      const variables: Record<string, unknown> = {};
      field.args.forEach((arg: GraphQLArgument, i) => {
        const value = generate(arg.type, r, pools, 0, idType(field.name, arg.name));
        if (value === OMIT) return;
        args[arg.name] = value;
        const asLiteral = r.chance(0.2) ? literal(value, arg.type) : undefined;
        if (asLiteral !== undefined) uses.push(`${arg.name}: ${asLiteral}`);
        else {
          defs.push(`$a${i}: ${String(arg.type)}`);
          uses.push(`${arg.name}: $a${i}`);
          variables[`a${i}`] = value;
        }
      });
      const call = `${field.name}${uses.length ? `(${uses.join(', ')})` : ''} ${selection(field)}`;
      return { field: field.name, role, args, query: `${kind} Fuzz${defs.length ? `(${defs.join(', ')})` : ''} { ${call} }`, variables };
    };

    const outcomes: Outcome[] = [];
    const codes = new Map<string, number>();
    let fiveXx = 0;
    let index = 0;
    const started = Date.now();
    const worker = async () => {
      while (index < INPUTS) {
        const i = index++;
        const p = plan();
        const requestId = `fuzz-${i}`;
        const res = await api.post(
          { query: p.query, variables: p.variables },
          { 'x-request-id': requestId, ...(p.role ? { authorization: `Bearer ${tokens[p.role]}` } : {}) },
        );
        if (res.status >= 500) fiveXx++;
        const body = (await res.json()) as {
          data?: Record<string, unknown> | null;
          errors?: Array<{ message: string; extensions?: { code?: string } }>;
        };
        for (const error of body.errors ?? []) {
          const c = error.extensions?.code ?? 'NO CODE';
          codes.set(c, (codes.get(c) ?? 0) + 1);
          expect(c, `${p.query} ${JSON.stringify(p.variables).slice(0, 300)} → ${error.message}`).not.toMatch(
            /^(NO CODE|INTERNAL_SERVER_ERROR)$/,
          );
        }
        expect(res.status, `${p.query} → ${JSON.stringify(body).slice(0, 300)}`).toBeLessThan(500);
        const ok = !body.errors?.length && body.data?.[p.field] != null;
        outcomes.push({ index: i, requestId, field: p.field, args: p.args, ok, data: body.data?.[p.field] });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsed = Date.now() - started;

    // Accounting: what the successful requests say they wrote is all that was written.
    const after = await snapshot();
    const succeeded = (name: string) => outcomes.filter((o) => o.ok && o.field === name);
    const changed = (a: Map<string, string>, b: Map<string, string>) =>
      [...b].filter(([id, h]) => a.has(id) && a.get(id) !== h).map(([id]) => id);
    const added = (a: Map<string, string>, b: Map<string, string>) => [...b.keys()].filter((id) => !a.has(id)).length;
    const keyOf = (id: unknown) => Buffer.from(String(id), 'base64url').toString().split(':')[1];
    expect(added(before.worker, after.worker)).toBe(succeeded('registerWorker').length);
    expect(added(before.enrolment, after.enrolment)).toBe(succeeded('enrol').length);
    expect(added(before.claim, after.claim)).toBe(succeeded('submitClaim').length);
    expect(after.contributions - before.contributions).toBe(
      succeeded('recordContributions').reduce((s, o) => s + Number(o.data.recorded), 0),
    );
    const updatedWorkers = new Set(succeeded('updateWorker').map((o) => keyOf(o.args.id)));
    expect(changed(before.worker, after.worker).filter((id) => !updatedWorkers.has(id))).toEqual([]);
    const endedEnrolments = new Set(succeeded('endEnrolment').map((o) => keyOf(o.args.id)));
    expect(changed(before.enrolment, after.enrolment).filter((id) => !endedEnrolments.has(id))).toEqual([]);
    const movedClaims = new Set(
      ['verifyClaim', 'approveClaim', 'rejectClaim', 'payClaim'].flatMap((f) => succeeded(f).map((o) => keyOf(o.args.id))),
    );
    expect(changed(before.claim, after.claim).filter((id) => !movedClaims.has(id))).toEqual([]);
    expect(added(before.budget, after.budget) + changed(before.budget, after.budget).length).toBeLessThanOrEqual(
      succeeded('setBudgetAllocation').length,
    );
    const audited = (await api.db.pool.query(`select request_id from audit_entry where request_id like 'fuzz-%'`)).rows.map(
      (x) => x.request_id,
    );
    const okIds = new Set(outcomes.filter((o) => o.ok).map((o) => o.requestId));
    expect(audited.filter((id) => !okIds.has(id))).toEqual([]);

    const refused = outcomes.filter((o) => !o.ok).length;
    const summary = [...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`);
    console.log(
      `fuzz: ${outcomes.length} inputs in ${(elapsed / 1000).toFixed(1)} s (seed ${SEED}) over ${mutations.length} mutations and ${queries.length} query fields; ` +
        `${outcomes.length - refused} succeeded, ${refused} refused, ${fiveXx} answered 5xx; errors: ${summary.join(', ')}`,
    );
    expect(fiveXx).toBe(0);
    expect(outcomes.length).toBe(INPUTS);
    // The fuzz reaches the writes, not only the refusals.
    expect(outcomes.length - refused).toBeGreaterThan(20);
  }, 180_000);
});
