import { ArgsType, Field, ID, Int } from 'type-graphql';
import { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import type { OrderInput } from '../read/list-order.js';
import { ConnectionArgs } from './connection.args.js';
import { LIST_INPUTS, ORDER_BY_DESCRIPTION, WHERE_BESIDE_ARGUMENTS } from './list-where.input.js';

@ArgsType()
export class SponsorsArgs extends ConnectionArgs {
  @Field(() => [SponsorKind], { nullable: true, description: 'Only sponsors of these kinds.' })
  kind?: SponsorKind[] | null;

  @Field(() => LIST_INPUTS.sponsors.where, { nullable: true, description: WHERE_BESIDE_ARGUMENTS })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.sponsors.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}

@ArgsType()
export class EmployersArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Kecamatan code where the employer is registered.' })
  kecamatan?: string | null;

  @Field(() => LIST_INPUTS.employers.where, { nullable: true, description: WHERE_BESIDE_ARGUMENTS })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.employers.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}

@ArgsType()
export class BudgetAllocationsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only this sponsor’s allocations.' })
  sponsorId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only this fiscal year.' })
  fiscalYear?: number | null;

  @Field(() => LIST_INPUTS.budgetAllocations.where, { nullable: true, description: WHERE_BESIDE_ARGUMENTS })
  where?: Record<string, unknown> | null;

  @Field(() => [LIST_INPUTS.budgetAllocations.order], { nullable: true, description: ORDER_BY_DESCRIPTION })
  orderBy?: OrderInput[] | null;
}
