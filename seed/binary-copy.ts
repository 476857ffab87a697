import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** PostgreSQL counts dates from 2000-01-01; seed/dates.ts from 1970-01-01. */
const PG_EPOCH_DAY = 10_957;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const CHUNK = 1 << 20;

/** The column types the binary writer knows: what the seed's largest table needs. */
export type BinaryColumn = 'int8' | 'date' | 'text' | 'timestamptz-day' | 'text[]';

const TEXT_OID = 25;

/**
 * A one-dimensional text array without nulls in COPY's binary form (PostgreSQL's array_send), for
 * a `text[]` column: encode each distinct array once and pass the same Buffer for every row.
 */
export function encodeTextArray(items: readonly string[]): Buffer {
  const elements = items.map((item) => Buffer.from(item, 'utf8'));
  const out = Buffer.allocUnsafe(20 + elements.reduce((n, e) => n + 4 + e.length, 0));
  out.writeInt32BE(1, 0); // dimensions
  out.writeInt32BE(0, 4); // no nulls
  out.writeInt32BE(TEXT_OID, 8);
  out.writeInt32BE(items.length, 12);
  out.writeInt32BE(1, 16); // lower bound
  let at = 20;
  for (const e of elements) {
    out.writeInt32BE(e.length, at);
    e.copy(out, at + 4);
    at += 4 + e.length;
  }
  return out;
}

/**
 * Streams rows into one table with COPY in PostgreSQL's binary format. PostgreSQL then parses
 * no text (dates and timestamps were most of its work on the text form) and the writer builds
 * no strings: each row is written into a reused buffer. `timestamptz-day` takes a day number and
 * writes midnight UTC of it (08:00 in Makassar, the demo's office hour). With `freeze`, the rows
 * are written frozen, so nothing rewrites them later to set hint bits: the table must have been
 * created or truncated in the same transaction.
 */
export class BinaryCopyWriter {
  private readonly stream: NodeJS.WritableStream;
  private buffer = Buffer.allocUnsafe(CHUNK);
  private at = 0;
  private readonly texts = new Map<string, Buffer>();
  rows = 0;

  constructor(
    client: pg.ClientBase,
    table: string,
    private readonly columns: Array<[name: string, type: BinaryColumn]>,
    options: { freeze?: boolean } = {},
  ) {
    const names = columns.map(([name]) => name).join(', ');
    this.stream = client.query(copyFrom(`copy ${table} (${names}) from stdin with (format binary${options.freeze ? ', freeze' : ''})`));
    SIGNATURE.copy(this.buffer, 0);
    this.buffer.writeInt32BE(0, 11);
    this.buffer.writeInt32BE(0, 15);
    this.at = 19;
  }

  /**
   * Values in column order: numbers for int8 and day numbers, strings for text (short, often
   * repeated ones), `encodeTextArray` buffers for text[]. Returns a promise only when a full buffer had to wait for the stream: ten
   * million rows should not cost ten million promises.
   */
  write(values: Array<number | string | Buffer>): Promise<void> | undefined {
    const b = this.buffer;
    let at = this.at;
    b.writeInt16BE(values.length, at);
    at += 2;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      switch (this.columns[i]![1]) {
        case 'int8':
          b.writeInt32BE(8, at);
          at = writeInt64(b, at + 4, value as number);
          break;
        case 'date':
          b.writeInt32BE(4, at);
          b.writeInt32BE((value as number) - PG_EPOCH_DAY, at + 4);
          at += 8;
          break;
        case 'timestamptz-day':
          b.writeInt32BE(8, at);
          at = writeInt64(b, at + 4, ((value as number) - PG_EPOCH_DAY) * 86_400_000_000);
          break;
        case 'text': {
          let bytes = this.texts.get(value as string);
          if (!bytes) this.texts.set(value as string, (bytes = Buffer.from(value as string, 'utf8')));
          b.writeInt32BE(bytes.length, at);
          bytes.copy(b, at + 4);
          at += 4 + bytes.length;
          break;
        }
        case 'text[]': {
          const bytes = value as Buffer;
          b.writeInt32BE(bytes.length, at);
          bytes.copy(b, at + 4);
          at += 4 + bytes.length;
          break;
        }
      }
    }
    this.at = at;
    this.rows++;
    return this.at + 512 > CHUNK ? this.flush() : undefined;
  }

  async close(): Promise<number> {
    this.buffer.writeInt16BE(-1, this.at);
    this.at += 2;
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return this.rows;
  }

  private async flush(): Promise<void> {
    const full = this.buffer.subarray(0, this.at);
    // The stream keeps the chunk until it is sent, so the next rows go into a new buffer.
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.at = 0;
    if (!this.stream.write(full)) await once(this.stream, 'drain');
  }
}

/** A safe integer as a big-endian int64, without a BigInt per value. */
function writeInt64(b: Buffer, at: number, value: number): number {
  const high = Math.floor(value / 4_294_967_296);
  b.writeInt32BE(high, at);
  b.writeUInt32BE(value - high * 4_294_967_296, at + 4);
  return at + 8;
}
