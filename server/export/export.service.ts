import { randomBytes } from 'node:crypto';
import { astFromValue, type GraphQLInputType, type GraphQLSchema, valueFromASTUntyped } from 'graphql';
import { ValidationError } from '../../schema/errors.js';
import { isRole, PERSONAL_DATA_ROLES, type Principal } from '../auth/roles.js';
import { ClaimService } from '../services/claim.service.js';
import { ContributionService } from '../services/contribution.service.js';
import { EnrolmentService } from '../services/enrolment.service.js';
import type { ServiceDeps } from '../services/service-deps.js';
import { WorkerService } from '../services/worker.service.js';
import type { ListArgs } from '../read/list-query.js';
import { EXPORT_KINDS, type ExportFormat, type ExportKind, type ExportLanguage } from './export-kinds.js';
import { signExportLink } from './export-link.js';

/** How long a download URL works: long enough to click, short enough that a leaked one is soon useless. */
export const EXPORT_URL_TTL_SECONDS = 300;
/** Where the server serves downloads (server/app.ts mounts the router there). */
export const EXPORT_PATH = '/exports';

export interface ExportTicket {
  /** Path on this server, e.g. `/exports/12.1796131200.…`; resolve it against the API's origin. */
  url: string;
  expiresAt: Date;
  fileName: string;
  kind: ExportKind;
  format: ExportFormat;
  language: ExportLanguage;
}

export interface ExportRecord {
  id: string;
  actor: string;
  principal: Principal;
  kind: ExportKind;
  format: ExportFormat;
  language: ExportLanguage;
  filter: Record<string, unknown>;
  where: Record<string, unknown> | null;
  orderBy: unknown[] | null;
  expiresAt: Date;
  urlKey: Buffer;
}

/** What an export request lists: the connection's own `filter`, `where` and `orderBy`. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  language: ExportLanguage;
  filter: Record<string, unknown> | null | undefined;
  where?: Record<string, unknown> | null;
  orderBy?: Array<{ field: string; direction?: 'ASC' | 'DESC' | null }> | null;
}

/**
 * Records export requests and their downloads in export_log (migration 20261202300000). A
 * request is checked the way the list checks its filter, by running the list's own method for one
 * row, so bad input is refused naming its field before any URL exists.
 */
export class ExportService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(schema: GraphQLSchema, request: ExportRequest): Promise<ExportTicket> {
    const user = this.deps.user;
    if (!user) throw new ValidationError('token', 'an export is made for a signed-in user');
    const filter = request.filter ?? {};
    const list = { where: request.where ?? null, orderBy: request.orderBy ?? null };
    await this.checkFilter(request.kind, filter, list);
    const spec = EXPORT_KINDS[request.kind];
    const key = randomBytes(32);
    const [row] = await this.deps.em.execute<{ id: string; expires_at: Date }[]>(
      `insert into export_log (actor, principal, kind, format, language, filter, list_where, list_order, request_id, expires_at, url_key)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?), ?) returning id::text, expires_at`,
      [
        user.subject,
        JSON.stringify(user),
        request.kind,
        request.format,
        request.language,
        JSON.stringify(wireForm(schema, spec.filterType, filter)),
        list.where ? JSON.stringify(wireForm(schema, spec.whereType, list.where)) : null,
        list.orderBy ? JSON.stringify(list.orderBy.map((o) => ({ field: o.field, direction: o.direction ?? 'ASC' }))) : null,
        this.deps.requestId,
        EXPORT_URL_TTL_SECONDS,
        key,
      ],
    );
    const expiresAt = new Date(row!.expires_at);
    return {
      url: `${EXPORT_PATH}/${signExportLink(key, { id: row!.id, subject: user.subject, expiresAt })}`,
      expiresAt,
      fileName: `${spec.fileStem[request.language]}-${this.deps.today()}.${request.format}`,
      kind: request.kind,
      format: request.format,
      language: request.language,
    };
  }

  async find(id: string): Promise<ExportRecord | null> {
    const [row] = await this.deps.em.execute<Record<string, unknown>[]>(
      'select id::text, actor, principal, kind, format, language, filter, list_where, list_order, expires_at, url_key from export_log where id = ?',
      [id],
    );
    if (!row) return null;
    const stored = row.principal as Principal;
    if (!isRole(stored.role) || stored.subject !== row.actor) return null;
    return {
      id: row.id as string,
      actor: row.actor as string,
      // As the requester was: their role, region scope and subject; personal-data access follows from the role.
      principal: { ...stored, seesPersonalData: PERSONAL_DATA_ROLES.includes(stored.role) },
      kind: row.kind as ExportKind,
      format: row.format as ExportFormat,
      language: row.language as ExportLanguage,
      filter: row.filter as Record<string, unknown>,
      where: (row.list_where as Record<string, unknown> | null) ?? null,
      orderBy: (row.list_order as unknown[] | null) ?? null,
      expiresAt: new Date(row.expires_at as string),
      urlKey: row.url_key as Buffer,
    };
  }

  async downloadStarted(id: string): Promise<void> {
    await this.deps.em.execute('update export_log set downloads = downloads + 1, last_started_at = now() where id = ?', [id]);
  }

  async downloadFinished(id: string, rows: number): Promise<void> {
    await this.deps.em.execute('update export_log set last_finished_at = now(), row_count = ? where id = ?', [rows, id]);
  }

  private checkFilter(kind: ExportKind, filter: Record<string, unknown>, list: ListArgs): Promise<unknown> {
    const first = { ...list, first: 1 };
    switch (kind) {
      case 'workers':
        return new WorkerService(this.deps).list(filter, first);
      case 'enrolments':
        return new EnrolmentService(this.deps).list(filter, first);
      case 'contributions':
        return new ContributionService(this.deps).list(filter, first);
      case 'claims':
        return new ClaimService(this.deps).list(filter, first);
    }
  }
}

/**
 * The filter as a client would send it (`"2023-01"` for a month held as `2023-01-01`), through
 * each scalar's own serialiser: the download coerces it through the same input types again, as
 * graphql-js coerces a request's variables (export-query.ts).
 */
function wireForm(schema: GraphQLSchema, typeName: string, filter: Record<string, unknown>): unknown {
  const ast = astFromValue(filter, schema.getType(typeName) as GraphQLInputType);
  return ast ? valueFromASTUntyped(ast) : {};
}
