import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import { ValidationError } from '../../schema/errors.js';
import { type Config, type ConfigError, loadConfig } from '../../platform/config.js';
import { LANGS, type Lang } from './number-format.js';
import { ChromiumMissingError } from './render-pdf.js';
import { BRIEF_FORMATS, validateBriefOptions, writeBriefs, type BriefFormat } from './brief.service.js';

/**
 * `npm run brief -- --year 2023 --compare 2022 [--region 64.02 | --region 64] [--lang id,en] [--format html,md,pdf] [--out <dir>]`:
 * the year-over-year policy brief from the published warehouse: a regency's, or a province's comparison of its regencies. Exit 0 written, 1 failed (no
 * warehouse, no Chromium, a query error), 2 bad options.
 */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const year = (option: string) => (value: string) => {
  const n = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || n < 1990 || n > 2100)
    throw new InvalidArgumentError(`${option} must be a whole year from 1990 to 2100`);
  return n;
};

function oneOrMore<T extends string>(option: string, allowed: readonly T[]) {
  return (value: string): T[] => {
    const items =
      value === 'all'
        ? [...allowed]
        : value
            .split(',')
            .map((v) => v.trim().toLowerCase())
            .filter(Boolean);
    const bad = items.find((v) => !(allowed as readonly string[]).includes(v));
    if (items.length === 0 || bad !== undefined) {
      throw new InvalidArgumentError(`${option} must be ${allowed.join(', ')} (comma-separated, or all)${bad ? `, not "${bad}"` : ''}`);
    }
    return [...new Set(items)] as T[];
  };
}

const program = new Command('brief')
  .description('Write the year-over-year policy brief (HTML, Markdown, PDF; Indonesian or English) from the warehouse')
  .option('--year <year>', "the brief's year (default: the last full year on the snapshot date)", year('--year'))
  .option('--compare <year>', 'the year to compare with (default: the year before --year)', year('--compare'))
  .addOption(
    new Option('--lang <langs>', `${LANGS.join(', ')}, comma-separated or all`).argParser(oneOrMore('--lang', LANGS)).default(['id'], 'id'),
  )
  .addOption(
    new Option('--format <formats>', `${BRIEF_FORMATS.join(', ')}, comma-separated or all`)
      .argParser(oneOrMore('--format', BRIEF_FORMATS))
      .default(['html'], 'html'),
  )
  .option('--region <code>', "a regency's brief (64.02), or a province's comparison of its regencies (64)")
  .option('--sponsor <code>', "one sponsor's brief: its budget and realisation beside the regency's figures (e.g. PEMKAB-KUKAR)")
  .option('--out <dir>', 'output folder (default LINDUNG_BRIEFS_DIR or <LINDUNG_DATA_DIR>/briefs)')
  .option('--warehouse <dir>', 'warehouse folder (default LINDUNG_WAREHOUSE_DIR or <LINDUNG_DATA_DIR>/warehouse)')
  .option('--chromium <path>', 'Chromium for --format pdf (default CHROMIUM_PATH or /usr/bin/chromium)')
  .addHelpText(
    'after',
    `
Files: brief-<year>-vs-<compare>[.region-<code>][.sponsor-<code>].<lang>.<format>, its SQL appendix
brief-…<lang>.sql.html (and .sql.md), latest.<lang>.<format> and index.html in --out.
Exit codes: 0 written, 1 failed (no warehouse, no Chromium, a query error), 2 bad options.`,
  )
  .exitOverride((error) => process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage));

program.parse();
const opts = program.opts<{
  year?: number;
  compare?: number;
  lang: Lang[];
  format: BriefFormat[];
  region?: string;
  sponsor?: string;
  out?: string;
  warehouse?: string;
  chromium?: string;
}>();
try {
  validateBriefOptions({
    year: opts.year,
    compare: opts.compare,
    langs: opts.lang,
    formats: opts.format,
    scope: { region: opts.region, sponsor: opts.sponsor },
  });
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  program.error(`error: option '--${error.field}': ${error.rule}`, { exitCode: EXIT.usage });
}
if (opts.year === undefined && opts.compare !== undefined) {
  program.error("error: option '--compare <year>' needs --year", { exitCode: EXIT.usage });
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  console.error((error as ConfigError).message);
  process.exit(EXIT.usage);
}
const warehouseDir = path.resolve(opts.warehouse ?? config.etl.warehouseDir);
const outDir = path.resolve(opts.out ?? config.briefs.dir);
const reader = new WarehouseReader(warehouseDir);
if (!reader.available()) {
  console.error(`brief: no warehouse at ${warehouseDir} yet: start the platform (npm start) or run npm run etl`);
  process.exit(EXIT.failed);
}

const kB = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
let code: number = EXIT.ok;
try {
  const result = await writeBriefs({
    warehouse: reader,
    outDir,
    year: opts.year,
    compare: opts.compare,
    langs: opts.lang,
    formats: opts.format,
    scope: {
      ...(opts.region === undefined ? {} : { region: opts.region }),
      ...(opts.sponsor === undefined ? {} : { sponsor: opts.sponsor }),
    },
    chromiumPath: opts.chromium ?? config.briefs.chromiumPath,
    log: {
      info: ({ file, bytes }: { file?: string; bytes?: number }) => console.error(`wrote ${file} (${kB.format((bytes ?? 0) / 1024)} kB)`),
    },
  });
  console.error(
    `brief ${result.year} vs ${result.compare}: ${result.files.length} file(s) in ${outDir}; snapshot ${result.content.snapshot.snapshotDate}`,
  );
} catch (error) {
  if (error instanceof ValidationError) {
    console.error(`brief: --${error.field}: ${error.rule}`);
    code = EXIT.usage;
  } else {
    console.error(`brief: ${(error as Error).message}${error instanceof ChromiumMissingError ? ' (--chromium <path>)' : ''}`);
    code = EXIT.failed;
  }
}
reader.close();
process.exit(code);
