import type { ProgressEvent } from './etl.service.js';

const nf = new Intl.NumberFormat('id-ID');

/**
 * Progress per table on a terminal: a line that updates as rows stream, left in place with
 * the table's rows/s when it is done. Nothing when stderr is not a terminal: the structured
 * logs carry the same figures there.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ((event: ProgressEvent) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (e) => {
    const now = Date.now();
    if (!e.done && now - last < 200) return;
    last = now;
    const rate = e.rows / Math.max(e.seconds, 0.001);
    stream.write(`\r\x1b[2K${e.date} ${e.table.padEnd(18)} ${nf.format(e.rows).padStart(14)} rows  ${nf.format(Math.round(rate)).padStart(11)} rows/s  ${e.seconds.toFixed(1)} s${e.done ? '\n' : ''}`);
  };
}
