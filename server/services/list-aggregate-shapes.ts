import type { EntityClass } from '@mikro-orm/core';
import { Claim } from '../../schema/entities/claim.entity.js';
import { Contribution } from '../../schema/entities/contribution.entity.js';
import { Enrolment } from '../../schema/entities/enrolment.entity.js';
import { Worker } from '../../schema/entities/worker.entity.js';
import { ClaimStatus } from '../../schema/enums/claim-status.enum.js';
import { EnrolmentStatus } from '../../schema/enums/enrolment-status.enum.js';
import { Occupation } from '../../schema/enums/occupation.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import { Sector } from '../../schema/enums/sector.enum.js';
import { Segment } from '../../schema/enums/segment.enum.js';
import { Sex } from '../../schema/enums/sex.enum.js';

/**
 * What each list offers above its table: the measures (`sum` for money, `min` / `max` for money,
 * dates, months and years) and the dimensions `groupedAggregates` groups by. The SQL
 * (list-aggregates.service.ts) and the GraphQL types (server/resolvers/list-aggregates.types.ts)
 * are both built from these lists, so a measure is declared once.
 *
 * No measure or dimension is personal data: a `max(birth_date)` over a filter that matches one
 * worker would be that worker's birth date, so workers offer the birth year, which every role sees.
 */
export type MeasureKind = 'rupiah' | 'date' | 'month' | 'year';

export interface Measure {
  /** The GraphQL field inside `sum` / `min` / `max`. */
  field: string;
  /** The entity property whose column is aggregated. */
  property: string;
  kind: MeasureKind;
}

export type DimensionKind = 'enum' | 'month' | 'year' | 'kecamatan';

export interface Dimension {
  /** The `groupBy` enum value. */
  value: string;
  /** The field of the group's `keys`. */
  key: string;
  property: string;
  kind: DimensionKind;
  /** The registered GraphQL enum of an `enum` dimension. */
  enumType?: object;
  description: string;
}

export interface AggregateShape {
  /** GraphQL type prefix: `Claim` gives ClaimAggregates, ClaimSums, ClaimGroupBy, … */
  name: string;
  entity: EntityClass<object>;
  measures: Measure[];
  dimensions: Dimension[];
}

const money = (field: string): Measure => ({ field, property: field, kind: 'rupiah' });
const date = (field: string): Measure => ({ field, property: field, kind: 'date' });
const byEnum = (value: string, key: string, enumType: object, description: string): Dimension => ({
  value,
  key,
  property: key,
  kind: 'enum',
  enumType,
  description,
});
const byMonth = (value: string, key: string, property: string, description: string): Dimension => ({
  value,
  key,
  property,
  kind: 'month',
  description,
});

export const CLAIM_AGGREGATES: AggregateShape = {
  name: 'Claim',
  entity: Claim,
  measures: [
    money('claimedAmount'),
    money('approvedAmount'),
    money('paidAmount'),
    date('incidentDate'),
    date('submittedDate'),
    date('paidDate'),
  ],
  dimensions: [
    byEnum('STATUS', 'status', ClaimStatus, 'Workflow status.'),
    byEnum('PROGRAMME', 'programme', Programme, 'Programme claimed.'),
    byMonth('SUBMITTED_MONTH', 'submittedMonth', 'submittedDate', 'Month of submission.'),
    byMonth('PAID_MONTH', 'paidMonth', 'paidDate', 'Month of payment (null for claims not paid).'),
  ],
};

export const CONTRIBUTION_AGGREGATES: AggregateShape = {
  name: 'Contribution',
  entity: Contribution,
  measures: [money('amount'), { field: 'period', property: 'period', kind: 'month' }, date('paidDate')],
  dimensions: [
    byEnum('PROGRAMME', 'programme', Programme, 'Programme paid for.'),
    byMonth('PERIOD', 'period', 'period', 'Month covered.'),
    byMonth('PAID_MONTH', 'paidMonth', 'paidDate', 'Month the payment was made.'),
  ],
};

export const ENROLMENT_AGGREGATES: AggregateShape = {
  name: 'Enrolment',
  entity: Enrolment,
  measures: [money('declaredIncome'), date('startDate'), date('endDate')],
  dimensions: [
    byEnum('STATUS', 'status', EnrolmentStatus, 'Lifecycle status.'),
    byEnum('SEGMENT', 'segment', Segment, 'PU (wage earner) or BPU (informal).'),
    byMonth('START_MONTH', 'startMonth', 'startDate', 'Month coverage started.'),
  ],
};

export const WORKER_AGGREGATES: AggregateShape = {
  name: 'Worker',
  entity: Worker,
  measures: [{ field: 'birthYear', property: 'birthDate', kind: 'year' }],
  dimensions: [
    byEnum('SEX', 'sex', Sex, 'Sex as recorded on the KTP.'),
    byEnum('SECTOR', 'sector', Sector, 'Formal or informal sector.'),
    byEnum('OCCUPATION', 'occupation', Occupation, 'Occupation.'),
    { value: 'KECAMATAN', key: 'kecamatan', property: 'region', kind: 'kecamatan', description: 'Kecamatan code where the worker lives.' },
    { value: 'BIRTH_YEAR', key: 'birthYear', property: 'birthDate', kind: 'year', description: 'Year of birth.' },
  ],
};
