import fs from 'node:fs';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, workerRows } from '../../client/example.js';
import { ClaimByIdDocument, WorkersPageDocument } from '../../client/generated/graphql.js';
import { code, startApi, type TestApi } from './api-server.js';

const manifest = JSON.parse(fs.readFileSync(new URL('../../client/generated/persisted-documents.json', import.meta.url), 'utf8')) as Record<
  string,
  string
>;
const idOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;
const bearer = async (api: TestApi, role: Parameters<TestApi['token']>[0]) => ({ authorization: `Bearer ${await api.token(role)}` });

/** Production as `NODE_ENV=production` configures it, with administrators allowed their own documents. */
const PRODUCTION = {
  scale: 0.01,
  api: { production: true, introspection: false, trustedDocuments: true, arbitraryDocumentRoles: ['admin' as const] },
};

describe('trusted documents (persisted-documents manifest) in production', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(PRODUCTION);
  });
  afterAll(() => api?.close());

  it('refuses a document that is not in the manifest, before running it, with UNTRUSTED_DOCUMENT', async () => {
    for (const headers of [await bearer(api, 'operator'), {}]) {
      const res = await api.post({ query: '{ workers(first: 1) { edges { node { nik } } } }' }, headers);
      const body = (await res.json()) as { data?: unknown; errors: Array<{ message: string; extensions: { code: string } }> };
      expect(res.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0]!.extensions.code).toBe('UNTRUSTED_DOCUMENT');
      expect(body.errors[0]!.message).toMatch(/documentId/);
    }
    // One changed character makes it another document.
    const text = manifest[idOf(WorkersPageDocument)]!.replace('hasNextPage', 'hasPreviousPage');
    const res = await api.post({ query: text, variables: { first: 1 } }, await bearer(api, 'operator'));
    expect(res.status).toBe(400);
  });

  it('runs a manifest document named by documentId, or by Apollo’s persistedQuery hash, as the same text would run', async () => {
    const id = idOf(WorkersPageDocument);
    expect(Object.keys(manifest)).toContain(id);
    const variables = { first: 3, filter: { kecamatan: '64.02.06' } };
    const byId = await api.post({ documentId: id, variables }, await bearer(api, 'operator'));
    const byHash = await api.post(
      { variables, extensions: { persistedQuery: { version: 1, sha256Hash: id.slice('sha256:'.length) } } },
      await bearer(api, 'operator'),
    );
    // The manifest's exact text is the same trusted document, for any role.
    const asText = await api.gql(manifest[id]!, variables, { role: 'operator' });
    expect(byId.status).toBe(200);
    const answer = (await byId.json()) as { data: { workers: { edges: unknown[] } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.workers.edges).toHaveLength(3);
    expect(await byHash.json()).toEqual(answer);
    expect(asText.body).toEqual(answer);
  });

  it('keeps masking on trusted documents: a viewer gets the claim screen masked', async () => {
    const claim = (await api.db.pool.query('select id from claim order by id limit 1')).rows[0].id;
    const res = await api.post(
      { documentId: idOf(ClaimByIdDocument), variables: { id: Buffer.from(`Claim:${claim}`).toString('base64url') } },
      await bearer(api, 'viewer'),
    );
    const body = (await res.json()) as { data: { node: { enrolment: { worker: { nik: string } } } } };
    expect(body.data.node.enrolment.worker.nik).toMatch(/^[0-9]{4}\*{12}$/);
  });

  it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND', async () => {
    const res = await api.post({ documentId: `sha256:${'0'.repeat(64)}` }, await bearer(api, 'operator'));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });

  it('lets a role configured for it send an arbitrary document, and no other role', async () => {
    const query = '{ me { role } workers(first: 2) { totalCount } }';
    const admin = await api.gql(query, {}, { role: 'admin' });
    expect(admin.status).toBe(200);
    expect(admin.body.data.me.role).toBe('admin');
    expect(admin.body.data.workers.totalCount).toBe(Number((await api.db.pool.query('select count(*) from worker')).rows[0].count));
    const analyst = await api.gql(query, {}, { role: 'analyst' });
    expect(code(analyst)).toBe('UNTRUSTED_DOCUMENT');
    expect(analyst.body.errors![0]!.message).toMatch(/only admin may send their own/);
  });

  it('serves the example client, which sends documentId', async () => {
    const request = createClient(api.url, await api.token('operator'));
    const page = await workerRows(request, '64.02.06');
    expect(page.rows.length).toBeGreaterThan(0);
    expect(page.rows[0]!.nik).toMatch(/^[0-9]{16}$/);
  });
});

describe('trusted documents over WebSocket in production', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(PRODUCTION);
  });
  afterAll(() => api?.close());

  /** The first error of a subscription, or null when none came within a second (it is running). */
  async function firstError(role: Parameters<TestApi['token']>[0], payload: { query: string; extensions?: Record<string, unknown> }) {
    const client = createWsClient({
      url: api.url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await api.token(role)}` },
      retryAttempts: 0,
    });
    try {
      return await new Promise<any>((resolve) => {
        const timer = setTimeout(() => resolve(null), 1000);
        client.subscribe(payload, {
          next: () => {},
          error: (error) => {
            clearTimeout(timer);
            resolve(error);
          },
          complete: () => {},
        });
      });
    } finally {
      await client.dispose();
    }
  }

  it('refuses a subscription that is not in the manifest, runs the manifest’s by its hash, and lets an allowed role send its own', async () => {
    const own = 'subscription Mine { claimChanged { change claim { id } } }';
    const refused = await firstError('operator', { query: own });
    expect(refused?.[0]?.extensions?.code).toBe('UNTRUSTED_DOCUMENT');
    const [id, text] = Object.entries(manifest).find(([, t]) => t.startsWith('subscription '))!;
    const hash = id.slice('sha256:'.length);
    expect(await firstError('operator', { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } })).toBeNull();
    expect(await firstError('operator', { query: text })).toBeNull();
    const unknown = await firstError('operator', { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(unknown?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(await firstError('admin', { query: own })).toBeNull();
  });
});
