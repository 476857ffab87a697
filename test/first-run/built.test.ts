import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { mintToken } from '../../server/auth/tokens.js';
import type { TestDatabase } from '../helpers/database.js';
import { type PlatformProcess, startPlatform } from '../helpers/platform-process.js';

/**
 * The build production runs (`npm run build`, then `npm run serve`): plain node on dist/, without
 * the TypeScript loader. What only a build can break is checked here: a data file the code reads
 * beside itself (the official region list the seed needs) left out of dist/, or a child process
 * forked as TypeScript. On an empty database with a small demo, as first-run.test.ts does for
 * `npm start`.
 */
const SCALE = '0.05';

let platform: PlatformProcess;
let db: TestDatabase;
let base: string;

beforeAll(async () => {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  platform = await startPlatform(['dist/server/main.js'], { demoScale: SCALE });
  ({ db, base } = platform);
}, 300_000);

afterAll(() => platform?.stop());

describe('npm run serve (the build) on an empty database', () => {
  it('seeds and serves from plain JavaScript, its background work forked as JavaScript too', async () => {
    const children = new Set<string>();
    let ready = false;
    const t0 = Date.now();
    while (!ready && Date.now() - t0 < 120_000 && platform.child.exitCode === null) {
      for (const argv of childArgv(platform.child.pid!)) children.add(argv.join(' '));
      const readyz = await fetch(`${base}/readyz`).catch(() => null);
      ready = readyz?.status === 200;
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(ready, `never ready:\n${platform.output().slice(-3000)}`).toBe(true);

    // The seed and the warehouse run in a child: the build's JavaScript, on plain node.
    const background = [...children].filter((argv) => argv.includes('background.cli'));
    expect(background.length, [...children].join('\n')).toBeGreaterThan(0);
    for (const argv of background) {
      expect(argv).toContain(path.join('dist', 'server', 'background.cli.js'));
      expect(argv).not.toMatch(/tsx/);
    }

    const token = await mintToken(loadConfig({ NODE_ENV: 'test' }).api, { role: 'operator', subject: 'built-test' });
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ claims(first: 2) { totalCount edges { node { claimNo } } } }' }),
    });
    const body = (await res.json()) as { data?: { claims: { totalCount: number; edges: unknown[] } }; errors?: unknown };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const { rows } = await db.pool.query<{ n: number }>('select count(*)::int as n from claim');
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(body.data!.claims.totalCount).toBe(rows[0]!.n);
    expect(body.data!.claims.edges).toHaveLength(2);
  }, 180_000);
});

/** The command lines of a process's children (Linux /proc). */
function childArgv(parent: number): string[][] {
  const found: string[][] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The parent's pid is the second field after the command name in parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) found.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found;
}
