import pg from 'pg';
import type { Logger } from '../../platform/logger.js';
import { ClaimChangeKind } from '../../schema/enums/claim-change-kind.enum.js';
import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';

/** What the database announces (migration claim_notify): codes only, never personal data. */
export interface ClaimEvent {
  id: number;
  status: ClaimStatus;
  programme: Programme;
  change: ClaimChangeKind;
}

export const CLAIM_CHANNEL = 'lindung_claim_changes';

/** Events a slow subscriber may fall behind by before it is dropped, so one stuck socket cannot grow memory. */
const QUEUE_LIMIT = 1_000;

interface Subscriber {
  accepts(event: ClaimEvent): boolean;
  push(event: ClaimEvent): void;
  end(): void;
}

/**
 * One LISTEN connection per API process, fanned out to that process's subscribers. Every process
 * listens on its own, so each sees every change committed by any of them (or by the import, or
 * psql). A lost connection is re-established with a growing pause; changes committed while it
 * was down are not replayed (a client re-reads the list after a reconnect, as with any live feed).
 */
export class ClaimEvents {
  private readonly subscribers = new Set<Subscriber>();
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = 250;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  /** Listens, or keeps trying in the background: the API serves queries whether or not the feed is up. */
  async start(): Promise<void> {
    await this.connect().catch((error: Error) => this.retry(error));
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'lindung-claim-events' });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => this.reconnect(client, error));
    client.on('end', () => this.reconnect(client));
    await client.connect();
    await client.query(`listen ${CLAIM_CHANNEL}`);
    this.client = client;
    this.retryMs = 250;
  }

  /** Events that pass `filter`, until the consumer stops iterating (or the feed closes). */
  subscribe(filter: (event: ClaimEvent) => boolean): AsyncIterableIterator<ClaimEvent> {
    const queue: ClaimEvent[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const subscriber: Subscriber = {
      accepts: filter,
      push: (event) => {
        if (queue.length >= QUEUE_LIMIT) return finish();
        queue.push(event);
        wake?.();
      },
      end: () => finish(),
    };
    const finish = () => {
      done = true;
      this.subscribers.delete(subscriber);
      wake?.();
    };
    this.subscribers.add(subscriber);
    const iterator: AsyncIterableIterator<ClaimEvent> = {
      [Symbol.asyncIterator]: () => iterator,
      next: async () => {
        while (queue.length === 0 && !done) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        const value = queue.shift();
        return value ? { value, done: false } : { value: undefined, done: true };
      },
      return: async () => {
        finish();
        return { value: undefined, done: true };
      },
    };
    return iterator;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const s of [...this.subscribers]) s.end();
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private deliver(payload: string | undefined): void {
    let event: ClaimEvent;
    try {
      event = JSON.parse(payload ?? '') as ClaimEvent;
    } catch {
      this.log.warn({ payload }, 'claim events: unreadable notification ignored');
      return;
    }
    if (!isClaimEvent(event)) {
      this.log.warn({ payload }, 'claim events: notification with unknown codes ignored');
      return;
    }
    for (const s of this.subscribers) if (s.accepts(event)) s.push(event);
  }

  private reconnect(client: pg.Client, error?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    client.end().catch(() => {});
    this.retry(error);
  }

  private retry(error?: Error): void {
    if (this.closed) return;
    this.log.warn({ err: error?.message, retryInMs: this.retryMs }, 'claim events: not listening; trying again');
    setTimeout(() => {
      if (this.closed) return;
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
      this.connect().catch((e: Error) => this.retry(e));
    }, this.retryMs).unref();
  }
}

/** Validates the payload's codes, so a hand-sent NOTIFY cannot push an unknown status to clients. */
export function isClaimEvent(event: ClaimEvent): boolean {
  return (
    Number.isSafeInteger(event.id) &&
    (Object.values(ClaimStatus) as string[]).includes(event.status) &&
    (Object.values(Programme) as string[]).includes(event.programme) &&
    (Object.values(ClaimChangeKind) as string[]).includes(event.change)
  );
}
