import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from './connection.args.js';
import { ContributionFilter } from './contribution.input.js';

@ArgsType()
export class ContributionsArgs extends ConnectionArgs {
  @Field(() => ContributionFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: ContributionFilter | null;
}
