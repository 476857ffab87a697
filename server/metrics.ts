import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { catalogueFile } from '../platform/warehouse-reader.js';

// Operation names come from clients: an unbounded label would grow the registry without limit.
const OPERATION = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATIONS = 200;

/** One ETL run as /metrics reports it (from etl/ledger.ts's records). */
export interface EtlRunSummary {
  mode: string;
  status: 'running' | 'succeeded' | 'failed' | 'abandoned';
  rows: number;
  seconds: number | null;
  startedAt: string;
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

/**
 * The Prometheus metrics of one server (prom-client): GraphQL requests by operation and outcome
 * with their latency, the PostgreSQL pool, the warehouse's age, readiness and Node's own process
 * metrics. Served at /metrics (server/app.ts decides who may read it).
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly seconds: Histogram<'operation' | 'outcome'>;

  constructor(options: { orm: MikroORM; warehouseDir: string; isReady: () => boolean; etlRuns?: () => EtlRunSummary[] }) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'lindung_' });
    this.requests = new Counter({
      name: 'lindung_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (ok, or the first error code)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.seconds = new Histogram({
      name: 'lindung_graphql_request_duration_seconds',
      help: 'GraphQL request latency, from parsing to the response',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const pool = () => (options.orm.em.getConnection() as unknown as { getKnex(): { client: { pool?: TarnPool } } }).getKnex().client.pool;
    new Gauge({
      name: 'lindung_db_pool_connections',
      help: 'PostgreSQL pool connections: used, free, waiting (requests queued for one) and max',
      labelNames: ['state'],
      registers,
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'used' }, p.numUsed());
        this.set({ state: 'free' }, p.numFree());
        this.set({ state: 'waiting' }, p.numPendingAcquires());
        this.set({ state: 'max' }, p.max);
      },
    });
    const catalogue = catalogueFile(options.warehouseDir);
    new Gauge({
      name: 'lindung_warehouse_age_seconds',
      help: 'Seconds since the warehouse catalogue was last published (absent before the first publish)',
      // A label, because prom-client reports an unlabelled gauge as 0 after reset(), and 0 would read "just published".
      labelNames: ['catalogue'],
      registers,
      collect() {
        this.reset();
        // The ETL publishes by renaming a freshly built catalogue into place, so its mtime is the publish time.
        const stat = fs.statSync(catalogue, { throwIfNoEntry: false });
        if (stat) this.set({ catalogue: path.basename(catalogue) }, (Date.now() - stat.mtimeMs) / 1000);
      },
    });
    if (options.etlRuns) this.etlMetrics(options.etlRuns, registers);
    new Gauge({
      name: 'lindung_ready',
      help: '1 once the operational data is in place and the API serves it (as /readyz)',
      registers,
      collect() {
        this.set(options.isReady() ? 1 : 0);
      },
    });
  }

  /**
   * The ETL runs from its ledger, read at each scrape: they happen in another process (the
   * background one, or a CLI), and the ledger is what survives a restart. Gauges, not counters:
   * the values are read, not counted here.
   */
  private etlMetrics(runs: () => EtlRunSummary[], registers: Registry[]): void {
    let cache: { at: number; runs: EtlRunSummary[] } = { at: 0, runs: [] };
    // One read of the ledger serves the scrape's several gauges.
    const current = () => {
      if (Date.now() - cache.at > 1000) cache = { at: Date.now(), runs: runs() };
      return cache.runs;
    };
    const last = (mode: string) =>
      current()
        .filter((r) => r.mode === mode && r.status !== 'running')
        .at(-1);
    const modes = () => [...new Set(current().map((r) => r.mode))];
    new Gauge({
      name: 'lindung_etl_runs',
      help: 'ETL runs in the ledger by mode (live, history) and status (succeeded, failed, abandoned, running)',
      labelNames: ['mode', 'status'],
      registers,
      collect() {
        this.reset();
        for (const r of current()) this.inc({ mode: r.mode, status: r.status });
      },
    });
    const lastRun = (name: string, help: string, value: (r: EtlRunSummary) => number | null) =>
      new Gauge({
        name,
        help,
        labelNames: ['mode'],
        registers,
        collect() {
          this.reset();
          for (const mode of modes()) {
            const r = last(mode);
            const v = r && value(r);
            if (v !== undefined && v !== null) this.set({ mode }, v);
          }
        },
      });
    lastRun('lindung_etl_last_run_success', '1 if the last finished ETL run of the mode succeeded, else 0', (r) =>
      r.status === 'succeeded' ? 1 : 0,
    );
    lastRun('lindung_etl_last_run_rows', 'Rows the last finished ETL run of the mode loaded (all tables)', (r) => r.rows);
    lastRun('lindung_etl_last_run_seconds', "The last finished ETL run's own duration, extract to verified files", (r) => r.seconds);
    lastRun('lindung_etl_last_run_start_timestamp_seconds', 'When the last finished ETL run of the mode started (Unix time)', (r) =>
      Math.round(Date.parse(r.startedAt) / 1000),
    );
  }

  /** Counts and times every GraphQL request, including those refused before execution. */
  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const t0 = performance.now();
        return {
          willSendResponse: async ({ request, operationName, document, errors }) => {
            // A document that failed validation has no resolved operation yet: name it from its only operation.
            const only = document?.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
            const given = operationName ?? request.operationName ?? (only?.length === 1 ? (only[0]!.name?.value ?? null) : null);
            const outcome = errors?.length ? String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'ok';
            this.observe(given, outcome, (performance.now() - t0) / 1000);
          },
        };
      },
    };
  }

  /** A request answered outside Apollo (NOT_READY, a body the parser refused). */
  observe(operationName: string | null, outcome: string, seconds: number): void {
    const operation = this.label(operationName);
    this.requests.inc({ operation, outcome });
    this.seconds.observe({ operation, outcome }, seconds);
  }

  /** `/metrics`: open when `token` is undefined, else only with `authorization: Bearer <token>`. */
  handler(token: string | undefined): RequestHandler {
    return async (req, res) => {
      if (token !== undefined && !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`)) {
        res.status(401).setHeader('www-authenticate', 'Bearer').json({ error: 'metrics need the METRICS_TOKEN bearer token' });
        return;
      }
      res.setHeader('content-type', this.registry.contentType);
      res.send(await this.registry.metrics());
    };
  }

  private label(name: string | null): string {
    if (name === null) return 'anonymous';
    if (!OPERATION.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATIONS) return 'other';
    this.operations.add(name);
    return name;
  }
}

/** Compares in constant time, so response timing does not reveal how much of a guessed token was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
