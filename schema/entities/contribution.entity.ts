import { BigIntType, Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Programme } from '../enums/programme.enum.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { MonthScalar } from '../scalars/month.scalar.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { RupiahScalar } from '../scalars/rupiah.scalar.js';
import { toGlobalId } from '../types/global-id.js';
import { Node } from '../types/node.interface.js';
import { Enrolment } from './enrolment.entity.js';
import { Sponsor } from './sponsor.entity.js';

/** One month of one programme for one enrolment: the unit a payment covers. */
@Entity({ tableName: 'contribution' })
@Unique({ name: 'contribution_once_per_month', properties: ['enrolment', 'period', 'programme'] })
@ObjectType({
  implements: Node,
  description: 'One month of one programme for one enrolment: the unit a payment covers. Recorded at most once.',
})
export class Contribution {
  [OptionalProps]?: 'createdAt' | 'nodeId';

  @PrimaryKey({ type: new BigIntType('number') })
  id!: number;

  @ManyToOne({ entity: () => Enrolment })
  enrolment!: Enrolment;

  /** First day of the month covered (YYYY-MM-01). */
  @Property({ type: 'date' })
  @Field(() => MonthScalar, { description: 'Month covered.' })
  period!: string;

  @Enum({ items: () => Programme })
  @Field(() => Programme, { description: 'Programme this amount pays for.' })
  programme!: Programme;

  @Property({ type: rupiahColumn() })
  @Field(() => RupiahScalar, { description: 'Amount paid for this month and programme.' })
  amount!: Rupiah;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: 'Date the payment was made.' })
  paidDate!: string;

  /** The sponsor that paid this month (usually, not always, the enrolment's). */
  @ManyToOne({ entity: () => Sponsor })
  sponsor!: Sponsor;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  get nodeId(): string {
    return toGlobalId('Contribution', this.id);
  }
}
