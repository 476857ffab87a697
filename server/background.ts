import { fork } from 'node:child_process';
import { childModule } from '../platform/child-module.js';
import { forwardLogLine, type Logger } from '../platform/logger.js';
import { createProgress, type ProgressLine } from '../platform/progress.js';

/** What the background process (server/background.cli.ts) tells the server, over Node's IPC channel. */
export type BackgroundMessage =
  | { type: 'log'; line: string }
  | { type: 'exit' }
  | { type: 'waiting' }
  | { type: 'progress'; line: ProgressLine }
  | { type: 'state'; part: 'operational'; state: OperationalState }
  | { type: 'state'; part: 'warehouse'; state: WarehouseState }
  | { type: 'state'; part: 'briefs'; state: BriefsState };

export type OperationalState = 'migrating' | 'checking' | 'seeding' | 'ready' | 'failed';
export type WarehouseState = 'waiting' | 'filling' | 'published' | 'busy' | 'failed';
export type BriefsState = 'waiting' | 'writing' | 'written' | 'failed';

export interface Readiness {
  /** The operational data is in place and the API serves it; the warehouse may still be filling. */
  ready: boolean;
  operational: OperationalState;
  warehouse: WarehouseState;
  briefs: BriefsState;
  /** What is still to come, in words, for /readyz's body. */
  pending: string[];
}

// background.cli.ts, or its build beside this file's (platform/child-module.ts).
const CHILD = childModule(import.meta.url, './background.cli');

// In the progress area these show as "snapshot 7 of 24" and its tables; as lines they would bury the rest (24 × 12 of them).
const SHOWN_AS_PROGRESS = new Set(['etl: run started', 'etl: table loaded', 'etl: snapshot published']);

/**
 * The server's side of the heavy work: the seed, the warehouse's first fill, the briefs and the
 * nightly snapshot run in a child process, so this process's event loop only serves HTTP and
 * /healthz answers at once throughout. The child's log lines and progress come back over IPC
 * and are written here, so they share this terminal's one progress area.
 */
export class Background {
  private state: Omit<Readiness, 'ready' | 'pending'> = { operational: 'migrating', warehouse: 'waiting', briefs: 'waiting' };
  private progressDetail: string | undefined;
  private readonly progress: ReturnType<typeof createProgress>;

  /** `area`: progress in the terminal's progress area (human logs on a terminal), else as log lines every 5 s. */
  constructor(
    private readonly log: Logger,
    private readonly env: NodeJS.ProcessEnv,
    private readonly area: boolean,
  ) {
    this.progress = createProgress(log, { area });
  }

  readiness(): Readiness {
    const { operational, warehouse, briefs } = this.state;
    const pending: string[] = [];
    const now = this.progressDetail ? ` (${this.progressDetail})` : '';
    if (operational !== 'ready') pending.push(`operational data: ${operational}${operational === 'seeding' ? now : ''}`);
    if (warehouse !== 'published') pending.push(`warehouse: ${warehouse}${warehouse === 'filling' ? now : ''}`);
    if (briefs !== 'written') pending.push(`briefs: ${briefs}`);
    return { ready: operational === 'ready', ...this.state, pending };
  }

  set operational(state: OperationalState) {
    this.state.operational = state;
  }

  private goAllowed = false;
  private childWaiting = false;

  /**
   * Lets a first run begin: the child waits for this until the server has migrated the database.
   * Sent once the child says it listens ('waiting'), since a message sent earlier would be lost.
   */
  go(): void {
    this.goAllowed = true;
    if (this.childWaiting) this.child?.send({ type: 'go' });
  }

  /** A child is running (the first run, or a nightly one). */
  get busy(): boolean {
    return this.child !== undefined;
  }

  /** Runs the child with `args` to its end; resolves with its exit code. */
  run(args: string[], onState?: (message: Extract<BackgroundMessage, { type: 'state' }>) => void): Promise<number> {
    const child = fork(CHILD.file, args, {
      env: this.env,
      execArgv: CHILD.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.childWaiting = false;
    child.on('message', (message: BackgroundMessage) => {
      if (message.type === 'log') {
        if (!(this.area && SHOWN_AS_PROGRESS.has(messageOf(message.line) ?? ''))) forwardLogLine(this.log, message.line);
      } else if (message.type === 'progress') {
        this.progressDetail = message.line.done
          ? undefined
          : `${message.line.label.trim()}: ${message.line.rows} ${message.line.unit ?? 'rows'}`;
        this.progress(message.line);
      } else if (message.type === 'waiting') {
        this.childWaiting = true;
        if (this.goAllowed) child.send({ type: 'go' });
      } else if (message.type === 'state') {
        (this.state as Record<string, string>)[message.part] = message.state;
        onState?.(message);
      }
    });
    return new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.child = undefined;
        resolve(code ?? (signal ? 128 : 1));
      });
    });
  }

  private child: ReturnType<typeof fork> | undefined;

  /** Stops a running child (SIGTERM): a seed rolls back, an ETL run is left for the next run's recovery. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(force);
  }
}

function messageOf(line: string): string | undefined {
  try {
    return (JSON.parse(line) as { msg?: string }).msg;
  } catch {
    return undefined;
  }
}
