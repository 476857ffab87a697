const numbers = new Intl.NumberFormat('id-ID');

export interface ProgressLine {
  /** What is being loaded, e.g. `contribution` or `2023-06-30 claim`. */
  label: string;
  rows: number;
  seconds: number;
  /** Leaves the line in place with its final rate. */
  done?: boolean;
}

/**
 * The one progress display of the command-line tools (seed, import, ETL): a line on stderr
 * that updates as rows stream. Undefined when stderr is not a terminal: the structured logs
 * carry the same figures there.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ((line: ProgressLine) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return ({ label, rows, seconds, done }) => {
    const now = Date.now();
    if (!done && now - last < 200) return;
    last = now;
    const rate = Math.round(rows / Math.max(seconds, 0.001));
    stream.write(
      `\r\x1b[2K${label.padEnd(24)} ${numbers.format(rows).padStart(14)} rows  ${numbers.format(rate).padStart(11)} rows/s  ${seconds.toFixed(1)} s${done ? '\n' : ''}`,
    );
  };
}
