import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BudgetKind } from '../enums/budget-kind.enum.js';
import { rupiahColumn, type Rupiah } from '../scalars/rupiah.js';
import { BaseEntity } from './base.entity.js';
import { Sponsor } from './sponsor.entity.js';

/** A sponsor's allocation for a fiscal year; the view `budget_in_force` picks REVISED over ORIGINAL. */
@Entity({ tableName: 'budget_allocation' })
@Unique({ properties: ['sponsor', 'fiscalYear', 'kind'] })
export class BudgetAllocation extends BaseEntity {
  @ManyToOne({ entity: () => Sponsor })
  sponsor!: Sponsor;

  @Property({ type: 'integer' })
  fiscalYear!: number;

  @Enum({ items: () => BudgetKind })
  kind!: BudgetKind;

  @Property({ type: rupiahColumn() })
  amount!: Rupiah;
}
