import { ValidationError } from '../../schema/errors.js';
import type { WarehouseQueries } from '../metrics/metric-queries.js';
import { KUKAR_CODE } from '../../schema/reference/regions.js';
import type { BriefScope } from './brief-files.js';
import type { BriefPlace } from './common.strings.js';

/**
 * The regions a warehouse's rows hold, named as the region list names them: whatever regencies the
 * demo or the import put there, never a list kept here. A regency is in the warehouse when a worker
 * covered by a membership lives in it or a sponsor there has a budget.
 */

const checked = (code: string) => {
  if (!/^\d{2}(\.\d{2})?$/.test(code)) throw new ValidationError('region', `not a province or regency code: ${code}`);
  return code;
};
const sqlCode = (code: string) => `'${checked(code)}'`;

/** The regencies the rows hold, in code order. */
export async function warehouseRegencies(warehouse: WarehouseQueries, province?: string): Promise<BriefPlace[]> {
  const within = province ? `where starts_with(r.region_code, '${checked(province)}.')` : '';
  return warehouse.query<BriefPlace>(`with held as (
    select regency_code from fct_enrolment_years
    union
    select regency_code from fct_budget
)
select r.region_code as code, r.region_name as name
from held as h
join dim_region as r on r.region_code = h.regency_code and r.region_level = 'REGENCY'
${within}
order by r.region_code`);
}

/** The provinces of those regencies. */
export async function warehouseProvinces(warehouse: WarehouseQueries): Promise<BriefPlace[]> {
  const regencies = await warehouseRegencies(warehouse);
  const codes = [...new Set(regencies.map((r) => r.code.slice(0, 2)))];
  if (codes.length === 0) return [];
  return warehouse.query<BriefPlace>(
    `select region_code as code, region_name as name from dim_region where region_level = 'PROVINCE' and region_code in (${codes
      .map(sqlCode)
      .join(', ')}) order by region_code`,
  );
}

/** A region of the list, at the level a brief needs; a clear error naming what the warehouse has otherwise. */
export async function placeOf(warehouse: WarehouseQueries, code: string, level: 'REGENCY' | 'PROVINCE'): Promise<BriefPlace> {
  const [row] = await warehouse.query<BriefPlace & { level: string }>(
    `select region_code as code, region_name as name, region_level as level from dim_region where region_code = ${sqlCode(code)}`,
  );
  if (!row || row.level !== level) {
    const held = (level === 'REGENCY' ? await warehouseRegencies(warehouse) : await warehouseProvinces(warehouse)).map((r) => r.code);
    throw new ValidationError(
      'region',
      `no ${level === 'REGENCY' ? 'regency' : 'province'} ${code} in the region list; the warehouse holds ${held.join(', ') || 'none'}`,
    );
  }
  return { code: row.code, name: row.name };
}

/**
 * What a brief without a region is about. A warehouse of one regency: the whole warehouse, as it
 * always was. A warehouse of several (the province demo): the source article's regency when it holds
 * it, so that `npm run brief` prints Kutai Kartanegara's figures under its name and never the
 * province's sums under Kukar's title; otherwise the caller must name the region.
 */
export async function withDefaultRegion(warehouse: WarehouseQueries, scope: BriefScope): Promise<BriefScope> {
  if (scope.region !== undefined) return scope;
  const regencies = await warehouseRegencies(warehouse);
  if (regencies.length <= 1) return scope;
  if (regencies.some((r) => r.code === KUKAR_CODE)) return { ...scope, region: KUKAR_CODE };
  throw new ValidationError(
    'region',
    `is required: the warehouse holds ${regencies.length} regencies (${regencies.map((r) => r.code).join(', ')}); give one, or a province for its comparison`,
  );
}
