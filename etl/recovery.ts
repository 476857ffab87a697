import type { Logger } from '../platform/logger.js';
import { catalogueGeneration, installCatalogue, prepareCatalogue } from './catalogue.js';
import type { Ledger } from './ledger.js';
import { collectGarbage, readManifest, syncHiveTree, writeManifest, type WarehouseLayout } from './warehouse.js';

/**
 * Brings the warehouse back to a consistent state after a crash at any point; runs under the
 * lock at the start of every run. Runs left `running` become `succeeded` (they had passed the
 * commit point) or `abandoned`; files of unpublished runs, their pipes and spill folders, and
 * temporary files of dead processes are deleted; a catalogue older than the manifest is
 * rebuilt; the hive tree is made to match the manifest.
 */
export async function recoverWarehouse(
  layout: WarehouseLayout,
  ledger: Ledger,
  options: { log: Logger; modelsDir: string; retiredGraceMs: number; signal?: AbortSignal },
): Promise<void> {
  const { log } = options;
  const now = new Date();
  let manifest = readManifest(layout);
  const published = new Set(Object.values(manifest.tables).flatMap((p) => Object.values(p).map((e) => e.runId)));
  for (const r of ledger.all().filter((r) => r.status === 'running')) {
    // Killed after its commit point but before it could say so: it did publish.
    if (published.has(r.run_id)) ledger.write({ ...r, status: 'succeeded', finished_at: r.finished_at ?? now.toISOString() });
  }
  for (const r of ledger.markAbandoned(now))
    log.warn({ runId: r.run_id, date: r.snapshot_date }, 'etl: marked an unfinished run abandoned');
  const collected = collectGarbage(layout, manifest, options.retiredGraceMs, now);
  if (collected.retired.length !== manifest.retired.length) {
    writeManifest(layout, collected);
    manifest = collected;
  }
  if (manifest.generation !== null && (await catalogueGeneration(layout)) !== manifest.generation) {
    log.warn({ generation: manifest.generation }, 'etl: catalogue behind the manifest; rebuilding it');
    installCatalogue(layout, await prepareCatalogue(layout, manifest, options.modelsDir, options.signal));
  }
  syncHiveTree(layout, manifest);
}
