import type { Programme } from '../schema/enums/programme.enum.js';
import { ReferenceCache } from './reference.cache.js';
import type { Checked, Db } from './importer.js';
import { RowCheck } from './row-check.js';

/** Lookups the importers share. Ids stay strings: BIGINT never passes through a JS number. */

export const kecamatanCache = () =>
  new ReferenceCache<string>(`select code as key from region where level = 'DISTRICT' and code = any($1)`, (r) => String(r.key));

/** Any official region (a sponsor may be a province, a regency, a kecamatan or a village). */
export const regionCache = () => new ReferenceCache<string>(`select code as key from region where code = any($1)`, (r) => String(r.key));

/** `resolve` for kinds whose only reference is a kecamatan (employers, workers, workforce). */
export function resolveKecamatan<Row extends { kecamatanCode: string }>(): (db: Db, rows: readonly Row[]) => Promise<Array<Checked<Row>>> {
  const kecamatan = kecamatanCache();
  return async (db, rows) => {
    await kecamatan.load(
      db,
      rows.map((r) => r.kecamatanCode),
    );
    return rows.map((row) => {
      const check = new RowCheck();
      check.found('kecamatan_code', kecamatan.get(row.kecamatanCode), `no kecamatan with code ${row.kecamatanCode}`);
      return check.result(row);
    });
  };
}

export const employerCache = () =>
  new ReferenceCache<string>(`select code as key, id::text as id from employer where code = any($1)`, (r) => String(r.id));

export const sponsorCache = () =>
  new ReferenceCache<string>(`select code as key, id::text as id from sponsor where code = any($1)`, (r) => String(r.id));

export const workerCache = () =>
  new ReferenceCache<string>(`select nik as key, id::text as id from worker where nik = any($1)`, (r) => String(r.id));

export interface EnrolmentRef {
  id: string;
  sponsorId: string;
  programmes: Programme[];
  startDate: string;
  endDate: string | null;
}

export const enrolmentCache = () =>
  new ReferenceCache<EnrolmentRef>(
    `select membership_no as key, id::text as id, sponsor_id::text as sponsor_id, programmes,
       start_date::text as start_date, end_date::text as end_date
     from enrolment where membership_no = any($1)`,
    (r) => ({
      id: String(r.id),
      sponsorId: String(r.sponsor_id),
      programmes: r.programmes as Programme[],
      startDate: String(r.start_date),
      endDate: r.end_date === null ? null : String(r.end_date),
    }),
  );

/** Contributions and claims: the enrolment must cover the programme. */
export function checkCovered(check: RowCheck, enrolment: EnrolmentRef, membershipNo: string, programme: Programme): void {
  if (!enrolment.programmes.includes(programme)) {
    check.fail('programme', `${programme} is not covered by membership ${membershipNo} (covers ${enrolment.programmes.join(', ')})`);
  }
}

/** Postgres array literal for a list of programme codes (plain capitals, no quoting needed). */
export function pgTextArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}
