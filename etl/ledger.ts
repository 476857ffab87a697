import fs from 'node:fs';
import path from 'node:path';
import type { SnapshotMode } from './table-spec.js';
import { writeFileAtomic, type WarehouseLayout } from './warehouse.js';

/**
 * `etl_runs`: one JSON file per run in `_ledger/`, rewritten atomically as the run moves
 * on. Files rather than a table in the catalogue because a failed run publishes no
 * catalogue yet must be recorded, and because readers hold the catalogue open; the
 * catalogue's `etl_runs` view reads these files live.
 */
export type RunStatus = 'running' | 'succeeded' | 'failed' | 'abandoned';

export interface RunRecord {
  run_id: string;
  snapshot_date: string;
  mode: SnapshotMode;
  started_at: string;
  finished_at: string | null;
  /**
   * When this date's files were verified: its own end. A backfill's dates publish together, so
   * their `finished_at` is the common publish; `loaded_at` tells each date's time apart.
   */
  loaded_at?: string | null;
  status: RunStatus;
  pid: number;
  /** Rows loaded per table (as read back from the Parquet files). */
  rows: Record<string, number>;
  /** Rows PostgreSQL reported per table, by COPY and by count(*) over the same snapshot. */
  source_counts: Record<string, { copied: number; counted: number }>;
  checksums: Record<string, string>;
  /** Seconds per table, extract to verified Parquet. */
  table_seconds: Record<string, number>;
  error: string | null;
}

export class Ledger {
  constructor(private readonly layout: WarehouseLayout) {}

  private file(runId: string) {
    return path.join(this.layout.ledger, `${runId}.json`);
  }

  write(record: RunRecord): void {
    fs.mkdirSync(this.layout.ledger, { recursive: true });
    writeFileAtomic(this.file(record.run_id), `${JSON.stringify(record)}\n`);
  }

  all(): RunRecord[] {
    if (!fs.existsSync(this.layout.ledger)) return [];
    return fs
      .readdirSync(this.layout.ledger)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(this.layout.ledger, f), 'utf8')) as RunRecord)
      .sort((a, b) => a.started_at.localeCompare(b.started_at) || a.run_id.localeCompare(b.run_id));
  }

  last(n: number): RunRecord[] {
    return this.all().slice(-n);
  }

  /**
   * Runs left `running` by a process that is gone (kill -9, power loss) become `abandoned`.
   * Called under the lock, so no other run can be going on.
   */
  markAbandoned(now: Date): RunRecord[] {
    const abandoned = this.all().filter((r) => r.status === 'running');
    for (const r of abandoned) {
      this.write({
        ...r,
        status: 'abandoned',
        finished_at: now.toISOString(),
        error: r.error ?? 'the run stopped without finishing (killed?); nothing of it was published',
      });
    }
    return abandoned;
  }
}

/** Sortable and unique: UTC time, then pid and a random suffix. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}
