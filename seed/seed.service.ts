import { batchAuditKey } from '../schema/audit-key.js';
import pg from 'pg';
import type { Logger } from '../platform/logger.js';
import type { ProgressLine } from '../platform/progress.js';
import { calibrateClaims, settleClaims } from './claims.settle.js';
import { type Owner, programmeCoveredViolations, withBulkLoad, withIndexesDeferred } from './bulk-load.js';
import { contributionsFor } from './contributions.plan.js';
import { BinaryCopyWriter, encodeTextArray } from './binary-copy.js';
import { CopyWriter } from './copy-writer.js';
import { StagedCopy, STAGING_TEMP_BUFFERS } from './staged-copy.js';
import { DB_ROLES, setRoleSql } from '../platform/db/roles.js';
import {
  at,
  CLAIM_COLUMNS,
  CONTRIBUTION_COLUMNS,
  claimRow,
  ENROLMENT_COLUMNS,
  enrolmentRow,
  WORKER_COLUMNS,
  workerRow,
} from './seed.rows.js';
import { todayIn } from '../platform/dates.js';
import { toDay, toIso, yearOf } from './dates.js';
import { IdentityFactory } from './identity.js';
import type { ClaimDraft } from './plan.types.js';
import { population } from './population.js';
import { insertReferenceData } from './reference.load.js';
import { CoverageCounter, provinceWorkforceRows, workforceRows } from './workforce.plan.js';
import { KUKAR_CODE } from '../schema/reference/regions.js';

/**
 * Each enrolment's region path as its trigger computed it (migration 20261202100000), encoded for
 * the contribution COPY, which runs with triggers off: a contribution's path is its enrolment's.
 * Enrolments share a few distinct paths (one per kecamatan, employer and sponsor region), so the buffers are shared.
 */
async function regionPaths(client: pg.ClientBase): Promise<Map<number, Buffer>> {
  const { rows } = await client.query<{ id: string; path: string }>(`select id, array_to_string(region_path, ',') as path from enrolment`);
  const encoded = new Map<string, Buffer>();
  const byEnrolment = new Map<number, Buffer>();
  for (const { id, path } of rows) {
    let bytes = encoded.get(path);
    if (!bytes) encoded.set(path, (bytes = encodeTextArray(path.split(','))));
    byEnrolment.set(Number(id), bytes);
  }
  return byEnrolment;
}

/** The seed is one batch: the whole demo database (schema/audit-key.ts). */
const SEED_AUDIT_KEY = batchAuditKey('database', 'demo');

export interface SeedOptions {
  seed: number;
  scale: number;
  /** The demo runs from November 2021 to this day (default: today in Asia/Makassar). */
  today?: string;
  log: Logger;
  /**
   * Kukar alone, without the province's nine other regencies and cities: Kukar's rows are generated
   * first and are the same either way (seed.test.ts compares them), so the article's figures can be
   * checked on a scale-1 seed that writes about four fifths of the rows.
   */
  kukarOnly?: boolean;
  /** Called as rows stream, for a progress display. */
  onProgress?: (line: ProgressLine) => void;
}

export interface SeedSummary {
  rows: Record<string, number>;
  seconds: number;
}

export class SeedRefusedError extends Error {}

/** Rows per table of the scale-1 demo to late 2026 (Kukar and the nine others): only for the progress display's estimate. */
const ABOUT_AT_SCALE_1: Record<string, number> = { worker: 160_000, enrolment: 160_000, contribution: 12_140_000, claim: 15_150 };
/** Kukar's share of those rows (9.93 of the 12.14 million contributions), for the estimate of a `kukarOnly` seed. */
const KUKAR_SHARE = 0.82;

