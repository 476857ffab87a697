import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import { numericKey } from '../../schema/types/global-id.js';
import { parseKecamatanCode } from '../../schema/validation.js';
import { base64url, dateSql, type TypeName } from './catalogue.js';
import type { Statement } from './compile.js';

/**
 * The root connections: their order (the same as the services', ending with the id so the order
 * is total), the cursor MikroORM writes for that order, and the filter as SQL. Filters mirror
 * the services' `list` methods condition for condition; a filter the compiler does not know
 * sends the field to the ORM path.
 */
export interface ConnectionSpec {
  type: TypeName;
  /** Leading order column (besides `id`) and its cursor encoding, or none: order by id alone. */
  key?: { column: string; cast: 'date' };
  direction: 'asc' | 'desc';
  where(filter: Record<string, unknown>, st: Statement, user: { seesPersonalData: boolean } | null): string[];
}

type Filter = Record<string, unknown>;
const KNOWN: Record<string, string[]> = {
  workers: ['kecamatan', 'occupation', 'sector', 'sponsorId', 'enrolmentStatus', 'search'],
  claims: ['status', 'programme', 'enrolmentId', 'kecamatan', 'submittedFrom', 'submittedTo', 'paidFrom', 'paidTo'],
  enrolments: ['sponsorId', 'workerId', 'status', 'startFrom', 'startTo'],
  contributions: ['sponsorId', 'enrolmentId', 'fromMonth', 'toMonth'],
};

const list = (v: unknown): unknown[] | null => (Array.isArray(v) && v.length > 0 ? v : null);

function kecamatanRange(field: string, code: unknown, column: string, st: Statement): string {
  const kecamatan = parseKecamatanCode(field, code as string);
  return `${column} >= ${st.param(kecamatan, 'text')} and ${column} <= ${st.param(`${kecamatan}.9999`, 'text')}`;
}

function range(field: string, column: string, from: unknown, to: unknown, st: Statement, out: string[], message?: string): void {
  if (from && to && (from as string) > (to as string)) throw new ValidationError(`${field}To`, message ?? 'must not be before From');
  if (from) out.push(`${column} >= ${st.param(from, 'date')}`);
  if (to) out.push(`${column} <= ${st.param(to, 'date')}`);
}

export const CONNECTIONS: Record<string, ConnectionSpec> = {
  workers: {
    type: 'Worker',
    direction: 'asc',
    where(f, st, user) {
      const out: string[] = [];
      if (f.kecamatan) out.push(kecamatanRange('filter.kecamatan', f.kecamatan, 't.region_code', st));
      if (list(f.occupation)) out.push(`t.occupation = any(${st.param(f.occupation, 'text[]')})`);
      if (f.sector) out.push(`t.sector = ${st.param(f.sector, 'text')}`);
      if (f.sponsorId || list(f.enrolmentStatus)) {
        const sub: string[] = [];
        if (f.sponsorId) sub.push(`e.sponsor_id = ${st.param(numericKey('filter.sponsorId', f.sponsorId as string, 'Sponsor'), 'bigint')}`);
        if (list(f.enrolmentStatus)) sub.push(`e.status = any(${st.param(f.enrolmentStatus, 'text[]')})`);
        out.push(`t.id in (select e.worker_id from enrolment e where ${sub.join(' and ')})`);
      }
      if (f.search) {
        if (!user?.seesPersonalData) throw new ForbiddenError('search needs personal-data access');
        const term = (f.search as string).trim();
        if (term.length < 3 || term.length > 100) throw new ValidationError('filter.search', 'must be 3 to 100 characters');
        if (/^[0-9]{16}$/.test(term)) out.push(`t.nik = ${st.param(term, 'text')}`);
        else if (/^[0-9]+$/.test(term)) out.push(`t.nik like ${st.param(`${term}%`, 'text')}`);
        else out.push(`t.full_name ilike ${st.param(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, 'text')}`);
      }
      return out;
    },
  },
  claims: {
    type: 'Claim',
    key: { column: 'submitted_date', cast: 'date' },
    direction: 'desc',
    where(f, st) {
      const out: string[] = [];
      if (list(f.status)) out.push(`t.status = any(${st.param(f.status, 'text[]')})`);
      if (list(f.programme)) out.push(`t.programme = any(${st.param(f.programme, 'text[]')})`);
      if (f.enrolmentId) {
        out.push(`t.enrolment_id = ${st.param(numericKey('filter.enrolmentId', f.enrolmentId as string, 'Enrolment'), 'bigint')}`);
      }
      if (f.kecamatan) {
        out.push(
          `exists (select 1 from enrolment e join worker w on w.id = e.worker_id where e.id = t.enrolment_id and ` +
            `${kecamatanRange('filter.kecamatan', f.kecamatan, 'w.region_code', st)})`,
        );
      }
      range('filter.submitted', 't.submitted_date', f.submittedFrom, f.submittedTo, st, out);
      range('filter.paid', 't.paid_date', f.paidFrom, f.paidTo, st, out);
      return out;
    },
  },
  enrolments: {
    type: 'Enrolment',
    key: { column: 'start_date', cast: 'date' },
    direction: 'desc',
    where(f, st) {
      const out: string[] = [];
      if (f.sponsorId) out.push(`t.sponsor_id = ${st.param(numericKey('filter.sponsorId', f.sponsorId as string, 'Sponsor'), 'bigint')}`);
      if (f.workerId) out.push(`t.worker_id = ${st.param(numericKey('filter.workerId', f.workerId as string, 'Worker'), 'bigint')}`);
      if (list(f.status)) out.push(`t.status = any(${st.param(f.status, 'text[]')})`);
      range('filter.start', 't.start_date', f.startFrom, f.startTo, st, out);
      return out;
    },
  },
  contributions: {
    type: 'Contribution',
    key: { column: 'period', cast: 'date' },
    direction: 'desc',
    where(f, st) {
      const out: string[] = [];
      if (f.sponsorId) out.push(`t.sponsor_id = ${st.param(numericKey('filter.sponsorId', f.sponsorId as string, 'Sponsor'), 'bigint')}`);
      if (f.enrolmentId) {
        out.push(`t.enrolment_id = ${st.param(numericKey('filter.enrolmentId', f.enrolmentId as string, 'Enrolment'), 'bigint')}`);
      }
      range('filter.month', 't.period', f.fromMonth, f.toMonth, st, out);
      return out;
    },
  },
};

/** Only filters whose every given field the compiler knows. */
export function knownFilter(root: string, filter: Filter): boolean {
  const known = KNOWN[root] ?? [];
  return Object.entries(filter).every(([k, v]) => v === undefined || v === null || known.includes(k));
}

/** The edge cursor MikroORM's `Cursor.from` writes: base64url of the JSON array of the order's values. */
export function cursorSql(spec: ConnectionSpec): string {
  const values = spec.key ? `'["' || ${dateSql(`t.${spec.key.column}`)} || '",' || t.id || ']'` : `'[' || t.id || ']'`;
  return base64url(values);
}
