import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { SourceSnapshot } from './extract.js';
import type { ExtractContext, TableSpec } from './table-spec.js';

export interface TableSummary {
  rows: number;
  sums: Record<string, string>;
  /** Order-independent: the sum of DuckDB's 64-bit hash of every row, as a decimal string. */
  checksum: string;
}

/** Single-quoted SQL string literal. */
export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Turns COPY streams into Parquet with DuckDB, one table at a time. PostgreSQL's CSV goes
 * through a named pipe that DuckDB's CSV reader consumes while PostgreSQL is still producing,
 * so the two work side by side on separate cores and nothing is staged whole, on disk or in
 * memory (measured against an Appender and against a staged CSV file: see etl/README.md).
 */
export class ParquetLoader {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly fifo: string,
  ) {}

  static async create(
    tmpDir: string,
    options: { threads?: number; memoryLimit?: string } = {},
    signal?: AbortSignal,
  ): Promise<ParquetLoader> {
    fs.mkdirSync(tmpDir, { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(options.threads ?? 2),
      memory_limit: options.memoryLimit ?? '512MB',
      temp_directory: path.join(tmpDir, 'spill'),
      // Row order inside a partition carries no meaning; not keeping it lets DuckDB stream.
      preserve_insertion_order: 'false',
    });
    // One pipe for the whole run: each table opens it, reads to end of file and closes it.
    const fifo = path.join(tmpDir, 'copy.csv.pipe');
    fs.rmSync(fifo, { force: true });
    execFileSync('mkfifo', ['-m', '600', fifo]);
    const loader = new ParquetLoader(instance, await instance.connect(), fifo);
    if (signal) {
      // A stop request cancels whatever DuckDB is computing (a read-back, the data checks) instead of waiting for it.
      const interrupt = () => loader.connection.interrupt();
      signal.addEventListener('abort', interrupt, { once: true });
      loader.detach = () => signal.removeEventListener('abort', interrupt);
    }
    return loader;
  }

  /**
   * Streams one table of `source` into Parquet files under `outDir` (created here). Resolves
   * with the row count PostgreSQL reported for its COPY.
   */
  async load(
    spec: TableSpec,
    source: SourceSnapshot,
    ctx: ExtractContext,
    outDir: string,
    onRows?: (rows: number) => void,
  ): Promise<number> {
    const fifo = this.fifo;
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
    const columns = spec.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.csvType ?? c.type)}`).join(', ');
    const select = spec.columns.map((c) => (c.load ? `${c.load} as ${c.name}` : c.name)).join(', ');
    const duck = this.connection.run(`copy (
        select ${select} from read_csv(${sqlString(fifo)}, header = false, auto_detect = false, delim = ',', quote = '"',
          escape = '"', allow_quoted_nulls = false, columns = {${columns}})
      ) to ${sqlString(outDir)} (format parquet, compression zstd, file_size_bytes '256MB', filename_pattern 'part-{i}')`);
    // If DuckDB fails it stops reading: without this the writer would block on a full pipe forever.
    const sink = fs.createWriteStream(fifo, { highWaterMark: 1 << 20 });
    const failed = duck.catch((error: unknown) => {
      sink.destroy(error as Error);
      releaseWriter(fifo);
      throw error;
    });
    const streams: [Writable, ...Writable[]] = onRows ? [rowCounter(onRows), sink] : [sink];
    // Both sides settle before we go on, so DuckDB is never closed under a running COPY.
    const [loaded, copied] = await Promise.allSettled([failed, source.copy(spec.select(ctx), streams)]);
    if (copied.status === 'rejected') throw copied.reason;
    if (loaded.status === 'rejected') throw loaded.reason;
    return copied.value;
  }

  /** Row count, money sums and checksum of the Parquet files, as the warehouse will read them. */
  async summarise(spec: TableSpec, files: string[]): Promise<TableSummary> {
    if (files.length === 0) return { rows: 0, sums: Object.fromEntries(spec.money.map((m) => [m, '0'])), checksum: '0' };
    const sums = spec.money.map((m) => `, coalesce(sum(${m}), 0)::varchar as ${m}`).join('');
    const reader = await this.connection.runAndReadAll(
      `select count(*)::varchar as rows${sums}, coalesce(sum(hash(${spec.columns.map((c) => c.name).join(', ')})), 0)::varchar as checksum
       from read_parquet([${files.map(sqlString).join(', ')}])`,
    );
    const row = reader.getRowObjects()[0] as Record<string, string>;
    return { rows: Number(row.rows), sums: Object.fromEntries(spec.money.map((m) => [m, row[m]!])), checksum: row.checksum! };
  }

  /** Idempotent: the failure path closes whatever state the loader is in. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private closed = false;
  private detach = () => {};
}

/** Counts newlines on the way through; used only when someone watches the progress. */
function rowCounter(onRows: (rows: number) => void): Transform {
  let rows = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let i = 0;
      while ((i = chunk.indexOf(10, i) + 1) > 0) rows++;
      onRows(rows);
      done(null, chunk);
    },
  });
}

/**
 * A writer's open() of a pipe blocks until a reader opens it; when DuckDB failed before
 * opening, open it for reading once so that thread is released and the write fails fast.
 */
function releaseWriter(fifo: string): void {
  try {
    fs.closeSync(fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK));
  } catch {
    // Gone already, or never needed.
  }
}
