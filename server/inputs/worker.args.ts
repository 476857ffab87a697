import { ArgsType, Field } from 'type-graphql';
import { ConnectionArgs } from './connection.args.js';
import { WorkerFilter } from './worker.input.js';

@ArgsType()
export class WorkersArgs extends ConnectionArgs {
  @Field(() => WorkerFilter, { nullable: true, description: 'Conditions; all must hold.' })
  filter?: WorkerFilter | null;
}
