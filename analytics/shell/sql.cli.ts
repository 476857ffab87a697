import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Command, Option } from 'commander';
import { WarehouseReader } from '../../platform/warehouse-reader.js';
import { loadConfig } from '../../platform/config.js';
import { formatResult, OUTPUT_FORMATS, type OutputFormat } from './format.js';

/**
 * `npm run sql`: a read-only SQL prompt on the warehouse; `npm run sql -- -c "…"` runs one
 * statement and exits (1 with DuckDB's message on error). Each statement reads the catalogue
 * current when it starts, so a nightly load never blocks the prompt or shows half a snapshot.
 */
const program = new Command('sql')
  .description('Read-only SQL on the lindung warehouse (DuckDB)')
  .option('-c, --command <sql>', 'run one statement and exit')
  .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
  .parse();
const options = program.opts<{ command?: string; format: OutputFormat }>();

const config = loadConfig();
const reader = new WarehouseReader(config.etl.warehouseDir);
if (!reader.available()) {
  console.error(`no warehouse at ${config.etl.warehouseDir} yet: start the platform (npm start) or run npm run etl`);
  process.exit(1);
}

// The statement running now, if any: Ctrl-C interrupts it (DuckDB's connection.interrupt()) instead of quitting.
let running: AbortController | undefined;

async function run(sql: string, format: OutputFormat): Promise<boolean> {
  running = new AbortController();
  const { signal } = running;
  try {
    console.log(formatResult(await reader.table(sql, { signal }), format));
    return true;
  } catch (error) {
    console.error(signal.aborted ? 'Cancelled (Ctrl-C).' : `Error: ${(error as Error).message}`);
    return false;
  } finally {
    running = undefined;
  }
}

const HELP = `Statements end with ;  Ctrl-C cancels a running statement (or clears the input), Ctrl-D quits.  Commands:
  .tables              list tables and views (marts: dim_*, fct_*, yoy_*; raw: <table>, <table>_latest)
  .describe <name>     columns and types of a table or view
  .format table|csv|json
  .help  .quit`;

if (options.command !== undefined) {
  const ok = await run(options.command, options.format);
  reader.close();
  process.exit(ok ? 0 : 1);
}

const historyFile = path.join(config.dataDir, 'sql_history');
const history = fs.existsSync(historyFile) ? fs.readFileSync(historyFile, 'utf8').split('\n').filter(Boolean).reverse() : [];
const prompt = readline.createInterface({ input: process.stdin, output: process.stdout, history, historySize: 1000, prompt: 'lindung> ' });
let format = options.format;
let pending = '';
console.log(`lindung warehouse (read-only): ${config.etl.warehouseDir}\n${HELP}`);
// Ctrl-C as in psql: cancel what runs, else drop the half-typed statement; only Ctrl-D (or .quit) leaves.
const onInterrupt = () => {
  if (running) {
    running.abort();
    return;
  }
  pending = '';
  process.stdout.write('^C\n');
  prompt.setPrompt('lindung> ');
  prompt.prompt();
};
prompt.on('SIGINT', onInterrupt);
process.on('SIGINT', onInterrupt);
prompt.prompt();
for await (const line of prompt) {
  if (line.trim() !== '') fs.appendFileSync(historyFile, `${line}\n`);
  const text = line.trim();
  if (pending === '' && text.startsWith('.')) {
    const [command, argument] = text.split(/\s+/, 2);
    if (command === '.quit' || command === '.exit') break;
    else if (command === '.help') console.log(HELP);
    else if (command === '.tables')
      await run(`select table_name as name, lower(table_type) as kind from information_schema.tables order by table_name`, format);
    else if (command === '.describe' && argument) await run(`describe ${argument}`, format);
    else if (command === '.format' && OUTPUT_FORMATS.includes(argument as OutputFormat)) format = argument as OutputFormat;
    else console.error(`unknown command ${text}; .help lists them`);
  } else {
    pending = pending === '' ? line : `${pending}\n${line}`;
    if (text.endsWith(';')) {
      await run(pending, format);
      pending = '';
    }
  }
  prompt.setPrompt(pending === '' ? 'lindung> ' : '      -> ');
  prompt.prompt();
}
reader.close();
process.exit(0);
