import { day, localDate, type TableSpec } from './table-spec.js';

/**
 * The dimensions and budgets: regions, employers, sponsors, budget allocations and the one in
 * force, and the labour force. History mode keeps every current row of the dimensions (the
 * facts of the past point at them) and the budgets and labour-force years known by the day.
 */

const region: TableSpec = {
  name: 'region',
  grain: 'one row per official region (province, regency, kecamatan, village)',
  columns: [
    { name: 'code', type: 'VARCHAR' },
    { name: 'name', type: 'VARCHAR' },
    { name: 'level', type: 'VARCHAR' },
    { name: 'parent_code', type: 'VARCHAR' },
  ],
  money: [],
  select: () => 'select code, name, level, parent_code from region',
};

const employer: TableSpec = {
  name: 'employer',
  grain: 'one row per company (employers are organisations, not persons)',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'code', type: 'VARCHAR' },
    { name: 'name', type: 'VARCHAR' },
    { name: 'region_code', type: 'VARCHAR' },
    { name: 'industry', type: 'VARCHAR' },
    { name: 'created_date', type: 'DATE' },
  ],
  money: [],
  // Dimensions keep every current row in history too: facts of the past point at them.
  select: (ctx) => `select id, code, name, region_code, industry, ${localDate('created_at', ctx)} from employer`,
};

const sponsor: TableSpec = {
  name: 'sponsor',
  grain: 'one row per funding source (regency budget, company CSR, employer, self-paid)',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'code', type: 'VARCHAR' },
    { name: 'name', type: 'VARCHAR' },
    { name: 'kind', type: 'VARCHAR' },
    { name: 'employer_id', type: 'BIGINT' },
    { name: 'region_code', type: 'VARCHAR' },
    { name: 'created_date', type: 'DATE' },
  ],
  money: [],
  // The government or company that pays has a region (a regency's APBD sponsor is that regency's).
  // Read by name through to_jsonb so the extract runs on a database before and after the column
  // sponsor.region_code arrives (migration 20261202000000): NULL until then, and the warehouse
  // falls back to the sponsor's employer's regency (fct_budget).
  select: (ctx) =>
    `select id, code, name, kind, employer_id, to_jsonb(sponsor) ->> 'region_code' as region_code, ${localDate('created_at', ctx)} from sponsor`,
};

const budgetAllocation: TableSpec = {
  name: 'budget_allocation',
  grain: 'one row per sponsor, fiscal year and kind (ORIGINAL or REVISED)',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'sponsor_id', type: 'BIGINT' },
    { name: 'fiscal_year', type: 'INTEGER' },
    { name: 'kind', type: 'VARCHAR' },
    { name: 'amount', type: 'BIGINT' },
    { name: 'created_date', type: 'DATE' },
  ],
  money: ['amount'],
  select: (ctx) => `select id, sponsor_id, fiscal_year, kind, amount, ${localDate('created_at', ctx)} from budget_allocation
    ${ctx.mode === 'history' ? `where ${localDate('created_at', ctx)} <= ${day(ctx)}` : ''}`,
};

const budgetInForce: TableSpec = {
  name: 'budget_in_force',
  grain: 'one row per sponsor and fiscal year: the allocation in force (REVISED replaces ORIGINAL)',
  columns: [
    { name: 'sponsor_id', type: 'BIGINT' },
    { name: 'fiscal_year', type: 'INTEGER' },
    { name: 'kind', type: 'VARCHAR' },
    { name: 'amount', type: 'BIGINT' },
  ],
  money: ['amount'],
  // Live: PostgreSQL's own view, so the rule has one home. History: the same rule over the allocations known then.
  select: (ctx) =>
    ctx.mode === 'live'
      ? 'select sponsor_id, fiscal_year, kind, amount from budget_in_force'
      : `select distinct on (sponsor_id, fiscal_year) sponsor_id, fiscal_year, kind, amount from budget_allocation
       where ${localDate('created_at', ctx)} <= ${day(ctx)}
       order by sponsor_id, fiscal_year, (kind = 'REVISED') desc`,
};

const workforce: TableSpec = {
  name: 'workforce',
  grain: 'one row per year, kecamatan and sector: workers in the labour force (coverage denominators)',
  columns: [
    { name: 'year', type: 'INTEGER' },
    { name: 'region_code', type: 'VARCHAR' },
    { name: 'sector', type: 'VARCHAR' },
    { name: 'workers', type: 'INTEGER' },
  ],
  money: ['workers'],
  select: (ctx) => `select year, region_code, sector, workers from workforce
    ${ctx.mode === 'history' ? `where year <= extract(year from ${day(ctx)})` : ''}`,
};

export { budgetAllocation, budgetInForce, employer, region, sponsor, workforce };
