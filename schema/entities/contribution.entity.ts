import { BigIntType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Programme } from '../enums/programme.enum.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { Enrolment } from './enrolment.entity.js';
import { Sponsor } from './sponsor.entity.js';

/** One month of one programme for one enrolment: the unit a payment covers. */
@Entity({ tableName: 'contribution' })
@Unique({ name: 'contribution_once_per_month', properties: ['enrolment', 'period', 'programme'] })
export class Contribution {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: new BigIntType('number') })
  id!: number;

  @ManyToOne({ entity: () => Enrolment })
  enrolment!: Enrolment;

  /** First day of the month covered (YYYY-MM-01). */
  @Property({ type: 'date' })
  period!: string;

  @Enum({ items: () => Programme })
  programme!: Programme;

  @Property({ type: rupiahColumn() })
  amount!: Rupiah;

  @Property({ type: 'date' })
  paidDate!: string;

  /** The sponsor that paid this month (usually, not always, the enrolment's). */
  @ManyToOne({ entity: () => Sponsor })
  sponsor!: Sponsor;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
