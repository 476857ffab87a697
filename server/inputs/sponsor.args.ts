import { ArgsType, Field, ID, Int } from 'type-graphql';
import { SponsorKind } from '../../schema/enums/sponsor-kind.enum.js';
import { ConnectionArgs } from './connection.args.js';

@ArgsType()
export class SponsorsArgs extends ConnectionArgs {
  @Field(() => [SponsorKind], { nullable: true, description: 'Only sponsors of these kinds.' })
  kind?: SponsorKind[] | null;
}

@ArgsType()
export class EmployersArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Kecamatan code where the employer is registered.' })
  kecamatan?: string | null;
}

@ArgsType()
export class BudgetAllocationsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only this sponsor’s allocations.' })
  sponsorId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only this fiscal year.' })
  fiscalYear?: number | null;
}
