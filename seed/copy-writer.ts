import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in PostgreSQL's COPY text format. */
export function copyValue(value: string | number | bigint | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Streams rows into one table with COPY. A long load is cut into several COPY statements
 * because PostgreSQL queues one foreign-key check event per row until its statement ends.
 */
export class CopyWriter {
  private stream: NodeJS.WritableStream | null = null;
  private buffer: string[] = [];
  private inStatement = 0;
  rows = 0;

  constructor(
    private readonly client: pg.PoolClient | pg.Client,
    private readonly table: string,
    private readonly columns: string[],
    private readonly rowsPerStatement = 1_000_000,
  ) {}

  async write(values: Array<string | number | bigint | boolean | null>): Promise<void> {
    this.buffer.push(values.map(copyValue).join('\t'));
    this.rows++;
    this.inStatement++;
    if (this.buffer.length >= 2000) await this.flush();
    if (this.inStatement >= this.rowsPerStatement) await this.endStatement();
  }

  async close(): Promise<number> {
    await this.endStatement();
    return this.rows;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    if (!this.stream) {
      this.stream = this.client.query(copyFrom(`copy ${this.table} (${this.columns.join(', ')}) from stdin`));
    }
    const chunk = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  private async endStatement(): Promise<void> {
    await this.flush();
    if (this.stream) {
      const stream = this.stream;
      this.stream = null;
      stream.end();
      await finished(stream);
    }
    this.inStatement = 0;
  }
}
