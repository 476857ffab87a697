import pino from 'pino';

/** Structured JSON logs on stderr, so stdout stays clean for command output (CSV, JSON). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({ level, base: { service: 'lindung' } }, pino.destination(2));
}

export type Logger = ReturnType<typeof createLogger>;
