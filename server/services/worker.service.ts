import { checkVersion } from './optimistic-lock.js';
import { recordAuditKey } from '../../schema/audit-key.js';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { Region } from '../../schema/entities/region.entity.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import type { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import type { Occupation } from '../../schema/enums/occupation.enum.js';
import { RegionLevel } from '../../schema/enums/region-level.enum.js';
import type { Sector } from '../../schema/enums/sector.enum.js';
import type { Sex } from '../../schema/enums/sex.enum.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../schema/errors.js';
import type { Page } from '../../schema/types/connection.type.js';
import { numericKey } from '../../schema/types/global-id.js';
import { checkBirthDate, parseKecamatanCode, parseNik, parseOptionalPhone, parseRequiredText } from '../../schema/validation.js';
import { AuditService, snapshot } from './audit.service.js';
import { paginate, type PageArgs } from './pagination.js';
import type { ServiceDeps } from './service-deps.js';

export interface WorkerFilter {
  kecamatan?: string | null;
  occupation?: Occupation[] | null;
  sector?: Sector | null;
  sponsorId?: string | null;
  enrolmentStatus?: EnrolmentStatus[] | null;
  search?: string | null;
}

export interface WorkerFields {
  nik: string;
  fullName: string;
  sex: Sex;
  birthDate: string;
  regionCode: string;
  occupation: Occupation;
  sector: Sector;
  nonAsn?: boolean | null;
  phone?: string | null;
}

/**
 * A kecamatan filter matches the kecamatan and its villages (64.02.06 and 64.02.06.NNNN). Codes
 * have a fixed shape, so that is one range, which the region_code index can serve (a LIKE cannot).
 */
export function inKecamatan(field: string, code: string): FilterQuery<Region> {
  const kecamatan = parseKecamatanCode(field, code);
  return { code: { $gte: kecamatan, $lte: `${kecamatan}.9999` } };
}

export class WorkerService {
  private readonly audit: AuditService;

  constructor(private readonly deps: ServiceDeps) {
    this.audit = new AuditService(deps);
  }

  list(filter: WorkerFilter, page: PageArgs): Promise<Page<Worker>> {
    const { em } = this.deps;
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
    if (filter.search) where.push(this.search(filter.search));
    return paginate(em, Worker, where.length ? { $and: where } : {}, { id: 'asc' }, page, this.deps.pageSizeMax);
  }

  /** Searching by name or NIK would let a masked role probe who is enrolled, so it needs personal-data access. */
  private search(text: string): FilterQuery<Worker> {
    if (!this.deps.user?.seesPersonalData) {
      throw new ForbiddenError(`role ${this.deps.user?.role ?? 'anonymous'} may not search by name or NIK (personal data)`);
    }
    const term = text.trim();
    if (term.length < 3 || term.length > 100) throw new ValidationError('filter.search', 'must be 3 to 100 characters');
    if (/^[0-9]{16}$/.test(term)) return { nik: term };
    if (/^[0-9]+$/.test(term)) return { nik: { $like: `${term}%` } };
    return { fullName: { $ilike: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } };
  }

  async register(input: WorkerFields): Promise<Worker> {
    const { regionCode, ...fields } = await this.validate(input);
    return this.deps.em.transactional(async (em) => {
      const worker = em.create(Worker, { ...fields, region: em.getReference(Region, regionCode) });
      await em.flush();
      this.audit.record(em, { action: 'REGISTER_WORKER', ...recordAuditKey(worker), after: snapshot(worker) });
      return worker;
    });
  }

  async update(id: string, input: Partial<WorkerFields>, version?: number | null): Promise<Worker> {
    const key = numericKey('id', id, 'Worker');
    return this.deps.em.transactional(async (em) => {
      const worker = await em.findOne(Worker, key, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!worker) throw new NotFoundError('id', `worker ${id}`);
      checkVersion('worker', worker.version, version);
      const before = snapshot(worker);
      const merged: WorkerFields = {
        nik: input.nik ?? worker.nik,
        fullName: input.fullName ?? worker.fullName,
        sex: input.sex ?? worker.sex,
        birthDate: input.birthDate ?? worker.birthDate,
        regionCode: input.regionCode ?? worker.region.code,
        occupation: input.occupation ?? worker.occupation,
        sector: input.sector ?? worker.sector,
        nonAsn: input.nonAsn ?? worker.nonAsn,
        phone: input.phone === undefined ? worker.phone : input.phone,
      };
      const { regionCode, ...fields } = await this.validate(merged);
      em.assign(worker, { ...fields, region: em.getReference(Region, regionCode) });
      await em.flush();
      this.audit.record(em, {
        action: 'UPDATE_WORKER',
        ...recordAuditKey(worker),
        before,
        after: snapshot(worker),
      });
      return worker;
    });
  }

  private async validate(input: WorkerFields) {
    parseNik('input.nik', input.nik, { sex: input.sex, birthDate: input.birthDate });
    checkBirthDate('input.birthDate', input.birthDate, this.deps.today());
    const region = await this.deps.loaders.region.load(input.regionCode);
    if (!region) throw new ValidationError('input.regionCode', `${input.regionCode} is not a Kemendagri region code`);
    if (region.level !== RegionLevel.DISTRICT && region.level !== RegionLevel.VILLAGE) {
      throw new ValidationError('input.regionCode', 'must be a kecamatan or village, where the worker lives');
    }
    return {
      nik: input.nik,
      fullName: parseRequiredText('input.fullName', input.fullName),
      sex: input.sex,
      birthDate: input.birthDate,
      regionCode: input.regionCode,
      occupation: input.occupation,
      sector: input.sector,
      nonAsn: input.nonAsn ?? false,
      phone: parseOptionalPhone('input.phone', input.phone),
    };
  }
}
