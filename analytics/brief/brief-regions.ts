import { ValidationError } from '../../schema/errors.js';
import type { WarehouseQueries } from '../metrics/metric-queries.js';
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
