import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express from 'express';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * GraphiQL served from npm packages on this server: Apollo's landing page loads from a CDN,
 * and here nothing may be fetched from the internet at run time. graphiql 4 ships a prebuilt
 * browser bundle that needs React 18's UMD builds (React 19 has none).
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

const EXAMPLE = `# lindung GraphQL API. Paste a token into Headers first:
#   npm run token -- --role operator
query Workers {
  me { subject role seesPersonalData }
  workers(first: 5, filter: { kecamatan: "64.02.06" }) {
    totalCount
    edges { node { id nik fullName occupation enrolments { status programmes sponsor { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

// No inline script, so the page works under a strict Content-Security-Policy.
const BOOT = `
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(React.createElement(GraphiQL, {
  fetcher: GraphiQL.createFetcher({ url: new URL('/graphql', location.href).toString() }),
  defaultQuery: ${JSON.stringify(EXAMPLE)},
  defaultHeaders: JSON.stringify({ Authorization: 'Bearer <npm run token -- --role operator>' }, null, 2),
  shouldPersistHeaders: true,
  defaultEditorToolsVisibility: 'headers',
}));
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>lindung GraphQL IDE</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the IDE…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/boot.js"></script>
</body>
</html>
`;

const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

export function ideRouter(): express.Router {
  for (const asset of Object.values(ASSETS)) {
    if (!fs.existsSync(asset.file)) throw new Error(`GraphiQL asset missing: ${asset.file} (npm ci installs it)`);
  }
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.setHeader('content-security-policy', CSP);
    res.type('html').send(PAGE);
  });
  router.get('/assets/boot.js', (_req, res) => {
    res.type('text/javascript').send(BOOT);
  });
  router.get('/assets/:name', (req, res, next) => {
    const asset = ASSETS[req.params.name];
    if (!asset) return next();
    res.setHeader('cache-control', 'public, max-age=86400');
    res.type(asset.type).sendFile(asset.file);
  });
  return router;
}
