/**
 * How a run can end other than published, each with its own exit code in etl.cli.ts: a cron
 * job or an orchestrator retries 69 and 143 later, and looks at 1.
 */

/** The run ran but its data is wrong: counts or sums differ from the source, or a data check failed. */
export class EtlCheckError extends Error {
  override name = 'EtlCheckError';
}

/** PostgreSQL could not be reached, or the connection was lost during the run: nothing published, retry later. */
export class SourceUnavailableError extends Error {
  override name = 'SourceUnavailableError';
}

/** The run was asked to stop (SIGTERM, SIGINT, the platform shutting down) and did, publishing nothing. */
export class EtlStoppedError extends Error {
  override name = 'EtlStoppedError';
  constructor(readonly signal: string) {
    super(`stopped by ${signal} before publishing; nothing of this run was published`);
  }
}

/** Network errors, and PostgreSQL's own: shutdown or terminated backend (57P0x), connection exceptions (08xxx), no such database, bad login. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '3D000',
  '28P01',
  '28000',
]);

export function isConnectionError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  // node-postgres reports a dropped socket and a connect timeout by message only, without a code.
  return /Connection terminated|connection timeout|timeout expired|not queryable/i.test((error as Error | null)?.message ?? '');
}
