import { type EntityClass, type FilterQuery, helper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { BudgetAllocation } from '../schema/entities/budget-allocation.entity.js';
import { Claim } from '../schema/entities/claim.entity.js';
import { Contribution } from '../schema/entities/contribution.entity.js';
import { Employer } from '../schema/entities/employer.entity.js';
import { Enrolment } from '../schema/entities/enrolment.entity.js';
import { Region } from '../schema/entities/region.entity.js';
import { Sponsor } from '../schema/entities/sponsor.entity.js';
import { Worker } from '../schema/entities/worker.entity.js';

/**
 * Per-request batching: every nested field loads through one of these, so a page of 100
 * workers with their enrolments and claims costs one query per level, not one per row.
 */
export function createLoaders(em: EntityManager) {
  const recent = new Map<number, DataLoader<number, Contribution[]>>();
  return {
    worker: byId(em, Worker),
    enrolment: byId(em, Enrolment),
    claim: byId(em, Claim),
    sponsor: byId(em, Sponsor),
    employer: byId(em, Employer),
    region: new DataLoader<string, Region | undefined>(async (codes) => {
      const rows = await em.find(Region, { code: { $in: [...codes] } });
      const map = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => map.get(c));
    }),
    enrolmentsOfWorker: groupedBy(em, Enrolment, 'worker', { startDate: 'asc', id: 'asc' }),
    claimsOfEnrolment: groupedBy(em, Claim, 'enrolment', { submittedDate: 'asc', id: 'asc' }),
    budgetsOfSponsor: groupedBy(em, BudgetAllocation, 'sponsor', { fiscalYear: 'asc', kind: 'asc' }),
    /** The `last` most recent contribution rows of each enrolment (one window query per batch). */
    recentContributions(last: number): DataLoader<number, Contribution[]> {
      let loader = recent.get(last);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const rows = await em.execute<Record<string, unknown>[]>(
            `select * from (
               select c.*, row_number() over (partition by c.enrolment_id order by c.period desc, c.programme) as rn
               from contribution c where c.enrolment_id in (${ids.map(() => '?').join(',')})
             ) ranked where rn <= ? order by enrolment_id, period desc, programme`,
            [...ids, last],
          );
          const grouped = new Map<number, Contribution[]>(ids.map((id) => [id, []]));
          for (const row of rows) {
            delete row.rn;
            const entity = em.map(Contribution, row);
            grouped.get(Number(row.enrolment_id))?.push(entity);
          }
          return ids.map((id) => grouped.get(id)!);
        });
        recent.set(last, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

function byId<T extends { id: number }>(em: EntityManager, entity: EntityClass<T>) {
  return new DataLoader<number, T | undefined>(async (ids) => {
    // Rows already loaded in this request (e.g. the page itself) need no query.
    const uow = em.getUnitOfWork();
    const cached = new Map<number, T>();
    for (const id of ids) {
      const found = uow.getById<T>(entity.name, id as never);
      if (found && helper(found).__initialized) cached.set(id, found);
    }
    const missing = ids.filter((id) => !cached.has(id));
    if (missing.length > 0) {
      const rows = await em.find(entity, { id: { $in: missing } } as unknown as FilterQuery<T>);
      for (const row of rows) cached.set(row.id, row);
    }
    return ids.map((id) => cached.get(id));
  });
}

function groupedBy<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  parent: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
) {
  return new DataLoader<number, T[]>(async (ids) => {
    const rows = await em.find(entity, { [parent]: { $in: [...ids] } } as FilterQuery<T>, { orderBy: orderBy as never });
    const grouped = new Map<number, T[]>(ids.map((id) => [id, []]));
    for (const row of rows) grouped.get((row[parent] as { id: number }).id)?.push(row);
    return ids.map((id) => grouped.get(id)!);
  });
}
