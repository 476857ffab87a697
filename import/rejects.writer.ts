import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';
import type { FieldError } from './importer.js';

/**
 * Rejected rows as CSV: the file's own columns, so a user can fix and re-import the file,
 * then `line` and `error` (every field error of the row, separated by "; ").
 */
export class RejectsWriter {
  private constructor(
    private readonly stringifier: Stringifier,
    private readonly done: Promise<void>,
    private readonly width: number,
  ) {}

  static open(filePath: string, columns: readonly string[]): RejectsWriter {
    // Opened synchronously so a bad path fails before the import starts, not after it.
    const out = fs.createWriteStream(filePath, { fd: fs.openSync(filePath, 'w') });
    const stringifier = stringify();
    stringifier.pipe(out);
    const writer = new RejectsWriter(stringifier, finished(out), columns.length);
    stringifier.write([...columns, 'line', 'error']);
    return writer;
  }

  async write(values: readonly string[], line: number, errors: readonly FieldError[]): Promise<void> {
    // A row with too many or too few fields is padded or cut to the header's width.
    const cells = Array.from({ length: this.width }, (_, i) => values[i] ?? '');
    const error = errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
    if (!this.stringifier.write([...cells, String(line), error])) await once(this.stringifier, 'drain');
  }

  async close(): Promise<void> {
    this.stringifier.end();
    await this.done;
  }
}
