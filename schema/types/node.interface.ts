import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The Relay Node interface. Entities keep their numeric `id` column; the GraphQL `id` reads
 * each class's `nodeId` getter, which wraps that key in a global ID.
 */
@InterfaceType('Node', { description: 'An object with a global ID, refetchable with `node(id:)`.' })
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Global ID: opaque, stable, unique across all types.' })
  nodeId!: string;
}
