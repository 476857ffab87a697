import fs from 'node:fs';
import path from 'node:path';

/**
 * The second half of `npm run build`: tsc writes the JavaScript into dist/, this copies every
 * other file the code reads beside itself (the official region list, the warehouse's SQL and YAML
 * models, the client's persisted-documents manifest, seed SQL), so dist/ mirrors the tree and each
 * `new URL('./…', import.meta.url)` finds its file as it does in the sources.
 */
const ROOTS = ['schema', 'platform', 'import', 'seed', 'etl', 'analytics', 'server', 'client'];
const SOURCE = /\.(ts|md)$/;
const root = process.cwd();
const out = path.join(root, 'dist');
let copied = 0;
for (const dir of ROOTS) {
  for (const entry of fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || SOURCE.test(entry.name)) continue;
    const from = path.join(entry.parentPath, entry.name);
    const to = path.join(out, path.relative(root, from));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
    copied++;
  }
}
process.stdout.write(`build: ${copied} data files copied beside the JavaScript in dist/\n`);
