import pino from 'pino';
import { prettyFactory } from 'pino-pretty';
import { terminal } from './progress.js';

export type LogFormat = 'pretty' | 'json';

/** Human lines on a terminal; JSON for pipes, files and log collectors, or whenever LOG_FORMAT=json. */
export function logFormat(env: NodeJS.ProcessEnv = process.env, stderr: NodeJS.WriteStream = process.stderr): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return stderr.isTTY ? 'pretty' : 'json';
}

export interface LoggerOptions {
  format?: LogFormat;
  /** Takes each JSON line instead of stderr (the first-run child sends its lines to the server this way). */
  sink?: { write(line: string): void };
}

/**
 * Logs on stderr, so stdout stays clean for command output (CSV, JSON). Pretty lines go
 * through the terminal's progress area (platform/progress.ts), which keeps them above it.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', options: LoggerOptions = {}) {
  const settings = { level, base: { service: 'lindung' } };
  if (options.sink) return pino(settings, options.sink);
  if ((options.format ?? logFormat()) === 'json') return pino(settings, pino.destination(2));
  const pretty = prettyFactory({
    colorize: terminal().isTTY,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,service',
    singleLine: true,
  });
  return pino(settings, { write: (line: string) => terminal().writeAbove(pretty(line)) });
}

export type Logger = ReturnType<typeof createLogger>;

/** Writes a JSON line another process logged as if this logger had logged it (same format, same progress area). */
export function forwardLogLine(log: Logger, line: string): void {
  const stream = (log as unknown as Record<symbol, { write(line: string): void }>)[pino.symbols.streamSym];
  stream?.write(line.endsWith('\n') ? line : `${line}\n`);
}
