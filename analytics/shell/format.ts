import { stringify } from 'csv-stringify/sync';

export type OutputFormat = 'table' | 'csv' | 'json';
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'csv', 'json'];

export interface ResultTable {
  columns: string[];
  rows: unknown[][];
}

const cell = (value: unknown): string =>
  value === null || value === undefined ? 'NULL' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Aligned columns as in psql: numbers to the right, text to the left, a row count below. */
function table({ columns, rows }: ResultTable): string {
  const text = rows.map((row) => row.map(cell));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || /^-?[0-9.]+$/.test(cell(r[i]))));
  const widths = columns.map((name, i) => Math.max(name.length, ...text.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  const count = `(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`;
  return [line(columns.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c))), rule, ...text.map(line), count].join('\n');
}

export function formatResult(result: ResultTable, format: OutputFormat): string {
  switch (format) {
    case 'table':
      return table(result);
    case 'csv':
      return stringify([
        result.columns,
        ...result.rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v))),
      ]).trimEnd();
    case 'json':
      return JSON.stringify(
        result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i]]))),
        null,
        2,
      );
  }
}
