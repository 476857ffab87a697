import { ArgsType, Field, Int } from 'type-graphql';

/** Relay pagination arguments shared by every connection. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Page size counting forward from `after` (1 to the page size limit, default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after (an `endCursor` or edge cursor).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size counting backward from `before`. Do not combine with `first`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue before (a `startCursor` or edge cursor).' })
  before?: string | null;
}
