import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BudgetKind } from '../enums/budget-kind.enum.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { RupiahScalar } from '../scalars/rupiah.scalar.js';
import { Node } from '../types/node.interface.js';
import { BaseEntity } from './base.entity.js';
import { OptimisticVersion } from './optimistic-version.js';
import { Sponsor } from './sponsor.entity.js';

/** A sponsor's allocation for a fiscal year; the view `budget_in_force` picks REVISED over ORIGINAL. */
@Entity({ tableName: 'budget_allocation' })
@Unique({ properties: ['sponsor', 'fiscalYear', 'kind'] })
@ObjectType({
  implements: Node,
  description: "A sponsor's budget for a fiscal year. A REVISED allocation (APBD-Perubahan) replaces the ORIGINAL one.",
})
export class BudgetAllocation extends BaseEntity<'version'> {
  /** GraphQL `sponsor` is resolved through the request's sponsor loader. */
  @ManyToOne({ entity: () => Sponsor })
  sponsor!: Sponsor;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Fiscal (calendar) year, e.g. 2023.' })
  fiscalYear!: number;

  @Enum({ items: () => BudgetKind })
  @Field(() => BudgetKind, { description: 'ORIGINAL or REVISED.' })
  kind!: BudgetKind;

  @Property({ type: rupiahColumn() })
  @Field(() => RupiahScalar, { description: 'Amount allocated, whole rupiah.' })
  amount!: Rupiah;

  @OptimisticVersion('budget allocation', 'setBudgetAllocation')
  version: number = 1;
}
