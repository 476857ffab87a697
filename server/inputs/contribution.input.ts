import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { MonthScalar } from '../../schema/scalars/month.scalar.js';

@InputType({ description: 'Which contributions to list. All given conditions must hold.' })
export class ContributionFilter {
  @Field(() => ID, { nullable: true, description: 'Paid by this sponsor.' })
  sponsorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For this enrolment.' })
  enrolmentId?: string | null;

  @Field(() => MonthScalar, { nullable: true, description: 'From this month (inclusive).' })
  fromMonth?: string | null;

  @Field(() => MonthScalar, { nullable: true, description: 'To this month (inclusive).' })
  toMonth?: string | null;
}

@InputType({ description: 'One month of contributions for every enrolment a sponsor pays for. Recording a month twice changes nothing.' })
export class RecordContributionsInput {
  @Field(() => ID, { description: 'The paying sponsor.' })
  sponsorId!: string;

  @Field(() => MonthScalar, { description: 'The month paid for: from 1977-01 to at most a year ahead.' })
  month!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Payment date (default: today in Asia/Makassar): not before the month, at most a year ahead.',
  })
  paidDate?: string | null;
}
