const numbers = new Intl.NumberFormat('id-ID');

export interface ProgressLine {
  /** Which line of the progress area this updates (default: the label, for a label that does not change). */
  id?: string;
  /** What is being loaded, e.g. `contribution` or `2023-06-30 claim`. */
  label: string;
  rows: number;
  seconds: number;
  /** Leaves the line in place with its final rate. */
  done?: boolean;
  /** The expected count when known (an estimate is then shown); `~` marks an approximate one. */
  total?: number;
  approximate?: boolean;
  /** What is counted (default rows). */
  unit?: string;
}

/** Something that takes structured progress lines: the shape of a pino logger's `info`. */
export interface ProgressLog {
  info(fields: object, message: string): void;
}

/** `contribution   3.120.000 of ~9.927.000 rows   512.000 rows/s   6,1 s, about 13 s left` */
export function describeProgress({ label, rows, seconds, total, approximate, unit = 'rows', done }: ProgressLine): string {
  const rate = rows / Math.max(seconds, 0.001);
  const of = total ? ` of ${approximate ? '~' : ''}${numbers.format(total)}` : '';
  const left = !done && total && rate > 0 && rows > 0 ? `, about ${formatSeconds(Math.max(total - rows, 0) / rate)} left` : '';
  // A slow count (snapshots) reads better as seconds per item than as 0 per second.
  const pace =
    rate >= 10 || rows === 0 ? `${numbers.format(Math.round(rate)).padStart(9)} ${unit}/s` : `${formatSeconds(seconds / rows)} each`;
  return `${label.padEnd(24)} ${numbers.format(rows).padStart(11)}${of} ${unit}  ${pace}  ${formatSeconds(seconds)}${left}`;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1).replace('.', ',')} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

/**
 * The terminal's stderr shared by log lines and one progress area at its bottom. Log text is
 * always written above the area (the area is erased, the text written, the area redrawn), so
 * a log line can never land in the middle of a progress line.
 */
export class Terminal {
  private readonly area = new Map<string, string>();
  private drawn = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  writeAbove(text: string): void {
    if (!this.isTTY || this.drawn === 0) {
      this.stream.write(text);
      return;
    }
    this.stream.write(`${this.erase()}${text}${this.render()}`);
  }

  /** Shows or replaces the progress line `id`. */
  set(id: string, line: string): void {
    this.area.set(id, line);
    this.redraw();
  }

  /** Removes the line `id`; `final` stays on screen above the area. */
  remove(id: string, final?: string): void {
    this.area.delete(id);
    if (final === undefined) this.redraw();
    else this.stream.write(`${this.erase()}${final}\n${this.render()}`);
  }

  /** Empties the progress area (at exit, so no stale line stays on screen). */
  clear(): void {
    this.area.clear();
    this.redraw();
  }

  private redraw(): void {
    if (this.isTTY) this.stream.write(`${this.erase()}${this.render()}`);
  }

  private erase(): string {
    // Cursor up to the area's first line, column 1, then clear to the end of the screen.
    const text = this.drawn > 0 ? `\x1b[${this.drawn}F\x1b[J` : '';
    this.drawn = 0;
    return text;
  }

  private render(): string {
    // A line wider than the terminal would wrap and break the line count the erase relies on.
    const width = Math.max((this.stream.columns ?? 100) - 1, 20);
    const lines = [...this.area.values()].map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
    this.drawn = lines.length;
    return lines.map((l) => `\x1b[2m${l}\x1b[22m\n`).join('');
  }
}

let shared: Terminal | undefined;

/** The process's one terminal (its stderr). */
export function terminal(): Terminal {
  shared ??= new Terminal();
  return shared;
}

/**
 * Where a long step reports its progress. On a terminal with human logs: the progress area.
 * Otherwise (a pipe, a file, LOG_FORMAT=json): one structured log line per step every 5 s,
 * with the same counts, rate and estimate, so an operator's log shows a long step is moving.
 */
export function createProgress(log: ProgressLog, options: { area?: boolean } = {}): (line: ProgressLine) => void {
  const useArea = options.area ?? terminal().isTTY;
  const lastLogged = new Map<string, number>();
  const lastDrawn = new Map<string, number>();
  return (line) => {
    const id = line.id ?? line.label;
    const now = Date.now();
    if (useArea) {
      if (line.done) {
        lastDrawn.delete(id);
        terminal().remove(id);
        return;
      }
      if (now - (lastDrawn.get(id) ?? 0) < 200) return;
      lastDrawn.set(id, now);
      terminal().set(id, describeProgress(line));
      return;
    }
    if (line.done) {
      lastLogged.delete(id);
      return;
    }
    const last = lastLogged.get(id);
    if (last === undefined) {
      // The clock starts with the step's first line, so a step under 5 s logs no progress at all.
      lastLogged.set(id, now);
      return;
    }
    if (now - last < 5000) return;
    lastLogged.set(id, now);
    const rate = line.rows / Math.max(line.seconds, 0.001);
    log.info(
      {
        step: line.label,
        [line.unit ?? 'rows']: line.rows,
        total: line.total,
        perSecond: Math.round(rate),
        seconds: Math.round(line.seconds),
        secondsLeft: line.total && rate > 0 ? Math.round(Math.max(line.total - line.rows, 0) / rate) : undefined,
      },
      `progress: ${describeProgress(line).replace(/\s+/g, ' ')}`,
    );
  };
}

/**
 * The progress display of the command-line tools (seed, import, ETL) on a terminal: a line in
 * the progress area while rows stream, left above it with its final rate when done. Undefined
 * when stderr is not a terminal: the structured logs carry the same figures there.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ((line: ProgressLine) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const screen = stream === process.stderr ? terminal() : new Terminal(stream);
  let last = 0;
  return (line) => {
    const now = Date.now();
    const id = line.id ?? line.label;
    if (line.done) {
      screen.remove(id, describeProgress(line));
      return;
    }
    if (now - last < 200) return;
    last = now;
    screen.set(id, describeProgress(line));
  };
}
