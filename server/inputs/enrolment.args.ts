import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from './connection.args.js';
import { EnrolmentFilter } from './enrolment.input.js';

@ArgsType()
export class EnrolmentsArgs extends ConnectionArgs {
  @Field(() => EnrolmentFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: EnrolmentFilter | null;
}
