import { WORKER_KEY_PADS, WORKER_KEY_SQL } from './pseudonym.js';
import { day, enrolmentKnown, type ExtractContext, localDate, type TableSpec } from './table-spec.js';

/**
 * The facts: memberships, contributions, claims and audit activity. History mode rebuilds each
 * as of the snapshot day from its own dates and the audit log (etl/README.md, "History").
 */

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
  // The same rows and income without the worker key's two hashes and the end-date lookup (a left join
  // of at most one row): those cost most of the SELECT and change neither the count nor the sum.
  countSelect: (ctx) => `select e.id, null, null, null, null, null, null, null, e.declared_income, null, null
    from enrolment e join worker w on w.id = e.worker_id
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
  // A contribution is in the history snapshot of D once it is paid and its enrolment known, i.e. when the
  // later of the two days is D or before: count per such day once, then add up the days up to each D.
  historyCounts: (dates, timezone) => {
    const known = `least(e.start_date, ${localDate('e.created_at', { date: dates[0]!, mode: 'history', timezone })})`;
    return `with by_day as (
        select greatest(c.paid_date, ${known}) as visible, count(*) as rows, sum(c.amount) as amount
        from contribution c join enrolment e on e.id = c.enrolment_id
        where c.paid_date is not null and ${known} is not null
        group by 1
      )
      select d.snapshot_date::text as snapshot_date, coalesce(sum(b.rows), 0)::text as rows, coalesce(sum(b.amount), 0)::text as amount
      from unnest(array[${dates.map((d) => `'${d}'`).join(', ')}]::date[]) as d (snapshot_date)
      left join by_day b on b.visible <= d.snapshot_date
      group by d.snapshot_date`;
  },
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

export { auditActivity, claim, contribution, enrolment };
