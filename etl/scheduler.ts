import { Cron } from 'croner';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { createEtlService } from './etl.service.js';
import { RunRefusedError } from './lock.js';

/**
 * The nightly run inside the platform: ETL_CRON in ETL_TIMEZONE (01:00 Asia/Makassar by
 * default). A tick while a run is still going (here or in a CLI) is skipped with a warning,
 * never queued: the next night's run catches up. `afterPublish` runs after a run that published
 * (server/main.ts rewrites the briefs there). `stop()` also stops a run in progress (EtlService.stop).
 */
export function startEtlScheduler(
  config: Config,
  databaseUrl: string,
  log: Logger,
  hooks: { afterPublish?: () => Promise<void> } = {},
): { stop(): void } {
  const etl = createEtlService(config, databaseUrl, log);
  const job = new Cron(config.etl.cron, { timezone: config.etl.timezone, protect: true, name: 'etl' }, async () => {
    try {
      await etl.snapshot(etl.today(), 'live');
    } catch (error) {
      if (error instanceof RunRefusedError) log.warn({ err: error.message }, 'etl: scheduled run skipped');
      else log.error({ err: (error as Error).message }, 'etl: scheduled run failed');
      return;
    }
    try {
      await hooks.afterPublish?.();
    } catch (error) {
      // The snapshot is published and stays so; what follows it (the briefs) waits for the next night.
      log.error({ err: (error as Error).message }, 'etl: after the scheduled run');
    }
  });
  log.info({ cron: config.etl.cron, timezone: config.etl.timezone, next: job.nextRun()?.toISOString() }, 'etl: nightly snapshot scheduled');
  // Shutting down stops a run in progress too (marked failed, lock released) rather than leave it half done.
  return {
    stop: () => {
      job.stop();
      etl.stop('shutdown');
    },
  };
}
