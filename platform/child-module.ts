import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A module to run in a child process (`fork`), named beside the caller without its extension, and
 * the node options it needs. From the TypeScript sources (`npm start`, tests) it is the `.ts` file
 * under tsx, as the parent runs; from a build (`npm run build`, `npm run serve`) the `.js` file
 * beside the caller's, on plain node. `--inspect` is never passed on: two processes cannot share
 * one debugger port.
 */
export function childModule(callerUrl: string, relative: string): { file: string; execArgv: string[] } {
  const caller = fileURLToPath(callerUrl);
  const ext = path.extname(caller);
  const file = path.join(path.dirname(caller), `${relative}${ext}`);
  const own = process.execArgv.filter((a) => !a.startsWith('--inspect'));
  const execArgv = ext === '.ts' && !runsTsx(own) ? [...own, '--import', 'tsx'] : own;
  return { file, execArgv };
}

function runsTsx(execArgv: string[]): boolean {
  return execArgv.some((a, i) => a.includes('tsx') || (a === '--import' && execArgv[i + 1]?.includes('tsx')));
}
