import { WORKER_KEY_PADS, WORKER_KEY_SQL } from './pseudonym.js';
import { day, type ExtractContext, enrolmentKnown, localDate, type TableSpec } from './table-spec.js';
import { worker } from './worker-table.js';

/**
 * What each warehouse table holds and how it is read out of PostgreSQL. Every extract is a
 * plain SELECT streamed through COPY; `live` reads the rows as they are, `history`
 * reconstructs them as of a past day from their own dates (see etl/README.md, "History").
 * Personal data stops here: no name, NIK, phone, membership number or free text leaves
 * PostgreSQL, and a worker is known only by a keyed hash of their NIK.
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
    { name: 'created_date', type: 'DATE' },
  ],
  money: [],
  select: (ctx) => `select id, code, name, kind, employer_id, ${localDate('created_at', ctx)} from sponsor`,
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

/**
 * The end date as known on D: an end recorded through the API after D (its END_ENROLMENT audit
 * entry, keyed as schema/audit-key.ts says) was not known yet, so D sees the end date before it.
 */
const knownEndDate = (ctx: ExtractContext) =>
  ctx.mode === 'live' ? 'e.end_date' : `case when unended.recorded then (unended.end_date)::date else e.end_date end`;

const unendedJoin = (ctx: ExtractContext) =>
  ctx.mode === 'live'
    ? ''
    : `left join lateral (
        select true as recorded, a.before ->> 'endDate' as end_date from audit_entry a
        where a.entity_type = 'Enrolment' and a.entity_id = e.id::text and a.action = 'END_ENROLMENT'
          and ${localDate('a.occurred_at', ctx)} > ${day(ctx)}
        order by a.occurred_at, a.id limit 1
      ) unended on true`;

/** Status on D follows from the dates; TERMINATED (a reason to end) is kept apart from LAPSED. */
const enrolmentStatus = (ctx: ExtractContext) =>
  ctx.mode === 'live'
    ? 'e.status'
    : `case
    when e.start_date > ${day(ctx)} then 'PENDING'
    when ${knownEndDate(ctx)} is null or ${knownEndDate(ctx)} >= ${day(ctx)} then 'ACTIVE'
    when e.status = 'TERMINATED' then 'TERMINATED'
    else 'LAPSED' end`;

const enrolment: TableSpec = {
  name: 'enrolment',
  grain: 'one row per membership (worker × sponsor × segment over a period); no membership number',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'worker_key', type: 'VARCHAR' },
    { name: 'sponsor_id', type: 'BIGINT' },
    { name: 'employer_id', type: 'BIGINT' },
    { name: 'segment', type: 'VARCHAR' },
    { name: 'programmes', type: 'VARCHAR[]', csvType: 'VARCHAR', load: "string_split(programmes, ',')" },
    { name: 'start_date', type: 'DATE' },
    { name: 'end_date', type: 'DATE' },
    { name: 'declared_income', type: 'BIGINT' },
    { name: 'status', type: 'VARCHAR' },
    { name: 'created_date', type: 'DATE' },
  ],
  money: ['declared_income'],
  select: (ctx) => `select e.id, ${WORKER_KEY_SQL('w.nik')}, e.sponsor_id, e.employer_id, e.segment,
      array_to_string(e.programmes, ','), e.start_date, ${knownEndDate(ctx)}, e.declared_income, ${enrolmentStatus(ctx)},
      ${localDate('e.created_at', ctx)}
    from enrolment e join worker w on w.id = e.worker_id cross join ${WORKER_KEY_PADS}
    ${unendedJoin(ctx)}
    ${ctx.mode === 'history' ? `where ${enrolmentKnown('e', ctx)}` : ''}`,
};

const contribution: TableSpec = {
  name: 'contribution',
  grain: 'one row per enrolment, month (period) and programme paid for',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'enrolment_id', type: 'BIGINT' },
    { name: 'period', type: 'DATE' },
    { name: 'programme', type: 'VARCHAR' },
    { name: 'amount', type: 'BIGINT' },
    { name: 'paid_date', type: 'DATE' },
    { name: 'sponsor_id', type: 'BIGINT' },
  ],
  money: ['amount'],
  select: (ctx) => `select c.id, c.enrolment_id, c.period, c.programme, c.amount, c.paid_date, c.sponsor_id
    from contribution c
    ${
      ctx.mode === 'history'
        ? `where c.paid_date <= ${day(ctx)}
           and exists (select 1 from enrolment e where e.id = c.enrolment_id and ${enrolmentKnown('e', ctx)})`
        : ''
    }`,
};

