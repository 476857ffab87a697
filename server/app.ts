import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { buildSchema } from 'type-graphql';
import type { Logger } from './logger.js';
import { createRequestContext, type RequestContext } from './context.js';
import { RegionResolver } from './resolvers/region.resolver.js';

export interface ServerOptions {
  orm: MikroORM;
  log: Logger;
  /** Set when the platform is fully up (migrated, seeded); /readyz answers 503 until then. */
  isReady?: () => boolean;
}

export interface LindungServer {
  app: express.Express;
  listen(port: number, host: string): Promise<http.Server>;
  stop(): Promise<void>;
}

/** Builds the HTTP server; the entry point only calls this, and tests build their own. */
export async function createServer(options: ServerOptions): Promise<LindungServer> {
  const schema = await buildSchema({ resolvers: [RegionResolver], validate: false });
  // Apollo's default landing page loads from a CDN, which this network cannot reach.
  const apollo = new ApolloServer<RequestContext>({ schema, plugins: [ApolloServerPluginLandingPageDisabled()] });
  await apollo.start();

  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = (options.isReady?.() ?? true) && (await options.orm.isConnected());
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createRequestContext(options.orm.em, String(req.headers['x-request-id'] ?? randomUUID())),
    }),
  );

  let server: http.Server | undefined;
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve) => {
        server = app.listen(port, host, () => resolve(server!));
      }),
    async stop() {
      await apollo.stop();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
