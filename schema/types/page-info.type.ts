import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay page information for a connection.', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last edge of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when more items precede the first edge of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; pass it as `before` for the previous page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page.' })
  endCursor!: string | null;
}
