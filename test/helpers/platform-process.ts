import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from './database.js';
import { freePort } from '../../platform/free-port.js';

/** The platform as a user starts it, in a child process, on an empty database and data folder. */
export interface PlatformProcess {
  db: TestDatabase;
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGTERM, wait for the exit, drop the database and the data folder. */
  stop(): Promise<void>;
}

/** `entry`: node's arguments (`['--import', 'tsx', 'server/main.ts']` is `npm start`); a small demo (DEMO_SCALE) so the seed lasts seconds. */
export async function startPlatform(entry: string[], options: { demoScale: string }): Promise<PlatformProcess> {
  const db = await createTestDatabase({ migrated: false });
  // The platform's data folder must be reachable by the OS user postgres (platform/db/embedded.ts), so not under a mode-700 tmp.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-platform-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const child = spawn(process.execPath, entry, {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      LINDUNG_DATA_DIR: dataDir,
      DEMO_SCALE: options.demoScale,
      PORT: String(port),
      LOG_FORMAT: 'json',
      CHROMIUM_PATH: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return {
    db,
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
