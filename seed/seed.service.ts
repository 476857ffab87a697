import { batchAuditKey } from '../schema/audit-key.js';
import pg from 'pg';
import type { Logger } from '../platform/logger.js';
import type { ProgressLine } from '../platform/progress.js';
import { calibrateClaims, settleClaims } from './claims.settle.js';
import { programmeCoveredViolations, withBulkLoad } from './bulk-load.js';
import { contributionsFor } from './contributions.plan.js';
import { CopyWriter } from './copy-writer.js';
import { todayIn } from '../platform/dates.js';
import { toDay, toIso, yearOf } from './dates.js';
import { IdentityFactory } from './identity.js';
import type { ClaimDraft } from './plan.types.js';
import { population } from './population.js';
import { budgets, employers, sponsors } from './reference-data.js';
import { CoverageCounter, workforceRows } from './workforce.plan.js';

/** The seed is one batch: the whole demo database (schema/audit-key.ts). */
const SEED_AUDIT_KEY = batchAuditKey('database', 'demo');

export interface SeedOptions {
  seed: number;
  scale: number;
  /** The demo runs from November 2021 to this day (default: today in Asia/Makassar). */
  today?: string;
  log: Logger;
  /** Called as rows stream, for a progress display. */
  onProgress?: (line: ProgressLine) => void;
}

export interface SeedSummary {
  rows: Record<string, number>;
  seconds: number;
}

export class SeedRefusedError extends Error {}

/** Rows per table of the scale-1 demo to late 2026: only for the progress display's estimate. */
const ABOUT_AT_SCALE_1: Record<string, number> = { worker: 128_000, enrolment: 128_000, contribution: 9_930_000, claim: 12_700 };

/** Timestamps of generated rows derive from their dates, so the same seed gives the same rows. */
const at = (day: number) => `${toIso(day)} 08:00:00+08`;

/**
 * Generates the demo Kukar into an empty, migrated database in one transaction: either the
 * whole demo is there or none of it. Rows stream through COPY; the population is walked once
 * per table rather than held in memory.
 */
