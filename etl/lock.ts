import fs from 'node:fs';
import os from 'node:os';

/**
 * One ETL run at a time per warehouse, across processes (the CLI, the server's scheduler,
 * a cron job) and within one. The lock is a file created with O_EXCL holding the owner's
 * pid and process start time; a lock whose owner is gone (kill -9) is stale and taken over
 * without anyone's help. The start time guards against a recycled pid.
 */
export class RunRefusedError extends Error {
  constructor(readonly holder: LockInfo) {
    super(
      `another ETL run is in progress (pid ${holder.pid} on ${holder.host}, ${holder.what}, since ${holder.since}); ` +
        'it was left alone and this run did nothing. Try again when it has finished (see `npm run etl -- --status`).',
    );
    this.name = 'RunRefusedError';
  }
}

export interface LockInfo {
  pid: number;
  startTime: string | null;
  host: string;
  since: string;
  what: string;
}

export interface HeldLock {
  release(): void;
}

const held = new Set<string>();

export function acquireLock(file: string, what: string): HeldLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (held.has(file)) throw new RunRefusedError(readLock(file) ?? ownInfo(what));
    const info = ownInfo(what);
    // link() publishes the lock complete or not at all: nobody ever reads a half-written one.
    const draft = `${file}.${process.pid}.draft`;
    fs.writeFileSync(draft, JSON.stringify(info));
    try {
      fs.linkSync(draft, file);
      held.add(file);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          held.delete(file);
          fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(draft, { force: true });
    }
    const holder = readLock(file);
    if (holder && isOwnerAlive(holder)) throw new RunRefusedError(holder);
    // Stale (its process is gone) or half-written by a process killed while writing it.
    // Rename first so that of two processes recovering at once only one removes it.
    const grave = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, grave);
      fs.rmSync(grave, { force: true });
    } catch {
      // Someone else recovered it first; try again.
    }
  }
  throw new Error(`could not take the ETL lock ${file}`);
}

export function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function ownInfo(what: string): LockInfo {
  return { pid: process.pid, startTime: startTime(process.pid), host: os.hostname(), since: new Date().toISOString(), what };
}

function isOwnerAlive(info: LockInfo): boolean {
  // A lock from another machine (a shared folder) cannot be checked: treat it as held.
  if (info.host !== os.hostname()) return true;
  if (!isAlive(info.pid)) return false;
  const now = startTime(info.pid);
  return info.startTime === null || now === null || now === info.startTime;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot (Linux). */
function startTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
