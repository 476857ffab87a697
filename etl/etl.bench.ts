import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { todayIn } from '../platform/dates.js';
import { createEtlService } from './etl.service.js';
import { SourceSnapshot } from './extract.js';
import { TABLES } from './tables.js';

/**
 * `npm run bench:etl`: one full live snapshot of DATABASE_URL into a scratch warehouse,
 * against a floor that only streams the same SELECTs out of PostgreSQL with COPY into
 * /dev/null (the cost no ETL of these rows can avoid). Each side runs in its own child
 * process so that each peak RSS is its own.
 */
interface PhaseResult {
  seconds: number;
  maxRssMiB: number;
  tables: Record<string, { rows: number; seconds: number }>;
}

const program = new Command('bench:etl')
  .option('--child <phase>', 'internal: run one phase and print its figures as JSON')
  .option('--warehouse <dir>', 'scratch warehouse (default a temporary folder, deleted afterwards)')
  .option('--keep', 'keep the scratch warehouse')
  .parse();
const opts = program.opts<{ child?: 'floor' | 'etl'; warehouse?: string; keep?: boolean }>();
const config = loadConfig();
if (!config.databaseUrl) throw new Error('bench:etl needs DATABASE_URL (e.g. the --scale 20 database)');

if (opts.child) {
  const result = opts.child === 'floor' ? await floor(config.databaseUrl) : await etl(config.databaseUrl, opts.warehouse!);
  console.log(JSON.stringify(result));
} else {
  const warehouse = opts.warehouse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-bench-wh-'));
  try {
    const floorResult = phase('floor', warehouse);
    const etlResult = phase('etl', warehouse);
    report(floorResult, etlResult, warehouse);
  } finally {
    if (!opts.keep) fs.rmSync(warehouse, { recursive: true, force: true });
  }
}

function phase(name: 'floor' | 'etl', warehouse: string): PhaseResult {
  process.stderr.write(`running ${name}…\n`);
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, '--warehouse', warehouse],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (child.status !== 0) throw new Error(`${name} phase failed with exit code ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as PhaseResult;
}

async function floor(databaseUrl: string): Promise<PhaseResult> {
  const ctx = { date: todayIn(config.etl.timezone), mode: 'live' as const, timezone: config.etl.timezone };
  const t0 = performance.now();
  const source = await SourceSnapshot.open(databaseUrl, config.etl.workerKeySecret);
  const tables: PhaseResult['tables'] = {};
  try {
    for (const spec of TABLES) {
      const t = performance.now();
      const rows = await source.copy(spec.select(ctx), [fs.createWriteStream('/dev/null')]);
      tables[spec.name] = { rows, seconds: (performance.now() - t) / 1000 };
    }
  } finally {
    await source.close();
  }
  return { seconds: (performance.now() - t0) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024, tables };
}

async function etl(databaseUrl: string, warehouse: string): Promise<PhaseResult> {
  const service = createEtlService(config, databaseUrl, createLogger('warn'), { warehouseDir: warehouse });
  const t0 = performance.now();
  const record = await service.snapshot(service.today(), 'live');
  const seconds = (performance.now() - t0) / 1000;
  const tables = Object.fromEntries(Object.entries(record.rows).map(([t, rows]) => [t, { rows, seconds: record.table_seconds[t]! }]));
  return { seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, tables };
}

function report(floorResult: PhaseResult, etlResult: PhaseResult, warehouse: string): void {
  const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const rate = (t?: { rows: number; seconds: number }) => (t ? nf.format(t.rows / Math.max(t.seconds, 0.001)) : '');
  const lines = [['table', 'rows', 'floor s', 'floor rows/s', 'etl s', 'etl rows/s']];
  for (const spec of TABLES) {
    const f = floorResult.tables[spec.name];
    const e = etlResult.tables[spec.name];
    lines.push([spec.name, nf.format(e?.rows ?? f?.rows ?? 0), f?.seconds.toFixed(1) ?? '', rate(f), e?.seconds.toFixed(1) ?? '', rate(e)]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const l of lines) console.log(l.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  const size = spawnSync('du', ['-sh', warehouse], { encoding: 'utf8' }).stdout.split('\t')[0];
  console.log(`
floor (COPY … TO STDOUT > /dev/null): ${floorResult.seconds.toFixed(1)} s, peak RSS ${floorResult.maxRssMiB.toFixed(0)} MiB
etl (extract, Parquet, verify, checks, publish): ${etlResult.seconds.toFixed(1)} s, peak RSS ${etlResult.maxRssMiB.toFixed(0)} MiB
ratio etl/floor: ${(etlResult.seconds / floorResult.seconds).toFixed(2)} (goal < 2); peak RSS goal < 1024 MiB
warehouse size: ${size}`);
}
