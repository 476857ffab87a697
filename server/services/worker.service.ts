import { checkVersion } from './optimistic-lock.js';
import { recordAuditKey } from '../../schema/audit-key.js';
import { LockMode } from '@mikro-orm/core';
import { Region } from '../../schema/entities/region.entity.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import type { Occupation } from '../../schema/enums/occupation.enum.js';
import { RegionLevel } from '../../schema/enums/region-level.enum.js';
import type { Sector } from '../../schema/enums/sector.enum.js';
import type { Sex } from '../../schema/enums/sex.enum.js';
import { NotFoundError, ValidationError } from '../../schema/errors.js';
import type { Page } from '../../schema/types/connection.type.js';
import { numericKey } from '../../schema/types/global-id.js';
import { checkBirthDate, parseNik, parseOptionalPhone, parseRequiredText } from '../../schema/validation.js';
import { AuditService, snapshot } from './audit.service.js';
import { listEntities } from './list-page.js';
import type { ServiceDeps } from './service-deps.js';
import type { ListArgs } from '../read/list-query.js';

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

export class WorkerService {
  private readonly audit: AuditService;

  constructor(private readonly deps: ServiceDeps) {
    this.audit = new AuditService(deps);
  }

  /** A page of workers by `filter`, `where` and `orderBy` (server/read/connections.ts says what each means). */
  list(filter: object, page: ListArgs): Promise<Page<Worker>> {
    return listEntities(this.deps, Worker, 'workers', { ...page, filter });
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
