import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childModule } from '../platform/child-module.js';
import express, { type Router } from 'express';
import {
  appendixFileName,
  type BriefFormat,
  briefFileName,
  type BriefScope,
  validateBriefOptions,
  withDefaultRegion,
  writeBriefs,
  type WrittenBrief,
} from '../analytics/index.js';
import type { WarehouseReader } from '../platform/warehouse-reader.js';
import { DomainError, ForbiddenError, UnauthenticatedError, ValidationError, WarehouseNotReadyError } from '../schema/errors.js';
import { narrowTo, type RegionScope, scopeClaim } from '../schema/region-scope.js';
import type { Principal } from './auth/roles.js';

/**
 * `POST /briefs`: writes a brief on demand into the folder served at /briefs/ and answers with the
 * files' URLs. Body: `{ "year": 2023, "compareTo": 2022, "region": "64.02", "lang": ["id", "en"],
 * "format": ["html", "md", "pdf"], "sponsor": "PEMKAB-KUKAR" }` (all but `year` optional). Any
 * signed-in role: a brief holds aggregates only, of a region inside the caller's scope (briefRegion).
 * HTML and Markdown are written in this process; PDFs in a child process running the brief command,
 * so that Chromium's driver and its async hook (issue 13 measured its cost on every request) never
 * load into the server.
 */

const BRIEF_CLI = childModule(import.meta.url, '../analytics/brief/brief.cli');

export interface BriefRouteOptions {
  verify(authorization: string | undefined): Promise<Principal | null>;
  warehouse: WarehouseReader;
  warehouseDir: string;
  briefsDir: string;
  chromiumPath: string;
  /** Where the files are served (default /briefs). */
  urlBase?: string;
}

interface BriefRequest {
  year?: number;
  compare?: number;
  langs: string[];
  formats: string[];
  scope: BriefScope;
}

const list = (value: unknown, fallback: string[]): string[] =>
  value === undefined ? fallback : Array.isArray(value) ? value.map(String) : String(value).split(',');

function parseBody(body: unknown): BriefRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ValidationError('body', 'must be a JSON object');
  const b = body as Record<string, unknown>;
  const year = (field: string, v: unknown) => {
    if (v !== undefined && !Number.isInteger(v)) throw new ValidationError(field, 'must be a whole year');
    return v as number | undefined;
  };
  if (b.sponsor !== undefined && typeof b.sponsor !== 'string') throw new ValidationError('sponsor', 'must be a sponsor code');
  if (b.region !== undefined && typeof b.region !== 'string') throw new ValidationError('region', 'must be a province or regency code');
  const request: BriefRequest = {
    year: year('year', b.year),
    compare: year('compareTo', b.compareTo),
    langs: list(b.lang, ['id']),
    formats: list(b.format, ['html']),
    scope: {
      ...(b.region === undefined ? {} : { region: b.region as string }),
      ...(b.sponsor === undefined ? {} : { sponsor: b.sponsor as string }),
    },
  };
  if (request.year === undefined) throw new ValidationError('year', 'is required');
  validateBriefOptions(request);
  return request;
}

/** The PDFs, printed by the brief command in its own process; its exit code 2 is a bad option. */
function printPdfs(options: BriefRouteOptions, request: BriefRequest): Promise<void> {
  const args = ['--year', String(request.year), '--format', 'pdf', '--lang', request.langs.join(','), '--out', options.briefsDir];
  if (request.compare !== undefined) args.push('--compare', String(request.compare));
  if (request.scope.region) args.push('--region', request.scope.region);
  if (request.scope.sponsor) args.push('--sponsor', request.scope.sponsor);
  args.push('--warehouse', options.warehouseDir, '--chromium', options.chromiumPath);
  const child = fork(BRIEF_CLI.file, args, {
    execArgv: BRIEF_CLI.execArgv,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      const message = stderr.trim().split('\n').pop() ?? 'the PDF was not written';
      reject(code === 2 ? new ValidationError('format', message) : new Error(`brief PDF: ${message}`));
    });
  });
}

interface Written {
  year: number;
  /** The region the brief is about (absent: the whole warehouse). */
  region?: string;
  compare: number;
  /** The snapshot the HTML and Markdown read (the PDFs' child reads the same published one, or a newer). */
  snapshotDate?: string;
  files: WrittenBrief[];
}

