import { Field, ID, InputType, Int } from 'type-graphql';
import { BudgetKind } from '../../schema/enums/budget-kind.enum.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import { RANGES } from '../../schema/validation.js';

@InputType({ description: 'Sets (creates or replaces) a sponsor’s allocation for a fiscal year.' })
export class SetBudgetAllocationInput {
  @Field(() => ID, { description: 'The sponsor.' })
  sponsorId!: string;

  @Field(() => Int, { description: 'Fiscal year, 2000 to 2100.' })
  fiscalYear!: number;

  @Field(() => BudgetKind, { description: 'ORIGINAL, or REVISED (which then is the allocation in force).' })
  kind!: BudgetKind;

  @Field(() => RupiahScalar, {
    description: `Amount allocated: at most ${RANGES.budgetAmountMax} (Rp 10 triliun; the regency's JKK/JKM line is Rp 15-18 miliar a year).`,
  })
  amount!: bigint;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version of the allocation being changed, as you last read it; CONFLICT if it changed since (ignored when there is none yet).',
  })
  version?: number | null;
}
