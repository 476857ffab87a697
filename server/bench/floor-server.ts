import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { requestSettingsSql } from '../../platform/db/request-settings.js';

/**
 * The bare-driver floor of `npm run bench:api`: node:http and pg, answering each read of the
 * benchmark with one named prepared statement that builds the answer's JSON inside PostgreSQL
 * (as PostGraphile does), and nothing else: no GraphQL, no auth, no masking, no limits. What any
 * API over the same database can at best reach. POST `/` with `{ "op": "a" | "b" | "c", "variables": … }`.
 */
/**
 * With BENCH_FLOOR_RLS=1 the floor does the database work a signed-in lindung request must do:
 * it connects as lindung_api (row-level security on every operational table) and sends each
 * read as lindung's compiled read path does (server/read/read-pool.ts): one message of the
 * request settings and the `execute` of the read's prepared statement, one round trip.
 */
const rls = process.env.BENCH_FLOOR_RLS === '1';
const url = new URL(process.env.BENCH_DATABASE_URL!);
if (rls) url.username = 'lindung_api';
const pool = new pg.Pool({ connectionString: url.toString(), max: Number(process.env.DB_POOL_MAX ?? 10) });
const settings = requestSettingsSql({ scope: { national: true }, actor: 'bench' }, { readOnly: true, statementTimeoutMs: 10_000 });
/** The settings as lindung sends them: a prepared statement of their own (server/read/read-pool.ts). */
const PREPARE_SETTINGS = `prepare floor_settings (${settings.values.map(() => 'text').join(', ')}) as ${settings.text}`;
const SETTINGS = `execute floor_settings (${settings.values.map((v) => `'${v}'`).join(', ')})`;
const prepared = new WeakMap<pg.PoolClient, Set<string>>();

/** One statement, or with RLS the same statement behind the request's settings, in one message. */
async function run({
  paramTypes,
  ...query
}: {
  name: string;
  text: string;
  values: unknown[];
  paramTypes: string[];
}): Promise<pg.QueryResult> {
  if (!rls) return pool.query(query);
  const client = await pool.connect();
  try {
    let names = prepared.get(client);
    if (!names) prepared.set(client, (names = new Set()));
    const prepare = names.has(query.name) ? '' : `prepare ${query.name} (${paramTypes.join(', ')}) as ${query.text}; `;
    const prepareSettings = names.has('floor_settings') ? '' : `${PREPARE_SETTINGS}; `;
    const values = (query.values ?? []).map((v) => client.escapeLiteral(String(v)));
    const results = (await client.query(
      `${prepareSettings}${SETTINGS}; ${prepare}execute ${query.name} (${values.join(', ')})`,
    )) as unknown as pg.QueryResult[];
    names.add(query.name);
    names.add('floor_settings');
    return results[results.length - 1]!;
  } finally {
    client.release();
  }
}

const CLAIM = {
  name: 'floor_claim_by_id',
  paramTypes: ['bigint'],
  text: `select c.id::text, c.claim_no, c.status, c.claimed_amount::text, e.membership_no
         from claim c join enrolment e on e.id = c.enrolment_id where c.id = $1`,
};

/** 51 workers of one kecamatan (the 51st says whether there is a next page), each with its enrolments, sponsor and claims. */
const page = (withTotal: boolean) => ({
  name: withTotal ? 'floor_workers_page_total' : 'floor_workers_page',
  paramTypes: ['text'],
  text: `select ${withTotal ? '(select count(*) from worker where region_code = $1)::int' : 'null::int'} as total_count,
         coalesce(json_agg(json_build_object(
           'cursor', w.id::text, 'node', json_build_object(
             'id', w.id::text, 'nik', w.nik, 'fullName', w.full_name, 'sex', w.sex, 'occupation', w.occupation, 'sector', w.sector,
             'region', json_build_object('code', r.code, 'name', r.name),
             'enrolments', (select coalesce(json_agg(json_build_object(
                 'id', e.id::text, 'membershipNo', e.membership_no, 'segment', e.segment, 'programmes', e.programmes,
                 'status', e.status, 'startDate', e.start_date, 'endDate', e.end_date,
                 'sponsor', json_build_object('id', s.id::text, 'name', s.name, 'kind', s.kind),
                 'claims', (select coalesce(json_agg(json_build_object(
                     'id', c.id::text, 'claimNo', c.claim_no, 'programme', c.programme, 'status', c.status,
                     'claimedAmount', c.claimed_amount::text, 'paidAmount', c.paid_amount::text, 'submittedDate', c.submitted_date)
                   order by c.submitted_date, c.id), '[]'::json) from claim c where c.enrolment_id = e.id))
               order by e.start_date, e.id), '[]'::json)
               from enrolment e join sponsor s on s.id = e.sponsor_id where e.worker_id = w.id)))
           order by w.id), '[]'::json) as edges
       from (select * from worker where region_code = $1 order by id limit 51) w join region r on r.code = w.region_code`,
});
const PAGE = { a: page(true), b: page(false) };

/** (d): 51 claims of one status, largest claimed amount first (the id breaks ties), with the status's count. */
const SORTED_CLAIMS = {
  name: 'floor_sorted_claims',
  paramTypes: ['text'],
  text: `select (select count(*) from claim where status = $1)::int as total_count,
         coalesce(json_agg(json_build_object('cursor', c.id::text, 'node', json_build_object(
           'id', c.id::text, 'claimNo', c.claim_no, 'programme', c.programme, 'status', c.status,
           'claimedAmount', c.claimed_amount::text, 'submittedDate', c.submitted_date))
           order by c.claimed_amount desc, c.id desc), '[]'::json) as edges
       from (select * from claim where status = $1 order by claimed_amount desc, id desc limit 51) c`,
};

async function answer(op: string, variables: Record<string, string>): Promise<unknown> {
  if (op === 'c') {
    const row = (await run({ ...CLAIM, values: [variables.id] })).rows[0];
    const claim = row && {
      id: row.id,
      claimNo: row.claim_no,
      status: row.status,
      claimedAmount: row.claimed_amount,
      enrolment: { membershipNo: row.membership_no },
    };
    return { claim };
  }
  if (op === 'd') {
    const row = (await run({ ...SORTED_CLAIMS, values: [variables.status] })).rows[0];
    const edges = row.edges as Array<{ cursor: string }>;
    const shown = edges.slice(0, 50);
    return {
      claims: {
        totalCount: row.total_count,
        pageInfo: { hasNextPage: edges.length > 50, endCursor: shown.at(-1)?.cursor ?? null },
        edges: shown,
      },
    };
  }
  if (op !== 'a' && op !== 'b') throw new Error(`unknown operation ${op}`);
  const row = (await run({ ...PAGE[op], values: [variables.kec] })).rows[0];
  const edges = row.edges as Array<{ cursor: string }>;
  const shown = edges.slice(0, 50);
  return {
    workers: {
      ...(op === 'a' ? { totalCount: row.total_count } : {}),
      pageInfo: { hasNextPage: edges.length > 50, endCursor: shown.at(-1)?.cursor ?? null },
      edges: shown,
    },
  };
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', async () => {
    try {
      const { op, variables } = JSON.parse(body) as { op: string; variables: Record<string, string> };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: await answer(op, variables) }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
