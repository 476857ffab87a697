import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { WarehouseNotReadyError } from '../schema/errors.js';

/**
 * The catalogue file that the ETL publishes (by atomic rename) and every reader opens read-only:
 * the one fact the writer (etl/warehouse.ts) and the readers share.
 */
export const CATALOGUE_FILE = 'lindung.duckdb';

export function catalogueFile(warehouseDir: string): string {
  return path.join(warehouseDir, CATALOGUE_FILE);
}

/** The warehouse's docs site (etl/warehouse-docs.ts writes it, the server serves it at /docs/warehouse/). */
export function docsFolder(warehouseDir: string): string {
  return path.join(warehouseDir, 'docs');
}

interface Handle {
  inode: number;
  instance: Promise<DuckDBInstance>;
  users: number;
  stale: boolean;
}

/**
 * For a long-lived process that reads the warehouse (the API's analytics fields): each
 * query runs on the catalogue that was current when it started. When a load swaps in a new
 * catalogue, the next query opens it; queries still running on the old one finish there
 * (its files stay for the grace period), and the old handle closes when the last one ends.
 * Never blocks a load and never sees half of one.
 */
export class WarehouseReader {
  private current: Handle | null = null;
  private readonly catalogue: string;

  constructor(warehouseDir: string) {
    this.catalogue = catalogueFile(warehouseDir);
  }

  /** False until the first snapshot is published. */
  available(): boolean {
    return fs.existsSync(this.catalogue);
  }

  /**
   * Which catalogue is current: its inode, which every publish (a rename of a new file) changes; null before
   * the first. For caches of answers, which stay right exactly as long as it does.
   */
  generation(): number | null {
    try {
      return fs.statSync(this.catalogue).ino;
    } catch {
      return null;
    }
  }

  async query<T = Record<string, unknown>>(sql: string, values?: DuckDBValue[]): Promise<T[]> {
    return (await this.run(sql, values)).rows as T[];
  }

  /**
   * Runs `work` with every query on one catalogue: the one current at its first query. An answer
   * built from several statements (a figure and its snapshot date, a whole brief) so never mixes
   * two loads. Nothing is opened before the first query, so `work` can check its input first.
   */
  async pinned<T>(work: (warehouse: { query: WarehouseReader['query'] }) => Promise<T>): Promise<T> {
    let handle: Handle | null = null;
    const pin = () => {
      if (!handle) {
        handle = this.acquire();
        handle.users++;
      }
      return handle;
    };
    try {
      return await work({ query: async <R>(sql: string, values?: DuckDBValue[]) => (await this.runOn(pin(), sql, values)).rows as R[] });
    } finally {
      if (handle) this.release(handle);
    }
  }

  /**
   * Column names in order and rows as JSON-safe values (BIGINT as strings): for printing. An
   * abort of `signal` interrupts the statement (the SQL prompt's Ctrl-C).
   */
  async table(sql: string, options: { signal?: AbortSignal } = {}): Promise<{ columns: string[]; rows: unknown[][] }> {
    const result = await this.run(sql, undefined, options.signal);
    return { columns: result.columns, rows: result.values };
  }

  private async run(sql: string, values?: DuckDBValue[], signal?: AbortSignal) {
    const handle = this.acquire();
    handle.users++;
    try {
      return await this.runOn(handle, sql, values, signal);
    } finally {
      this.release(handle);
    }
  }

  private async runOn(handle: Handle, sql: string, values?: DuckDBValue[], signal?: AbortSignal) {
    const instance = await handle.instance;
    const con = await instance.connect();
    const interrupt = () => con.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      signal?.throwIfAborted();
      const reader = await con.runAndReadAll(sql, values);
      return { columns: reader.columnNames(), values: reader.getRowsJson() as unknown[][], rows: reader.getRowObjectsJson() };
    } finally {
      signal?.removeEventListener('abort', interrupt);
      con.closeSync();
    }
  }

  private release(handle: Handle): void {
    handle.users--;
    if (handle.stale && handle.users === 0) void handle.instance.then((i) => i.closeSync());
  }

  close(): void {
    if (this.current) {
      this.current.stale = true;
      if (this.current.users === 0) void this.current.instance.then((i) => i.closeSync());
      this.current = null;
    }
  }

  private acquire() {
    // Before the first publish there is no catalogue: say so, rather than ENOENT.
    if (!this.available()) throw new WarehouseNotReadyError();
    const inode = fs.statSync(this.catalogue).ino;
    if (this.current?.inode !== inode) {
      this.close();
      this.current = {
        inode,
        users: 0,
        stale: false,
        // DuckDB's native library (tens of MB) loads with the first query, not with every process that might ask one.
        instance: import('@duckdb/node-api').then(({ DuckDBInstance }) =>
          DuckDBInstance.create(this.catalogue, { access_mode: 'READ_ONLY' }),
        ),
      };
    }
    return this.current;
  }
}
