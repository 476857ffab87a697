import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import type { RowError } from './importer.js';

export interface CsvRecord {
  /** Physical line where the record starts (a quoted field may span lines); header = 1. */
  line: number;
  values: string[];
}

/**
 * Streams a UTF-8 CSV file record by record. Line numbers are counted here from each
 * record's raw text: csv-parse's own `info.lines` drifts after blank lines and CRLF inside
 * quotes. Counting happens as the parser emits records, ahead of the consumer, so after a
 * syntax error `nextLine` is where the bad record began. Blank lines (and rows of empty
 * cells, as spreadsheets export) are skipped.
 */
export class CsvReader {
  nextLine = 1;

  constructor(private readonly filePath: string) {}

  records(): AsyncIterableIterator<CsvRecord> {
    const options: Options<CsvRecord | null, { record: string[]; raw: string }> = {
      raw: true,
      bom: true,
      relax_column_count: true,
      on_record: ({ record, raw }) => {
        const line = this.nextLine;
        this.nextLine += countLineBreaks(raw);
        return record.every((v) => v.trim() === '') ? null : { line, values: record };
      },
    };
    // The typings assume on_record sees the bare record; with `raw` it sees { record, raw }.
    const parser = parse(options as unknown as Options);
    // pipeline() destroys the parser when the file fails to read, so iterating it throws.
    pipeline(fs.createReadStream(this.filePath), parser, () => {});
    return parser[Symbol.asyncIterator]() as AsyncIterableIterator<CsvRecord>;
  }
}

function countLineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && raw.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

export function isCsvSyntaxError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}

export interface Header {
  /** Normalised column names in file order. */
  names: string[];
  index: ReadonlyMap<string, number>;
}

/**
 * Columns are matched by name (trimmed, case-insensitive) in any order. An unknown column
 * is an error rather than ignored: a misspelt optional column (`employer_cd`) would
 * otherwise drop its data without a word.
 */
export function checkHeader({ line, values }: CsvRecord, required: readonly string[], optional: readonly string[]): Header | RowError[] {
  const errors: RowError[] = [];
  const names = values.map((v) => v.trim().toLowerCase());
  const index = new Map<string, number>();
  const known = new Set([...required, ...optional]);
  names.forEach((name, i) => {
    if (name === '') errors.push({ line, field: `column ${i + 1}`, reason: 'header cell is empty' });
    else if (index.has(name)) errors.push({ line, field: name, reason: 'column appears twice in the header' });
    else if (!known.has(name)) {
      errors.push({ line, field: name, reason: `unknown column; expected ${[...required, ...optional.map((o) => `[${o}]`)].join(', ')}` });
    }
    index.set(name, i);
  });
  for (const column of required) {
    if (!index.has(column)) errors.push({ line, field: column, reason: 'required column is missing from the header' });
  }
  return errors.length > 0 ? errors : { names, index };
}