export async function seedDemo(databaseUrl: string, options: SeedOptions): Promise<SeedSummary> {
  if (!(options.scale > 0)) throw new RangeError('scale must be a positive number');
  const started = Date.now();
  const today = toDay(options.today ?? todayIn());
  const { seed, scale, log } = options;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    const existing = await client.query(
      `select (select count(*) from worker)::int + (select count(*) from sponsor)::int + (select count(*) from employer)::int as n`,
    );
    if (existing.rows[0].n > 0) {
      throw new SeedRefusedError('the database already holds data; `npm run seed -- --reset` empties it first');
    }
    await client.query('begin');
    const employerRows = employers(seed, scale);
    const sponsorRows = sponsors(employerRows);
    const budgetRows = budgets(sponsorRows, scale, yearOf(today));
    const created = at(toDay('2021-10-01'));
    await client.query(
      `insert into employer (id, code, name, region_code, industry, created_at, updated_at)
       select *, $6::timestamptz, $6::timestamptz from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        employerRows.map((e) => e.id),
        employerRows.map((e) => e.code),
        employerRows.map((e) => e.name),
        employerRows.map((e) => e.kecamatan),
        employerRows.map((e) => e.industry),
        created,
      ],
    );
    await client.query(
      `insert into sponsor (id, code, name, kind, employer_id, created_at, updated_at)
       select *, $6::timestamptz, $6::timestamptz from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[])`,
      [
        sponsorRows.map((s) => s.id),
        sponsorRows.map((s) => s.code),
        sponsorRows.map((s) => s.name),
        sponsorRows.map((s) => s.kind),
        sponsorRows.map((s) => s.employerId),
        created,
      ],
    );
    await client.query(
      `insert into budget_allocation (sponsor_id, fiscal_year, kind, amount, created_at, updated_at)
       select s, y, k, a, make_date(y - 1, 12, 15)::timestamptz, make_date(y - 1, 12, 15)::timestamptz
       from unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[]) as t(s, y, k, a)`,
      [
        budgetRows.map((b) => b.sponsorId),
        budgetRows.map((b) => b.year),
        budgetRows.map((b) => b.kind),
        budgetRows.map((b) => b.amount.toString()),
      ],
    );
    rows.employer = employerRows.length;
    rows.sponsor = sponsorRows.length;
    rows.budget_allocation = budgetRows.length;

    const walk = () => population({ seed, scale, today, employers: employerRows });
    const sponsorId = new Map(sponsorRows.map((s) => [s.code, s.id]));
    const employerId = new Map(employerRows.map((e) => [e.code, e.id]));

    const phase = async (table: string, columns: string[], fill: (writer: CopyWriter) => Promise<void>) => {
      const t0 = Date.now();
      const writer = new CopyWriter(client, table, columns);
      let lastReport = 0;
      const about = ABOUT_AT_SCALE_1[table];
      const report = (done = false) =>
        options.onProgress?.({
          label: table,
          rows: writer.rows,
          seconds: (Date.now() - t0) / 1000,
          done,
          total: about && Math.round(about * scale),
          approximate: true,
        });
      const tick = setInterval(() => {
        if (writer.rows !== lastReport) {
          lastReport = writer.rows;
          report();
        }
      }, 500);
      try {
        await fill(writer);
        rows[table] = await writer.close();
      } finally {
        clearInterval(tick);
      }
      report(true);
      const seconds = (Date.now() - t0) / 1000;
      log.info({ table, rows: rows[table], seconds, rowsPerSecond: Math.round(rows[table]! / seconds) }, 'seeded table');
    };

    const coverage = new CoverageCounter();
    const drafts: ClaimDraft[] = [];
    const identities = new IdentityFactory(seed);
    await phase(
      'worker',
      [
        'id',
        'nik',
        'full_name',
        'sex',
        'birth_date',
        'region_code',
        'occupation',
        'sector',
        'non_asn',
        'phone',
        'created_at',
        'updated_at',
      ],
      async (w) => {
        for (const worker of walk()) {
          const person = identities.create(worker);
          const registered = at(worker.enrolments[0]!.start);
          await w.write([
            worker.id,
            person.nik,
            person.fullName,
            worker.sex,
            toIso(worker.birth),
            worker.kecamatan,
            worker.occupation,
            worker.sector,
            worker.nonAsn,
            person.phone,
            registered,
            registered,
          ]);
          coverage.add(worker, 2021, yearOf(today));
          drafts.push(...worker.claims);
        }
      },
    );

    await phase(
      'enrolment',
      [
        'id',
        'membership_no',
        'worker_id',
        'sponsor_id',
        'employer_id',
        'segment',
        'programmes',
        'start_date',
        'end_date',
        'declared_income',
        'status',
        'created_at',
        'updated_at',
      ],
      async (w) => {
        for (const worker of walk()) {
          for (const e of worker.enrolments) {
            await w.write([
              e.id,
              e.membershipNo,
              worker.id,
              sponsorId.get(e.sponsorCode)!,
              e.employerCode ? employerId.get(e.employerCode)! : null,
              e.segment,
              `{${e.programmes.join(',')}}`,
              toIso(e.start),
              e.end === null ? null : toIso(e.end),
              e.income,
              e.status,
              at(Math.min(e.start, today)),
              at(Math.min(e.end ?? e.start, today)),
            ]);
          }
        }
      },
    );

    // The largest table by far: loaded without its keys and rebuilt after (bulk-load.ts).
    await withBulkLoad(client, 'contribution', [programmeCoveredViolations('contribution')], () =>
      phase('contribution', ['enrolment_id', 'period', 'programme', 'amount', 'paid_date', 'sponsor_id', 'created_at'], async (w) => {
        for (const worker of walk()) {
          for (const e of worker.enrolments) {
            const sponsor = sponsorId.get(e.sponsorCode)!;
            for (const c of contributionsFor(e, seed, today)) {
              await w.write([e.id, c.period, c.programme, c.amount, c.paidDate, sponsor, `${c.paidDate} 08:00:00+08`]);
            }
          }
        }
      }),
    );

    // The bulk load ran with user triggers off, including those keeping the paid totals.
    await client.query('select refresh_sponsor_month_paid()');

    const claims = settleClaims(drafts, seed, today);
    calibrateClaims(claims, scale);
    await phase(
      'claim',
      [
        'id',
        'claim_no',
        'enrolment_id',
        'programme',
        'incident_date',
        'submitted_date',
        'status',
        'claimed_amount',
        'approved_amount',
        'paid_amount',
        'paid_date',
        'rejection_reason',
        'created_at',
        'updated_at',
      ],
      async (w) => {
        for (const c of claims) {
          await w.write([
            c.id,
            c.claimNo,
            c.enrolmentId,
            c.programme,
            toIso(c.incident),
            toIso(c.submitted),
            c.status,
            c.claimed,
            c.approved,
            c.paid,
            c.paidDate === null ? null : toIso(c.paidDate),
            c.rejectionReason,
            at(c.submitted),
            at(c.paidDate ?? c.submitted),
          ]);
        }
      },
    );

    const workforce = workforceRows(coverage, seed, yearOf(today));
    await client.query(
      `insert into workforce (year, region_code, sector, workers)
       select * from unnest($1::int[], $2::text[], $3::text[], $4::int[])`,
      [workforce.map((r) => r.year), workforce.map((r) => r.kecamatan), workforce.map((r) => r.sector), workforce.map((r) => r.workers)],
    );
    rows.workforce = workforce.length;

    // Rows were written with explicit ids; move the identity sequences past them.
    for (const table of ['employer', 'sponsor', 'worker', 'enrolment', 'claim']) {
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1))`);
    }
    await client.query(`insert into audit_entry (actor, action, entity_type, entity_id, after) values ('seed', 'SEED', $1, $2, $3)`, [
      ...Object.values(SEED_AUDIT_KEY),
      JSON.stringify({ seed, scale, today: toIso(today), rows }),
    ]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const analyze = new pg.Client({ connectionString: databaseUrl });
  await analyze.connect();
  await analyze.query('analyze');
  await analyze.end();
  return { rows, seconds: (Date.now() - started) / 1000 };
}
