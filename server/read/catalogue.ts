import { Claim } from '../../schema/entities/claim.entity.js';
import { Contribution } from '../../schema/entities/contribution.entity.js';
import { Employer } from '../../schema/entities/employer.entity.js';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { Region } from '../../schema/entities/region.entity.js';
import { Sponsor } from '../../schema/entities/sponsor.entity.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import type { PersonalDataKind } from '../../schema/personal-data.js';

/**
 * The GraphQL object types the compiled read path can build in SQL: for each field, the SQL that
 * yields the value in the form the entity would hold it (dates as `YYYY-MM-DD`, rupiah as digit
 * strings, timestamps as ISO text), under the entity's property name, so the same scalars and
 * field resolvers serialise it. A field missing here sends the whole root field to the ORM path.
 */
export interface Column {
  /** The JS property graphql-js reads (`id` is the entity's `nodeId` getter). */
  prop: string;
  sql(t: string): string;
  mask?: PersonalDataKind;
}

export interface Relation {
  prop: string;
  target: TypeName;
  many: boolean;
  /** Joins child alias `c` to parent alias `t`. */
  on(t: string, c: string): string;
  /** Order of a list (child alias `c`), as the ORM loaders order it. */
  order?(c: string): string;
  /** `last: N` rows in `order`, newest first (the contributions of an enrolment). */
  last?: { arg: string; min: number; max: number; defaultValue: number };
}

export interface TableType {
  /** The entity class a row is given as prototype: the Node interface and type-graphql's getters match by `instanceof`. */
  entity: { prototype: object };
  table: string;
  columns: Record<string, Column>;
  relations: Record<string, Relation>;
}

export type TypeName = 'Worker' | 'Enrolment' | 'Claim' | 'Contribution' | 'Sponsor' | 'Region' | 'Employer';

/** base64url of UTF-8 text, as Buffer.toString('base64url') writes it (no padding, no line breaks). */
export const base64url = (text: string) => `translate(encode(convert_to(${text}, 'UTF8'), 'base64'), '+/=' || chr(10), '-_')`;
export const globalIdSql = (type: string, key: string) => base64url(`'${type}:' || ${key}`);
export const dateSql = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const timestampSql = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const plain =
  (column: string, mask?: PersonalDataKind) =>
  (prop: string): Column => ({ prop, sql: (t) => `${t}.${column}`, mask });
const as = (prop: string, sql: (t: string) => string, mask?: PersonalDataKind): Column => ({ prop, sql, mask });

function columns(spec: Record<string, (prop: string) => Column>): Record<string, Column> {
  return Object.fromEntries(Object.entries(spec).map(([field, make]) => [field, make(field)]));
}

const date = (column: string, mask?: PersonalDataKind) => (prop: string) => as(prop, (t) => dateSql(`${t}.${column}`), mask);
const timestamp = (column: string) => (prop: string) => as(prop, (t) => timestampSql(`${t}.${column}`));
const money = (column: string) => (prop: string) => as(prop, (t) => `${t}.${column}::text`);
const nodeId = (type: string) => () => as('nodeId', (t) => globalIdSql(type, `${t}.id`));
const stamps = { createdAt: timestamp('created_at'), updatedAt: timestamp('updated_at') };

const one = (target: TypeName, prop: string, key: string): Relation => ({
  prop,
  target,
  many: false,
  on: (t, c) => `${c}.id = ${t}.${key}`,
});

export const CATALOGUE: Record<TypeName, TableType> = {
  Worker: {
    entity: Worker,
    table: 'worker',
    columns: columns({
      id: nodeId('Worker'),
      nik: plain('nik', 'nik'),
      fullName: plain('full_name', 'name'),
      sex: plain('sex'),
      birthDate: date('birth_date', 'birthDate'),
      birthYear: (prop) => as(prop, (t) => `extract(year from ${t}.birth_date)::int`),
      occupation: plain('occupation'),
      sector: plain('sector'),
      nonAsn: plain('non_asn'),
      phone: plain('phone', 'phone'),
      version: plain('version'),
      ...stamps,
    }),
    relations: {
      region: { prop: 'region', target: 'Region', many: false, on: (t, c) => `${c}.code = ${t}.region_code` },
      enrolments: {
        prop: 'enrolments',
        target: 'Enrolment',
        many: true,
        on: (t, c) => `${c}.worker_id = ${t}.id`,
        order: (c) => `${c}.start_date, ${c}.id`,
      },
    },
  },
  Enrolment: {
    entity: Enrolment,
    table: 'enrolment',
    columns: columns({
      id: nodeId('Enrolment'),
      membershipNo: plain('membership_no', 'membershipNo'),
      segment: plain('segment'),
      programmes: (prop) => as(prop, (t) => `to_json(${t}.programmes)`),
      startDate: date('start_date'),
      endDate: date('end_date'),
      declaredIncome: money('declared_income'),
      status: plain('status'),
      version: plain('version'),
      ...stamps,
    }),
    relations: {
      worker: one('Worker', 'worker', 'worker_id'),
      sponsor: one('Sponsor', 'sponsor', 'sponsor_id'),
      employer: one('Employer', 'employer', 'employer_id'),
      claims: {
        prop: 'claims',
        target: 'Claim',
        many: true,
        on: (t, c) => `${c}.enrolment_id = ${t}.id`,
        order: (c) => `${c}.submitted_date, ${c}.id`,
      },
      contributions: {
        prop: 'contributions',
        target: 'Contribution',
        many: true,
        on: (t, c) => `${c}.enrolment_id = ${t}.id`,
        order: (c) => `${c}.period desc, ${c}.programme`,
        last: { arg: 'last', min: 1, max: 120, defaultValue: 12 },
      },
    },
  },
  Claim: {
    entity: Claim,
    table: 'claim',
    columns: columns({
      id: nodeId('Claim'),
      claimNo: plain('claim_no'),
      programme: plain('programme'),
      incidentDate: date('incident_date'),
      submittedDate: date('submitted_date'),
      status: plain('status'),
      claimedAmount: money('claimed_amount'),
      approvedAmount: money('approved_amount'),
      paidAmount: money('paid_amount'),
      paidDate: date('paid_date'),
      rejectionReason: plain('rejection_reason', 'freeText'),
      version: plain('version'),
      ...stamps,
    }),
    relations: { enrolment: one('Enrolment', 'enrolment', 'enrolment_id') },
  },
  Contribution: {
    entity: Contribution,
    table: 'contribution',
    columns: columns({
      id: nodeId('Contribution'),
      period: date('period'),
      programme: plain('programme'),
      amount: money('amount'),
      paidDate: date('paid_date'),
    }),
    relations: { enrolment: one('Enrolment', 'enrolment', 'enrolment_id'), sponsor: one('Sponsor', 'sponsor', 'sponsor_id') },
  },
  Sponsor: {
    entity: Sponsor,
    table: 'sponsor',
    columns: columns({ id: nodeId('Sponsor'), code: plain('code'), name: plain('name'), kind: plain('kind') }),
    relations: {},
  },
  Region: {
    entity: Region,
    table: 'region',
    columns: columns({
      id: () => as('nodeId', (t) => globalIdSql('Region', `${t}.code`)),
      code: plain('code'),
      name: plain('name'),
      level: plain('level'),
    }),
    relations: {},
  },
  Employer: {
    entity: Employer,
    table: 'employer',
    columns: columns({ id: nodeId('Employer'), code: plain('code'), name: plain('name'), industry: plain('industry') }),
    relations: {},
  },
};
