import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { monthEnds } from '../platform/dates.js';
import { createEtlService, type EtlOptions } from './etl.service.js';
import { RunRefusedError } from './lock.js';
import { publishedDates } from './warehouse.js';

/** The history every warehouse should hold: month-end snapshots of 2022 and 2023 (the article's years). */
export const HISTORY_MONTHS = { from: '2022-01', to: '2023-12' } as const;

export type WarehouseState = 'present' | 'loaded' | 'busy' | 'failed';

/**
 * Called by `npm start`'s first run once the operational data is ready: loads what a fresh
 * warehouse lacks, the month-end history and a first live snapshot, so analysts and briefs have
 * data at once. Only fills gaps, so a restart after an interrupted first load finishes the job
 * and a warehouse already in place costs one look at its manifest.
 */

export async function ensureWarehouse(
  config: Config,
  databaseUrl: string,
  log: Logger,
  overrides: Partial<EtlOptions> = {},
): Promise<WarehouseState> {
  const etl = createEtlService(config, databaseUrl, log, overrides);
  const today = etl.today();
  const published = new Set(publishedDates(etl.published()));
  const missing = monthEnds(HISTORY_MONTHS.from, HISTORY_MONTHS.to).filter((d) => d < today && !published.has(d));
  const hasLive = Object.values(etl.published().tables.worker ?? {}).some((p) => p.mode === 'live');
  if (missing.length === 0 && hasLive) return 'present';
  try {
    // One run and one publish for both: the catalogue is built once, not once for the history and again for today.
    log.info(
      { months: missing.length, live: hasLive ? undefined : today },
      'warehouse: loading the month-end history and a first snapshot',
    );
    await etl.fill(missing, hasLive ? undefined : today);
  } catch (error) {
    if (error instanceof RunRefusedError) {
      log.warn({ err: error.message }, 'warehouse: another ETL run is loading it; serving without waiting');
      return 'busy';
    }
    // The API serves the operational data all the same; the ledger and the log say what failed.
    log.error({ err: (error as Error).message }, 'warehouse: first load failed; the nightly run will try again');
    return 'failed';
  }
  return 'loaded';
}
