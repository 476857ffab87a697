import { auditKeyFromApiId } from '../../schema/audit-key.js';
import { BudgetKind } from '../../schema/enums/budget-kind.enum.js';
import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import { Occupation } from '../../schema/enums/occupation.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import { Sector } from '../../schema/enums/sector.enum.js';
import { Segment } from '../../schema/enums/segment.enum.js';
import { Sex } from '../../schema/enums/sex.enum.js';
import { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import type { PersonalDataKind } from '../../schema/personal-data.js';
import { numericKey } from '../../schema/types/global-id.js';
import { parseKecamatanCode } from '../../schema/validation.js';
import type { TypeName } from './catalogue.js';
import type { Statement } from './compile.js';

/**
 * The root connections as SQL: for each, the columns a caller may filter (`where:`, with
 * operators) and sort (`orderBy:`) by, the order used when none is asked for, and the original
 * `filter:` input. This is the ONE translation of a list's conditions: the compiled read path
 * (index.ts), the ORM path of the same connection (services), the aggregates above it and the
 * export (which pages through the connection) all build their SQL from here.
 */
export type ValueKind = 'id' | 'text' | 'enum' | 'date' | 'month' | 'rupiah' | 'boolean' | 'int' | 'timestamp';

/** The PostgreSQL type a value of each kind is bound as. */
export const SQL_TYPE: Record<ValueKind, string> = {
  id: 'bigint',
  text: 'text',
  enum: 'text',
  date: 'date',
  month: 'date',
  rupiah: 'bigint',
  boolean: 'boolean',
  int: 'int',
  timestamp: 'timestamptz',
};

export interface ListField {
  column: string;
  kind: ValueKind;
  /** Personal data: a caller who sees it masked may neither filter nor sort by it (that would reveal it one guess at a time). */
  mask?: PersonalDataKind;
  /** The global-ID type of an `id` field (`Sponsor` for sponsorId). */
  idType?: string;
  enumType?: Record<string, string>;
  enumName?: string;
  /** The `orderBy` value sorting by this field; none: not sortable (no index backs it). */
  order?: string;
  /** A nullable column sorts its nulls after every value (list-order.ts), as PostgreSQL does by default. */
  nullable?: boolean;
  description: string;
}

export interface OrderKey {
  field: string;
  desc: boolean;
}

export interface ConnectionSpec<Type extends string = string> {
  /** The GraphQL object type of a node (a catalogue type for the lists the compiled read path answers). */
  type: Type;
  table: string;
  /** GraphQL name prefix: `Claim` gives ClaimWhere, ClaimOrder, ClaimOrderField. */
  name: string;
  fields: Record<string, ListField>;
  /** The order without `orderBy` (ending with id, so it is total); its cursors carry no order tag. */
  defaultOrder: OrderKey[];
  /** The original `filter:` input, condition by condition. */
  filter(filter: Filter, st: Statement, user: ListUser | null): string[];
}

export type Filter = Record<string, unknown>;
export interface ListUser {
  role?: string;
  seesPersonalData: boolean;
}

const id = (idType: string, description: string, column = 'id', more: Partial<ListField> = {}): ListField => ({
  column,
  kind: 'id',
  idType,
  description,
  ...(column === 'id' ? { order: 'ID' } : {}),
  ...more,
});
const text = (column: string, description: string, more: Partial<ListField> = {}): ListField => ({
  column,
  kind: 'text',
  description,
  ...more,
});
const enumOf = (column: string, enumType: Record<string, string>, enumName: string, description: string, order?: string) => ({
  column,
  kind: 'enum' as const,
  enumType,
  enumName,
  description,
  ...(order ? { order } : {}),
});
const date = (column: string, description: string, more: Partial<ListField> = {}): ListField => ({
  column,
  kind: 'date',
  description,
  ...more,
});
const money = (column: string, description: string, more: Partial<ListField> = {}): ListField => ({
  column,
  kind: 'rupiah',
  description,
  ...more,
});

const list = (v: unknown): unknown[] | null => (Array.isArray(v) && v.length > 0 ? v : null);
const key = (field: string, value: unknown, type: string, st: Statement) => st.param(numericKey(field, value as string, type), 'bigint');

/**
 * A kecamatan filter matches the kecamatan and its villages (64.02.06 and 64.02.06.NNNN). Codes
 * have a fixed shape, so that is one range, which the region_code index can serve (a LIKE cannot).
 */
function kecamatanRange(field: string, code: unknown, column: string, st: Statement): string {
  const kecamatan = parseKecamatanCode(field, code as string);
  return `${column} >= ${st.param(kecamatan, 'text')} and ${column} <= ${st.param(`${kecamatan}.9999`, 'text')}`;
}

/** `<from>` / `<to>` bounds, a reversed pair refused by the `to` field's name. */
function range(column: string, cast: string, bounds: [string, unknown, string, unknown], st: Statement, out: string[]): void {
  const [fromName, from, toName, to] = bounds;
  if (from && to && (from as string) > (to as string)) {
    throw new ValidationError(`filter.${toName}`, `must not be before ${fromName}`);
  }
  if (from) out.push(`${column} >= ${st.param(from, cast)}`);
  if (to) out.push(`${column} <= ${st.param(to, cast)}`);
}

/** Searching by name or NIK would let a masked role probe who is enrolled, so it needs personal-data access. */
function search(user: ListUser | null, value: unknown, st: Statement): string {
  if (!user?.seesPersonalData) {
    throw new ForbiddenError(`role ${user?.role ?? 'anonymous'} may not search by name or NIK (personal data)`);
  }
  const term = (value as string).trim();
  if (term.length < 3 || term.length > 100) throw new ValidationError('filter.search', 'must be 3 to 100 characters');
  if (/^[0-9]{16}$/.test(term)) return `t.nik = ${st.param(term, 'text')}`;
  if (/^[0-9]+$/.test(term)) return `t.nik like ${st.param(`${term}%`, 'text')}`;
  return `t.full_name ilike ${st.param(`%${escapeLike(term)}%`, 'text')}`;
}

/** LIKE's wildcards and its escape character taken literally (PostgreSQL's default escape is the backslash). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The four lists the compiled read path answers (its aggregates and exports too). */
export const LISTS: Record<ListName, ConnectionSpec<TypeName>> = {
  workers: {
    type: 'Worker',
    table: 'worker',
    name: 'Worker',
    defaultOrder: [{ field: 'id', desc: false }],
    fields: {
      id: id('Worker', 'The worker (global ID).'),
      nik: text('nik', 'NIK (16 digits).', { mask: 'nik', order: 'NIK' }),
      fullName: text('full_name', 'Full name (`includesInsensitive` uses a trigram index).', { mask: 'name', order: 'FULL_NAME' }),
      sex: enumOf('sex', Sex, 'Sex', 'Sex as on the KTP.'),
      birthDate: date('birth_date', 'Birth date.', { mask: 'birthDate', order: 'BIRTH_DATE' }),
      regionCode: text('region_code', 'Kecamatan or village code where the worker lives (`startsWith: "64.02.06"`).', {
        order: 'REGION_CODE',
      }),
      occupation: enumOf('occupation', Occupation, 'Occupation', 'Occupation.', 'OCCUPATION'),
      sector: enumOf('sector', Sector, 'Sector', 'Formal or informal.'),
      nonAsn: { column: 'non_asn', kind: 'boolean', description: 'Non-civil-servant public worker.' },
      phone: text('phone', 'Phone number (+62…).', { mask: 'phone', nullable: true, order: 'PHONE' }),
    },
    filter(f, st, user) {
      const out: string[] = [];
      if (f.kecamatan) out.push(kecamatanRange('filter.kecamatan', f.kecamatan, 't.region_code', st));
      if (list(f.occupation)) out.push(`t.occupation = any(${st.param(f.occupation, 'text[]')})`);
      if (f.sector) out.push(`t.sector = ${st.param(f.sector, 'text')}`);
      if (f.sponsorId || list(f.enrolmentStatus)) {
        const sub: string[] = [];
        if (f.sponsorId) sub.push(`e.sponsor_id = ${key('filter.sponsorId', f.sponsorId, 'Sponsor', st)}`);
        if (list(f.enrolmentStatus)) sub.push(`e.status = any(${st.param(f.enrolmentStatus, 'text[]')})`);
        out.push(`t.id in (select e.worker_id from enrolment e where ${sub.join(' and ')})`);
      }
      if (f.search) out.push(search(user, f.search, st));
      return out;
    },
  },
  claims: {
    type: 'Claim',
    table: 'claim',
    name: 'Claim',
    defaultOrder: [
      { field: 'submittedDate', desc: true },
      { field: 'id', desc: true },
    ],
    fields: {
      id: id('Claim', 'The claim (global ID).'),
      claimNo: text('claim_no', 'Claim number, e.g. KLM-2024-000123.', { order: 'CLAIM_NO' }),
      enrolmentId: id('Enrolment', 'The enrolment claimed under (global ID).', 'enrolment_id'),
      programme: enumOf('programme', Programme, 'Programme', 'Programme claimed.', 'PROGRAMME'),
      status: enumOf('status', ClaimStatus, 'ClaimStatus', 'Workflow status.', 'STATUS'),
      incidentDate: date('incident_date', 'Date of the incident.', { order: 'INCIDENT_DATE' }),
      submittedDate: date('submitted_date', 'Submission date.', { order: 'SUBMITTED_DATE' }),
      paidDate: date('paid_date', 'Payment date (null until paid).', { nullable: true, order: 'PAID_DATE' }),
      claimedAmount: money('claimed_amount', 'Amount claimed.', { order: 'CLAIMED_AMOUNT' }),
      approvedAmount: money('approved_amount', 'Amount approved (null until approved).', { nullable: true }),
      paidAmount: money('paid_amount', 'Amount paid (null until paid).', { nullable: true }),
    },
    filter(f, st) {
      const out: string[] = [];
      if (list(f.status)) out.push(`t.status = any(${st.param(f.status, 'text[]')})`);
      if (list(f.programme)) out.push(`t.programme = any(${st.param(f.programme, 'text[]')})`);
      if (f.enrolmentId) out.push(`t.enrolment_id = ${key('filter.enrolmentId', f.enrolmentId, 'Enrolment', st)}`);
      if (f.kecamatan) {
        out.push(
          `exists (select 1 from enrolment e join worker w on w.id = e.worker_id where e.id = t.enrolment_id and ` +
            `${kecamatanRange('filter.kecamatan', f.kecamatan, 'w.region_code', st)})`,
        );
      }
      range('t.submitted_date', 'date', ['submittedFrom', f.submittedFrom, 'submittedTo', f.submittedTo], st, out);
      range('t.paid_date', 'date', ['paidFrom', f.paidFrom, 'paidTo', f.paidTo], st, out);
      return out;
    },
  },
  enrolments: {
    type: 'Enrolment',
    table: 'enrolment',
    name: 'Enrolment',
    defaultOrder: [
      { field: 'startDate', desc: true },
      { field: 'id', desc: true },
    ],
    fields: {
      id: id('Enrolment', 'The enrolment (global ID).'),
      membershipNo: text('membership_no', 'Membership number.', { mask: 'membershipNo', order: 'MEMBERSHIP_NO' }),
      workerId: id('Worker', 'The member (global ID).', 'worker_id'),
      sponsorId: id('Sponsor', 'The paying sponsor (global ID).', 'sponsor_id'),
      segment: enumOf('segment', Segment, 'Segment', 'PU (wage earner) or BPU (informal).'),
      status: enumOf('status', EnrolmentStatus, 'EnrolmentStatus', 'Status.', 'STATUS'),
      startDate: date('start_date', 'Coverage start.', { order: 'START_DATE' }),
      endDate: date('end_date', 'Coverage end (null: open).', { nullable: true, order: 'END_DATE' }),
      declaredIncome: money('declared_income', 'Declared monthly income.', { order: 'DECLARED_INCOME' }),
    },
    filter(f, st) {
      const out: string[] = [];
      if (f.sponsorId) out.push(`t.sponsor_id = ${key('filter.sponsorId', f.sponsorId, 'Sponsor', st)}`);
      if (f.workerId) out.push(`t.worker_id = ${key('filter.workerId', f.workerId, 'Worker', st)}`);
      if (list(f.status)) out.push(`t.status = any(${st.param(f.status, 'text[]')})`);
      range('t.start_date', 'date', ['startFrom', f.startFrom, 'startTo', f.startTo], st, out);
      return out;
    },
  },
  contributions: {
    type: 'Contribution',
    table: 'contribution',
    name: 'Contribution',
    defaultOrder: [
      { field: 'period', desc: true },
      { field: 'id', desc: true },
    ],
    fields: {
      id: id('Contribution', 'The contribution (global ID).'),
      enrolmentId: id('Enrolment', 'The enrolment paid for (global ID).', 'enrolment_id'),
      sponsorId: id('Sponsor', 'The paying sponsor (global ID).', 'sponsor_id'),
      period: { column: 'period', kind: 'month', order: 'PERIOD', description: 'The month paid for.' },
      programme: enumOf('programme', Programme, 'Programme', 'Programme.'),
      amount: money('amount', 'Amount paid.', { order: 'AMOUNT' }),
      paidDate: date('paid_date', 'Payment date.', { order: 'PAID_DATE' }),
    },
    filter(f, st) {
      const out: string[] = [];
      if (f.sponsorId) out.push(`t.sponsor_id = ${key('filter.sponsorId', f.sponsorId, 'Sponsor', st)}`);
      if (f.enrolmentId) out.push(`t.enrolment_id = ${key('filter.enrolmentId', f.enrolmentId, 'Enrolment', st)}`);
      range('t.period', 'date', ['fromMonth', f.fromMonth, 'toMonth', f.toMonth], st, out);
      return out;
    },
  },
};

export type ListName = 'workers' | 'claims' | 'enrolments' | 'contributions';
export type ConnectionName = ListName | 'sponsors' | 'employers' | 'budgetAllocations' | 'auditEntries';

/**
 * The reference lists and the audit log: the same `where` and `orderBy` as the four lists, read
 * through the ORM path (server/services/list-page.ts). Their `filter` is their original top-level
 * arguments (`kind`, `kecamatan`, `sponsorId`, …), whose fields and messages are unchanged.
 */
const REFERENCE: Record<Exclude<ConnectionName, ListName>, ConnectionSpec> = {
  sponsors: {
    type: 'Sponsor',
    table: 'sponsor',
    name: 'Sponsor',
    defaultOrder: [{ field: 'id', desc: false }],
    fields: {
      id: id('Sponsor', 'The sponsor (global ID).'),
      code: text('code', 'Sponsor code, e.g. PEMKAB-KUKAR.'),
      name: text('name', 'Display name.', { order: 'NAME' }),
      kind: enumOf('kind', SponsorKind, 'SponsorKind', 'Kind of funding source.', 'KIND'),
      regionCode: text('region_code', 'Where the payer is: a regency (64.02) or a company address.', { order: 'REGION_CODE' }),
      employerId: id('Employer', 'The company behind a CSR or employer sponsor (global ID; null for APBD and self).', 'employer_id', {
        nullable: true,
      }),
    },
    filter(f, st) {
      return list(f.kind) ? [`t.kind = any(${st.param(f.kind, 'text[]')})`] : [];
    },
  },
  employers: {
    type: 'Employer',
    table: 'employer',
    name: 'Employer',
    defaultOrder: [{ field: 'id', desc: false }],
    fields: {
      id: id('Employer', 'The employer (global ID).'),
      code: text('code', 'Business code, e.g. EMP-00001.'),
      name: text('name', 'Registered company name.', { order: 'NAME' }),
      regionCode: text('region_code', 'Kecamatan or village code where it is registered (`startsWith: "64.02.06"`).', {
        order: 'REGION_CODE',
      }),
      industry: text('industry', 'Industry, e.g. PERTAMBANGAN.', { order: 'INDUSTRY' }),
    },
    filter(f, st) {
      return f.kecamatan ? [kecamatanRange('filter.kecamatan', f.kecamatan, 't.region_code', st)] : [];
    },
  },
  budgetAllocations: {
    type: 'BudgetAllocation',
    table: 'budget_allocation',
    name: 'BudgetAllocation',
    defaultOrder: [
      { field: 'fiscalYear', desc: true },
      { field: 'id', desc: true },
    ],
    fields: {
      id: id('BudgetAllocation', 'The allocation (global ID).'),
      sponsorId: id('Sponsor', 'The sponsor (global ID); as an order, by sponsor.', 'sponsor_id', { order: 'SPONSOR' }),
      fiscalYear: { column: 'fiscal_year', kind: 'int', order: 'FISCAL_YEAR', description: 'Fiscal (calendar) year.' },
      kind: enumOf('kind', BudgetKind, 'BudgetKind', 'ORIGINAL or REVISED.'),
      amount: money('amount', 'Amount allocated.', { order: 'AMOUNT' }),
    },
    filter(f, st) {
      const out: string[] = [];
      if (f.sponsorId) out.push(`t.sponsor_id = ${key('filter.sponsorId', f.sponsorId, 'Sponsor', st)}`);
      if (f.fiscalYear) out.push(`t.fiscal_year = ${st.param(f.fiscalYear, 'int')}`);
      return out;
    },
  },
  auditEntries: {
    type: 'AuditEntry',
    table: 'audit_entry',
    name: 'AuditEntry',
    defaultOrder: [
      { field: 'occurredAt', desc: true },
      { field: 'id', desc: true },
    ],
    fields: {
      id: id('AuditEntry', 'The entry (global ID).'),
      occurredAt: { column: 'occurred_at', kind: 'timestamp', order: 'OCCURRED_AT', description: 'When the change was committed.' },
      actor: text('actor', 'Who made the change (token subject, `seed`, `import`).', { order: 'ACTOR' }),
      action: text('action', 'What was done, e.g. APPROVE_CLAIM.', { order: 'ACTION' }),
      entityType: text('entity_type', 'Kind of record changed, e.g. Claim.', { order: 'ENTITY_TYPE' }),
      requestId: text('request_id', 'Request id of the API call (null for batch loads).', { nullable: true }),
    },
    filter(f, st) {
      const out: string[] = [];
      // Clients pass a record's global id; entries store its type and primary key (schema/audit-key.ts).
      if (f.entityId) {
        const k = auditKeyFromApiId(f.entityId as string);
        if (k.entityType) out.push(`t.entity_type = ${st.param(k.entityType, 'text')}`);
        out.push(`t.entity_id = ${st.param(k.entityId, 'text')}`);
      }
      if (f.entityType) out.push(`t.entity_type = ${st.param(f.entityType, 'text')}`);
      if (f.actor) out.push(`t.actor = ${st.param(f.actor, 'text')}`);
      return out;
    },
  },
};

/** Every connection; a list of the four keeps its catalogue type (the compiled path and the export build its nodes from it). */
export const CONNECTIONS: Record<ListName, ConnectionSpec<TypeName>> & Record<Exclude<ConnectionName, ListName>, ConnectionSpec> = {
  ...LISTS,
  ...REFERENCE,
};
