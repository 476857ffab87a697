import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import type { Region } from '../../schema/entities/region.entity.js';
import type { Worker } from '../../schema/entities/worker.entity.js';
import type { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import type { Occupation } from '../../schema/enums/occupation.enum.js';
import type { Sector } from '../../schema/enums/sector.enum.js';
import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import { numericKey } from '../../schema/types/global-id.js';
import { parseKecamatanCode } from '../../schema/validation.js';
import type { Principal } from '../auth/roles.js';

export interface WorkerFilter {
  kecamatan?: string | null;
  occupation?: Occupation[] | null;
  sector?: Sector | null;
  sponsorId?: string | null;
  enrolmentStatus?: EnrolmentStatus[] | null;
  search?: string | null;
}

/**
 * A kecamatan filter matches the kecamatan and its villages (64.02.06 and 64.02.06.NNNN). Codes
 * have a fixed shape, so that is one range, which the region_code index can serve (a LIKE cannot).
 */
export function inKecamatan(field: string, code: string): FilterQuery<Region> {
  const kecamatan = parseKecamatanCode(field, code);
  return { code: { $gte: kecamatan, $lte: `${kecamatan}.9999` } };
}

/** The one translation of a worker filter into a query condition: the list, its aggregates and its export all use it. */
export function workerWhere(em: EntityManager, user: Principal | null, filter: WorkerFilter): FilterQuery<Worker> {
  const where: FilterQuery<Worker>[] = [];
  if (filter.kecamatan) where.push({ region: inKecamatan('filter.kecamatan', filter.kecamatan) });
  if (filter.occupation?.length) where.push({ occupation: { $in: filter.occupation } });
  if (filter.sector) where.push({ sector: filter.sector });
  if (filter.sponsorId || filter.enrolmentStatus?.length) {
    const enrolments: FilterQuery<Enrolment> = {};
    if (filter.sponsorId) enrolments.sponsor = numericKey('filter.sponsorId', filter.sponsorId, 'Sponsor');
    if (filter.enrolmentStatus?.length) enrolments.status = { $in: filter.enrolmentStatus };
    const sub = em.createQueryBuilder(Enrolment, 'e').select('e.worker_id').where(enrolments);
    where.push({ id: { $in: sub.getKnexQuery() } } as unknown as FilterQuery<Worker>);
  }
  if (filter.search) where.push(searchCondition(user, filter.search));
  return where.length ? { $and: where } : {};
}

/** Searching by name or NIK would let a masked role probe who is enrolled, so it needs personal-data access. */
function searchCondition(user: Principal | null, text: string): FilterQuery<Worker> {
  if (!user?.seesPersonalData) {
    throw new ForbiddenError(`role ${user?.role ?? 'anonymous'} may not search by name or NIK (personal data)`);
  }
  const term = text.trim();
  if (term.length < 3 || term.length > 100) throw new ValidationError('filter.search', 'must be 3 to 100 characters');
  if (/^[0-9]{16}$/.test(term)) return { nik: term };
  if (/^[0-9]+$/.test(term)) return { nik: { $like: `${term}%` } };
  return { fullName: { $ilike: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } };
}
