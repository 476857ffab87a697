/** A one-line progress display on a terminal; nothing when stderr is not a TTY (logs carry the figures). */
export function terminalProgress(): ((label: string, rows: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = new Map<string, number>();
  return (label, rows) => {
    const t0 = started.get(label) ?? (started.set(label, Date.now()), Date.now());
    const seconds = Math.max((Date.now() - t0) / 1000, 0.001);
    process.stderr.write(`\r${label}: ${rows.toLocaleString('id-ID')} rows, ${Math.round(rows / seconds).toLocaleString('id-ID')} rows/s   `);
  };
}
