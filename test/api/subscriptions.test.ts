import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ClaimEvents } from '../../server/subscriptions/claim-events.js';
import { createLogger } from '../../platform/logger.js';
import { startApi, type TestApi } from './api-server.js';

const FEED = `subscription Feed($statuses: [ClaimStatus!]) {
  claimChanged(statuses: $statuses) { change claim { id claimNo status version enrolment { worker { nik fullName } } } }
}`;

/** A graphql-ws client as a browser's Apollo Client or urql would open it. */
function wsClient(api: TestApi, authorization?: string): Client {
  return createClient({
    url: api.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization === undefined ? {} : { authorization },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
}

/** The next `n` events of one subscription (or its error), as they arrive. */
function take(client: Client, query: string, n: number, variables: Record<string, unknown> = {}) {
  const events: any[] = [];
  let unsubscribe = () => {};
  const done = new Promise<any[]>((resolve, reject) => {
    unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (value) => {
          events.push(value);
          if (events.length === n) resolve(events);
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
  return { done, stop: () => unsubscribe() };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('the live claim queue (GraphQL subscriptions over WebSocket)', () => {
  let api: TestApi;
  let claim: { id: string; claimNo: string; version: number };
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await startApi({ scale: 0.01 });
    const res = await api.gql('{ claims(first: 1, filter: { status: [SUBMITTED] }) { edges { node { id claimNo version } } } }');
    claim = res.body.data.claims.edges[0].node;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await api?.close();
  });

  it('pushes a status change made by another connection, read with the subscriber’s access: masked for a viewer', async () => {
    const operator = wsClient(api, `Bearer ${await api.token('operator')}`);
    const viewer = wsClient(api, `Bearer ${await api.token('viewer')}`);
    clients.push(operator, viewer);
    const asOperator = take(operator, FEED, 1, { statuses: ['VERIFIED'] });
    const asViewer = take(viewer, FEED, 1);
    await settle();
    const verified = await api.gql('mutation V($id: ID!, $v: Int!) { verifyClaim(id: $id, version: $v) { status } }', {
      id: claim.id,
      v: claim.version,
    });
    expect(verified.body.data.verifyClaim.status).toBe('VERIFIED');
    const [seen] = await asOperator.done;
    expect(seen.data.claimChanged).toMatchObject({
      change: 'STATUS_CHANGED',
      claim: { id: claim.id, status: 'VERIFIED', version: claim.version + 1 },
    });
    expect(seen.data.claimChanged.claim.enrolment.worker.nik).toMatch(/^\d{16}$/);
    const [masked] = await asViewer.done;
    expect(masked.data.claimChanged.claim.status).toBe('VERIFIED');
    expect(masked.data.claimChanged.claim.enrolment.worker.nik).toMatch(/\*/);
    expect(masked.data.claimChanged.claim.enrolment.worker.fullName).not.toBe(seen.data.claimChanged.claim.enrolment.worker.fullName);
  });

  it('sees a change committed outside this process, and nothing from a rolled-back one', async () => {
    const client = wsClient(api, `Bearer ${await api.token('operator')}`);
    clients.push(client);
    const feed = take(client, FEED, 1);
    await settle();
    const db = await api.db.pool.connect();
    try {
      await db.query('begin');
      await db.query(
        `update claim set status = 'REJECTED', rejection_reason = 'rolled back' where claim_no <> $1 and status = 'SUBMITTED' and id = (select min(id) from claim where status = 'SUBMITTED' and claim_no <> $1)`,
        [claim.claimNo],
      );
      await db.query('rollback');
      // As psql or a second API process would: a plain committed UPDATE.
      await db.query(`update claim set status = 'APPROVED', approved_amount = claimed_amount, version = version + 1 where claim_no = $1`, [
        claim.claimNo,
      ]);
    } finally {
      db.release();
    }
    const [event] = await feed.done;
    expect(event.data.claimChanged).toMatchObject({ change: 'STATUS_CHANGED', claim: { claimNo: claim.claimNo, status: 'APPROVED' } });
  });

  it('delivers every change to every listening process', async () => {
    const second = new ClaimEvents(api.db.url, createLogger('silent'));
    await second.start();
    try {
      const events = second.subscribe(() => true);
      await api.db.pool.query(
        `update claim set status = 'PAID', paid_amount = approved_amount, paid_date = submitted_date, payment_key = 'ws-test-0001', version = version + 1 where claim_no = $1`,
        [claim.claimNo],
      );
      const next = await events.next();
      expect(next.value).toMatchObject({ status: 'PAID', change: 'STATUS_CHANGED' });
    } finally {
      await second.close();
    }
  });

  it('refuses a connection without a valid token, and subscriptions past the limit per connection', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token']) {
      const closed = new Promise<number>((resolve) => {
        const c = createClient({
          url: api.url.replace('http', 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: authorization ? { authorization } : {},
          retryAttempts: 0,
          lazy: false,
          onNonLazyError: () => {},
          on: { closed: (event) => resolve((event as { code: number }).code) },
        });
        clients.push(c);
      });
      expect(await closed).toBe(4403);
    }
    const client = wsClient(api, `Bearer ${await api.token('operator')}`);
    clients.push(client);
    const open = Array.from({ length: api.config.subscriptionsPerConnection }, () => take(client, FEED, 1));
    const refusedEarly: unknown[] = [];
    for (const s of open) s.done.catch((e) => refusedEarly.push(e));
    await settle();
    expect(refusedEarly).toEqual([]);
    const extra = take(client, FEED, 1);
    await expect(extra.done).rejects.toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } })]);
    for (const s of open) s.stop();
  });

  it('serves only subscriptions over WebSocket, within the same depth limit as HTTP', async () => {
    const client = wsClient(api, `Bearer ${await api.token('operator')}`);
    clients.push(client);
    await expect(take(client, '{ claims(first: 1) { totalCount } }', 1).done).rejects.toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } }),
    ]);
    const deep = `subscription { claimChanged { claim { enrolment { worker { enrolments(first: 1) { edges { node { claims(first: 1) { edges { node { enrolment { worker { enrolments(first: 1) { edges { node { id } } } } } } } } } } } } } } } }`;
    const refused = await take(client, deep, 1).done.catch((errors) => errors);
    expect(refused[0].message).toMatch(/depth/i);
  });
});
