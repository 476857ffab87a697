import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { CellType, ExportColumn, ExportFormat, ExportLanguage } from './export-kinds.js';

/**
 * Streaming writers for an export: rows go out a batch at a time, so a million rows never sit in
 * memory. `row()` only queues; `flush()`, called once a batch, resolves when the output has room
 * again (backpressure), which holds the reading loop back when the client reads slowly. Waiting
 * per batch rather than per row keeps at most a batch buffered and spares a wake-up per 16 kB.
 */
export interface RowWriter {
  row(values: unknown[]): void;
  flush(): Promise<void>;
  end(): Promise<void>;
}

export const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Resolves when `stream` can take more, or when `out` (the client's socket) is gone: a closed download must not wait for ever. */
function drained(stream: Writable, out: Writable): Promise<void> {
  if (out.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      out.off('close', done);
      resolve();
    };
    stream.once('drain', done);
    out.once('close', done);
  });
}

/** A text cell starting like a formula (=, @, or + / - not followed by a plain number) is opened by spreadsheets as one: quoted, OWASP's CSV-injection advice. */
function neutralised(text: string): string {
  return /^[=@\t\r]/.test(text) || (/^[+-]/.test(text) && !/^[+-][0-9][0-9 ]*$/.test(text)) ? `'${text}` : text;
}

export function csvText(type: CellType, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (type === 'list') return (value as unknown[]).join(', ');
  return type === 'text' ? neutralised(String(value)) : String(value);
}

/**
 * CSV with a UTF-8 byte-order mark, so Excel shows Indonesian names' accents right. A batch is
 * stringified at once and written to the socket as one chunk: a write per row cost the export a
 * system call per row (a third of its CPU in the profile). The header goes out with the first batch.
 */
export function csvWriter(out: Writable, columns: ExportColumn[], language: ExportLanguage): RowWriter {
  const header = columns.map((c) => c[language]);
  let pending: string[][] = [];
  let started = false;
  const write = (): boolean => {
    const text = stringify(pending, { bom: !started, header: !started, columns: header });
    started = true;
    pending = [];
    return out.write(text);
  };
  return {
    row(values) {
      pending.push(values.map((v, i) => csvText(columns[i]!.type, v)));
    },
    async flush() {
      if ((pending.length > 0 || !started) && !write()) await drained(out, out);
    },
    end: () =>
      new Promise<void>((resolve, reject) => {
        out.once('finish', resolve).once('close', resolve).once('error', reject);
        if (pending.length > 0 || !started) write();
        out.end();
      }),
  };
}

/** Uncompressed sheet XML the zip may hold unread before the writer waits: a few thousand rows. */
const ZIP_BACKLOG_BYTES = 4 << 20;

const DATE_FORMAT = 'yyyy-mm-dd';
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export function xlsxValue(type: CellType, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'rupiah': {
      // An amount is a number in the sheet when a double holds it exactly (below 2^53), else its digits as text.
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : String(value);
    }
    case 'date':
      return new Date(`${value as string}T00:00:00Z`);
    case 'datetime':
      return new Date(value as string);
    case 'list':
      return (value as unknown[]).join(', ');
    case 'int':
    case 'boolean':
      return value as number | boolean;
    default:
      return String(value);
  }
}

/** exceljs's streaming WorkbookWriter: each committed row is zipped and written, not kept. */
export function xlsxWriter(out: Writable, columns: ExportColumn[], language: ExportLanguage, sheetName: string): RowWriter {
  // Loaded with the first spreadsheet, not at server start: exceljs and its zip library are 150 modules.
  const { stream } = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c[language],
    width: Math.max(12, c[language].length + 2),
    style:
      c.type === 'date'
        ? { numFmt: DATE_FORMAT }
        : c.type === 'datetime'
          ? { numFmt: DATETIME_FORMAT }
          : c.type === 'rupiah'
            ? { numFmt: '#,##0' }
            : {},
  }));
  return {
    row(values) {
      sheet.addRow(values.map((v, i) => xlsxValue(columns[i]!.type, v))).commit();
    },
    async flush() {
      // exceljs hands the sheet's XML to the zip without waiting (its StreamBuf ignores the zip's
      // backpressure), so when deflating is slower than reading, the XML piles up in the zip's
      // input: 160 MB more at 1.09 million rows. Past ZIP_BACKLOG_BYTES the writer waits for that
      // input (archiver's PassThrough, readable-stream's state) to empty; below it, deflate and
      // reading overlap. exceljs is pinned (package.json): a later one without this shape is
      // waited for at the socket only, as before.
      const zipInput = (
        sheet as unknown as {
          stream?: { pipes?: Array<Writable & { _writableState?: { needDrain?: boolean; length?: number } }> };
        }
      ).stream?.pipes?.[0];
      const backlog = zipInput?._writableState;
      if (zipInput && backlog?.needDrain && (backlog.length ?? 0) > ZIP_BACKLOG_BYTES) await drained(zipInput, out);
      if (out.writableNeedDrain) await drained(out, out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function rowWriter(
  format: ExportFormat,
  out: Writable,
  columns: ExportColumn[],
  language: ExportLanguage,
  sheetName: string,
): RowWriter {
  return format === 'csv' ? csvWriter(out, columns, language) : xlsxWriter(out, columns, language, sheetName);
}
