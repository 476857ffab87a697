import path from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { WarehouseReader } from '../platform/warehouse-reader.js';
import { exportPartitioned } from './partitioned-export.js';

/**
 * `npm run warehouse:partitioned -- --out <dir>`: the published snapshot's marts as Parquet partitioned by
 * snapshot, province and regency (etl/partitioned-export.ts), for Spark or Trino. Exit 0 written, 1 failed.
 */
const program = new Command('warehouse:partitioned')
  .description('Write the published snapshot as hive-partitioned Parquet by snapshot, province and regency')
  .requiredOption('--out <dir>', 'the folder to write (each mart a folder of its own, replaced whole)')
  .option('--warehouse <dir>', 'warehouse folder (default LINDUNG_WAREHOUSE_DIR or <LINDUNG_DATA_DIR>/warehouse)')
  .parse();
const opts = program.opts<{ out: string; warehouse?: string }>();
const reader = new WarehouseReader(path.resolve(opts.warehouse ?? loadConfig().etl.warehouseDir));
if (!reader.available()) {
  console.error('warehouse:partitioned: no published warehouse yet (npm run etl)');
  process.exit(1);
}
try {
  const result = await reader.pinned((w) => exportPartitioned(w, path.resolve(opts.out)));
  for (const m of result.marts) console.error(`${m.mart}: ${m.rows} rows in ${m.files} files`);
  console.error(`snapshot ${result.snapshotDate} written to ${path.resolve(opts.out)}`);
} catch (error) {
  console.error(`warehouse:partitioned: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  reader.close();
}
