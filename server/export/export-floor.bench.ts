import { Writable } from 'node:stream';
import pg from 'pg';
import { toGlobalId } from '../../schema/types/global-id.js';
import { EXPORT_KINDS, type ExportFormat } from './export-kinds.js';
import { rowWriter } from './export-writer.js';

/**
 * The floor export:bench compares lindung with, in its own process so its peak RSS is its own:
 * the same contributions in the same order read through a bare server-side cursor (500 rows a
 * FETCH) and written by the same writer, to a stream that discards the bytes. No GraphQL, no
 * masking, no scope, no HTTP. Prints one JSON line: rows, bytes, ms, peak RSS.
 */
const [url, from, to, format] = process.argv.slice(2) as [string, string, string, ExportFormat];
const spec = EXPORT_KINDS.contributions;
let bytes = 0;
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    bytes += chunk.length;
    done();
  },
});
const client = new pg.Client({ connectionString: url });
await client.connect();
const started = performance.now();
const writer = rowWriter(format, sink, spec.columns, 'en', spec.fileStem.en);
await client.query('begin');
await client.query(
  `declare rows no scroll cursor for
   select c.id, e.membership_no, to_char(c.period, 'YYYY-MM') as period, c.programme, c.amount::text, c.paid_date::text, s.code
     from contribution c join enrolment e on e.id = c.enrolment_id join sponsor s on s.id = c.sponsor_id
    where c.period between $1::date and $2::date order by c.period desc, c.id desc`,
  [`${from}-01`, `${to}-01`],
);
let rows = 0;
for (;;) {
  const page = await client.query('fetch 500 from rows');
  if (page.rowCount === 0) break;
  for (const r of page.rows) {
    writer.row([toGlobalId('Contribution', r.id), r.membership_no, r.period, r.programme, r.amount, r.paid_date, r.code]);
  }
  await writer.flush();
  rows += page.rowCount ?? 0;
}
await writer.end();
await client.query('commit');
await client.end();
const ms = performance.now() - started;
const rss = /VmHWM:\s+(\d+) kB/.exec(await import('node:fs').then((fs) => fs.readFileSync('/proc/self/status', 'utf8')));
process.stdout.write(`${JSON.stringify({ rows, bytes, ms, peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null })}\n`);