/**
 * Generates the demo (Kukar as calibrated, then East Kalimantan's nine other regencies and
 * cities, smaller) into an empty, migrated database in one transaction: either the
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
    await client.query(STAGING_TEMP_BUFFERS);
    await client.query('begin');
    // Every row is written as the seed's own role, under its explicit policies (seed/README.md).
    await client.query(setRoleSql(DB_ROLES.seed));
    const reference = await insertReferenceData(client, {
      seed,
      scale,
      lastYear: yearOf(today),
      createdAt: at(toDay('2021-10-01')),
      kukarOnly: options.kukarOnly,
    });
    const employerRows = reference.employers;
    const sponsorRows = reference.sponsors;
    rows.employer = employerRows.length;
    rows.sponsor = sponsorRows.length;
    rows.budget_allocation = reference.budgets.length;

    const walk = () => population({ seed, scale, today, employers: reference.kukarEmployers, province: reference.regencies });
    const sponsorId = new Map(sponsorRows.map((s) => [s.code, s.id]));
    const employerId = new Map(employerRows.map((e) => [e.code, e.id]));

    const phase = async <W extends { rows: number; close(): Promise<number> }>(
      table: string,
      open: () => Promise<W>,
      fill: (writer: W) => Promise<void>,
    ) => {
      const t0 = Date.now();
      const writer = await open();
      let lastReport = 0;
      const about = ABOUT_AT_SCALE_1[table];
      const report = (done = false) =>
        options.onProgress?.({
          label: table,
          rows: writer.rows,
          seconds: (Date.now() - t0) / 1000,
          done,
          total: about && Math.round(about * scale * (options.kukarOnly ? KUKAR_SHARE : 1)),
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
    // The article's 2022 totals are Kukar's: only the claims of people living there are calibrated to them.
    const kukarEnrolments = new Set<number>();
    const identities = new IdentityFactory(seed);
    // Dropping and building indexes is DDL, which only the owner may do (seed/README.md).
    const asOwner: Owner = async (ddl) => {
      await client.query('reset role');
      await ddl();
      await client.query(setRoleSql(DB_ROLES.seed));
    };
    const indexesBuilt = (table: string) => (built: { indexes: number; seconds: number }) => log.info({ table, ...built }, 'built indexes');
    await withIndexesDeferred(
      client,
      'worker',
      asOwner,
      () =>
        phase(
          'worker',
          () => StagedCopy.open(client, 'worker', WORKER_COLUMNS, (stage) => new CopyWriter(client, stage, WORKER_COLUMNS)),
          async (w) => {
            for (const worker of walk()) {
              await w.write(workerRow(worker, identities.create(worker)));
              coverage.add(worker, 2021, yearOf(today));
              drafts.push(...worker.claims);
              if (worker.kecamatan.startsWith(`${KUKAR_CODE}.`)) for (const e of worker.enrolments) kukarEnrolments.add(e.id);
            }
          },
        ),
      indexesBuilt('worker'),
    );

    const ids = { sponsor: sponsorId, employer: employerId };
    await withIndexesDeferred(
      client,
      'enrolment',
      asOwner,
      () =>
        phase(
          'enrolment',
          () => StagedCopy.open(client, 'enrolment', ENROLMENT_COLUMNS, (stage) => new CopyWriter(client, stage, ENROLMENT_COLUMNS)),
          async (w) => {
            for (const worker of walk()) for (const e of worker.enrolments) await w.write(enrolmentRow(worker, e, ids, today));
          },
        ),
      indexesBuilt('enrolment'),
    );

    const enrolmentPaths = await regionPaths(client);

    // The largest table by far: loaded without its keys and triggers and rebuilt after (bulk-load.ts).
    // Dropping and rebuilding them is DDL, which only the owner may do: those steps alone run as the
    // migration role; the rows are still written as the seed's role.
    let rebuildStarted = Date.now();
    const contributionColumns = CONTRIBUTION_COLUMNS.map(([name]) => name);
    await client.query('reset role');
    let [lastStep, stepStarted] = ['', 0];
    await withBulkLoad(
      client,
      'contribution',
      [programmeCoveredViolations('contribution')],
      async () => {
        await client.query(setRoleSql(DB_ROLES.seed));
        await phase(
          'contribution',
          () =>
            StagedCopy.open(
              client,
              'contribution',
              contributionColumns,
              (stage) => new BinaryCopyWriter(client, stage, CONTRIBUTION_COLUMNS),
            ),
          async (w) => {
            for (const worker of walk()) {
              for (const e of worker.enrolments) {
                const sponsor = sponsorId.get(e.sponsorCode)!;
                const path = enrolmentPaths.get(e.id)!;
                for (const c of contributionsFor(e, seed, today)) {
                  // created_at: the paid day at 08:00 in Makassar, which is midnight UTC.
                  const full = w.write([e.id, c.period, c.programme, c.amount, c.paidDate, sponsor, c.paidDate, path]);
                  if (full) await full;
                }
              }
            }
          },
        );
        await client.query('reset role');
      },
      ({ name, index, total }) => {
        if (index === 0) rebuildStarted = Date.now();
        else log.debug({ step: lastStep, seconds: (Date.now() - stepStarted) / 1000 }, 'rebuilt');
        [lastStep, stepStarted] = [name, Date.now()];
        options.onProgress?.({
          id: 'contribution keys',
          label: `contribution keys (${name})`,
          rows: index,
          total,
          unit: 'steps',
          seconds: (Date.now() - rebuildStarted) / 1000,
          done: index === total,
        });
        if (index === total)
          log.info({ table: 'contribution', steps: total, seconds: (Date.now() - rebuildStarted) / 1000 }, 'rebuilt keys and indexes');
      },
    );
    await client.query(setRoleSql(DB_ROLES.seed));

    // The bulk load ran with user triggers off, including those keeping the paid totals.
    const refreshStarted = Date.now();
    await client.query('select refresh_sponsor_month_paid()');
    log.debug({ seconds: (Date.now() - refreshStarted) / 1000 }, 'refreshed sponsor_month_paid');

    const claims = settleClaims(drafts, seed, today);
    calibrateClaims(
      claims.filter((c) => kukarEnrolments.has(c.enrolmentId)),
      scale,
    );
    await phase(
      'claim',
      () => StagedCopy.open(client, 'claim', CLAIM_COLUMNS, (stage) => new CopyWriter(client, stage, CLAIM_COLUMNS)),
      async (w) => {
        for (const c of claims) await w.write(claimRow(c));
      },
    );

    const workforce = [
      ...workforceRows(coverage, seed, yearOf(today)),
      ...provinceWorkforceRows(reference.regencies, seed, scale, yearOf(today)),
    ];
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
      JSON.stringify({ seed, scale, today: toIso(today), ...(options.kukarOnly ? { kukarOnly: true } : {}), rows }),
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
  const analyzeStarted = Date.now();
  await analyze.query('analyze');
  log.debug({ seconds: (Date.now() - analyzeStarted) / 1000 }, 'analyzed');
  await analyze.end();
  return { rows, seconds: (Date.now() - started) / 1000 };
}