async function write(options: BriefRouteOptions, asked: BriefRequest): Promise<Written> {
  // The default region first (Kukar's brief on a warehouse of several regencies), so the PDFs' child names its files alike.
  const request = { ...asked, scope: await options.warehouse.pinned((w) => withDefaultRegion(w, asked.scope)) };
  const year = request.year!;
  const compare = request.compare ?? year - 1;
  const inProcess = request.formats.filter((f): f is Exclude<BriefFormat, 'pdf'> => f !== 'pdf');
  const written: Written = { year, compare, ...(request.scope.region ? { region: request.scope.region } : {}), files: [] };
  if (inProcess.length) {
    const result = await writeBriefs({
      warehouse: options.warehouse,
      outDir: options.briefsDir,
      year,
      compare,
      langs: request.langs as Array<'id' | 'en'>,
      formats: inProcess,
      scope: request.scope,
    });
    written.snapshotDate = result.content.snapshot.snapshotDate;
    written.files.push(...result.files);
  }
  if (request.formats.includes('pdf')) {
    await printPdfs(options, { ...request, compare });
    for (const lang of request.langs as Array<'id' | 'en'>) {
      const named = [
        { file: briefFileName(year, compare, lang, 'pdf', request.scope), format: 'pdf' as const, part: 'brief' as const },
        { file: appendixFileName(year, compare, lang, 'html', request.scope), format: 'html' as const, part: 'appendix' as const },
      ];
      for (const { file, format, part } of named) {
        if (written.files.some((f) => f.file === file)) continue;
        const at = path.join(options.briefsDir, file);
        written.files.push({ file, path: at, lang, format, part, bytes: fs.statSync(at).size });
      }
    }
  }
  return written;
}

/** A brief is about a whole regency (64.02) or a province (64): the shapes writeBriefs takes. */
const BRIEF_REGION = /^\d{2}(\.\d{2})?$/;

/**
 * The region of the caller's brief: the one asked for, narrowed to their scope (schema/region-scope.ts
 * narrowTo: FORBIDDEN when the two do not meet; a province asked by a regency's user is that regency's
 * brief), or without one the scope's own region. A brief covers a whole regency or province, so a
 * scope of kecamatan only gets none: its regency's figures are wider than the scope. The warehouse
 * holds no row-level security, so this check is the one that holds here.
 */
export function briefRegion(scope: RegionScope, asked: string | undefined): string | undefined {
  const narrowed = asked === undefined ? scope : narrowTo(scope, asked);
  if (narrowed.national) return undefined;
  const [only, ...more] = narrowed.codes;
  if (only !== undefined && more.length === 0 && BRIEF_REGION.test(only)) return only;
  const whole = narrowed.codes.filter((code) => BRIEF_REGION.test(code));
  if (whole.length === 0) {
    throw new ForbiddenError(
      `a brief covers a whole regency or province; your scope (${scopeClaim(scope).join(', ')}) covers ${asked === undefined ? 'neither' : `only part of ${asked}`}`,
    );
  }
  throw new ValidationError('region', `is required: your scope covers ${whole.join(', ')}; ask for one of them`);
}

function status(error: unknown): number {
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ValidationError) return 400;
  if (error instanceof WarehouseNotReadyError) return 503;
  return 500;
}

export function briefRouter(options: BriefRouteOptions): Router {
  const router = express.Router();
  const base = options.urlBase ?? '/briefs';
  // One brief at a time: each is a few seconds of a 2-core machine, and files of one period share names.
  let queue: Promise<unknown> = Promise.resolve();
  router.post('/', express.json({ limit: '4kb' }), async (req, res) => {
    try {
      const user = await options.verify(req.headers.authorization);
      if (!user) throw new UnauthenticatedError();
      const asked = parseBody(req.body);
      const region = briefRegion(user.scope, asked.scope.region);
      const request: BriefRequest = { ...asked, scope: { ...asked.scope, region } };
      if (region === undefined) delete request.scope.region;
      const run = queue.then(() => write(options, request));
      queue = run.catch(() => undefined);
      const written = await run;
      res.status(201).json({
        ...written,
        files: written.files.map(({ file, lang, format, part, bytes }) => ({ url: `${base}/${file}`, file, lang, format, part, bytes })),
      });
    } catch (error) {
      const code = status(error);
      if (code === 401) res.setHeader('www-authenticate', 'Bearer');
      const known = error instanceof DomainError;
      res.status(code).json({
        error: {
          code: known ? (error as DomainError & { code: string }).code : 'INTERNAL',
          ...(error instanceof ValidationError ? { field: error.field } : {}),
          message: known ? (error as Error).message : 'the brief could not be written',
        },
      });
    }
  });
  return router;
}
