import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { toGlobalId } from '../../schema/types/global-id.js';
import { startApi, type TestApi } from '../api/api-server.js';
import { insertScopeFixture, type ScopeFixture } from './region-scopes.fixture.js';

const FEED = 'subscription { claimChanged { change claim { id } } }';

/**
 * The live claim queue under region scopes: the announcement names a claim id only, so each
 * subscriber's server reads the claim under the subscriber's own scope before sending anything.
 * A kecamatan officer is never told that a claim elsewhere changed, not even its id.
 */
describe('claim subscriptions held to the subscriber’s scope', () => {
  let api: TestApi;
  let fixture: ScopeFixture;
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await startApi();
    fixture = await insertScopeFixture(api.db.pool, 'sub');
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await api?.close();
  });

  async function subscriber(scopes: string[]) {
    const token = await api.token('operator', `sub-${scopes.join('-')}`, scopes);
    const client = createClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(client);
    const seen: string[] = [];
    let ready!: () => void;
    const started = new Promise<void>((r) => (ready = r));
    client.subscribe(
      { query: FEED },
      { next: (v: any) => seen.push(v.data?.claimChanged?.claim?.id ?? JSON.stringify(v)), error: () => {}, complete: () => {} },
    );
    // graphql-ws acknowledges the connection before the server subscribes: give it a moment, then go.
    setTimeout(ready, 500);
    await started;
    return seen;
  }

  it('delivers a change only to subscribers whose scope covers the claim', async () => {
    const kecamatan = await subscriber(['64.02.06']);
    const samarinda = await subscriber(['64.72']);
    const national = await subscriber(['*']);
    const tenggarong = fixture.workers.find((w) => w.key === 'tenggarong')!;
    const palaran = fixture.workers.find((w) => w.key === 'palaran')!;
    // Changed outside the API (as the import or psql would): the database announces both.
    await api.db.pool.query(`update claim set status = 'VERIFIED', version = version + 1 where id = any ($1)`, [
      [tenggarong.claimId, palaran.claimId],
    ]);
    const deadline = Date.now() + 10_000;
    while (national.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(national.sort()).toEqual([toGlobalId('Claim', tenggarong.claimId), toGlobalId('Claim', palaran.claimId)].sort());
    expect(kecamatan).toEqual([toGlobalId('Claim', tenggarong.claimId)]);
    expect(samarinda).toEqual([toGlobalId('Claim', palaran.claimId)]);
  });
});
