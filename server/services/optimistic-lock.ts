import { ConflictError } from '../../schema/errors.js';

/**
 * The version check every edit makes before it changes anything: a screen sends the version it
 * showed, and a different stored one means someone changed the record meanwhile. `expected`
 * omitted skips the check (the optional `version` arguments, kept optional so existing clients
 * go on working); the entity's own version column still makes two concurrent flushes conflict.
 */
export function checkVersion(record: string, stored: number, expected: number | null | undefined): void {
  if (expected != null && stored !== expected) {
    throw new ConflictError(`${record} was changed by someone else (version ${stored}, you sent ${expected}); reload it and try again`);
  }
}