/**
 * A claim's status on D: PAID once its paid date has passed; else the last status the audit
 * log recorded by D (a PAID entry there without the date having passed reads as APPROVED);
 * else its current status if it has not changed since D; else SUBMITTED, the one status its
 * dates prove.
 */
const claimStatus = (ctx: ExtractContext) => `case
    when c.paid_date <= ${day(ctx)} then 'PAID'
    when audited.status = 'PAID' then 'APPROVED'
    when audited.status is not null then audited.status
    when c.status <> 'PAID' and ${localDate('c.updated_at', ctx)} <= ${day(ctx)} then c.status
    else 'SUBMITTED' end`;

const claim: TableSpec = {
  name: 'claim',
  grain: 'one row per benefit claim; no claim number, payment key or free-text reason',
  columns: [
    { name: 'id', type: 'BIGINT' },
    { name: 'enrolment_id', type: 'BIGINT' },
    { name: 'programme', type: 'VARCHAR' },
    { name: 'incident_date', type: 'DATE' },
    { name: 'submitted_date', type: 'DATE' },
    { name: 'status', type: 'VARCHAR' },
    { name: 'claimed_amount', type: 'BIGINT' },
    { name: 'approved_amount', type: 'BIGINT' },
    { name: 'paid_amount', type: 'BIGINT' },
    { name: 'paid_date', type: 'DATE' },
  ],
  money: ['claimed_amount', 'approved_amount', 'paid_amount'],
  select: (ctx) =>
    ctx.mode === 'live'
      ? `select id, enrolment_id, programme, incident_date, submitted_date, status, claimed_amount, approved_amount,
         paid_amount, paid_date from claim`
      : `select id, enrolment_id, programme, incident_date, submitted_date, status,
         claimed_amount,
         case when status in ('APPROVED', 'PAID') then approved_amount end,
         case when status = 'PAID' then paid_amount end,
         case when status = 'PAID' then paid_date end
       from (
         select c.id, c.enrolment_id, c.programme, c.incident_date, c.submitted_date, ${claimStatus(ctx)} as status,
           c.claimed_amount, c.approved_amount, c.paid_amount, c.paid_date
         from claim c
         left join lateral (
           select a.after ->> 'status' as status from audit_entry a
           where a.entity_type = 'Claim' and a.entity_id = c.id::text and a.after ? 'status'
             and ${localDate('a.occurred_at', ctx)} <= ${day(ctx)}
           order by a.occurred_at desc, a.id desc limit 1
         ) audited on true
         where c.submitted_date <= ${day(ctx)}
           and exists (select 1 from enrolment e where e.id = c.enrolment_id and ${enrolmentKnown('e', ctx)})
       ) as c`,
};

const auditActivity: TableSpec = {
  name: 'audit_activity',
  grain: 'one row per day, action and entity type: how many audited changes (no actor, no values)',
  columns: [
    { name: 'day', type: 'DATE' },
    { name: 'action', type: 'VARCHAR' },
    { name: 'entity_type', type: 'VARCHAR' },
    { name: 'entries', type: 'BIGINT' },
  ],
  money: ['entries'],
  select: (ctx) => `select ${localDate('occurred_at', ctx)}, action, entity_type, count(*) from audit_entry
    ${ctx.mode === 'history' ? `where ${localDate('occurred_at', ctx)} <= ${day(ctx)}` : ''}
    group by 1, 2, 3`,
};

/** In load order: the big fact table first, so DuckDB's work on it overlaps PostgreSQL's on the rest. */
export const TABLES: readonly TableSpec[] = [
  contribution,
  enrolment,
  claim,
  worker,
  employer,
  sponsor,
  budgetAllocation,
  budgetInForce,
  workforce,
  region,
  auditActivity,
];

export function tableSpec(name: string): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown warehouse table ${name}`);
  return spec;
}
