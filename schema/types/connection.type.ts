import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type.js';

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What a service returns for one page; `totalCount` runs its COUNT only when a client selects it. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: PromiseLike<number>;
  /** The planner's estimate of the same count, from EXPLAIN: no scan, so cheap on any list. */
  totalCountEstimate?: PromiseLike<number>;
}

/**
 * A value computed only when something awaits it, once: a page's count costs a COUNT only when
 * the client selected `totalCount`. The executor (graphql-jit or graphql-js) awaits a field's
 * thenable value, so the field needs no resolver of its own.
 */
export function onDemand<T>(compute: () => PromiseLike<T>): PromiseLike<T> {
  let started: PromiseLike<T> | undefined;
  return {
    // biome-ignore lint/suspicious/noThenProperty: the point of it is to be awaited like a promise
    then(onFulfilled, onRejected) {
      started ??= compute();
      return started.then(onFulfilled, onRejected);
    },
  };
}

/** Builds `<Name>Connection` and `<Name>Edge` for a node type, Relay cursor connection style. */
export function connectionOf<T extends object>(nodeType: ClassType<T>, name: string, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.`, simpleResolvers: true })
  class EdgeType {
    @Field(() => String, { description: 'Opaque cursor of this edge, for `after` / `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${plural} (Relay cursor connection).`, simpleResolvers: true })
  class ConnectionType {
    @Field(() => [EdgeType], { description: `The ${plural} on this page, in order.` })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo!: PageInfo;

    // Not `simple`: graphql-jit awaits a value only from a field with a resolver; the page's
    // on-demand count then runs when it is awaited, so only when selected.
    @Field(() => Int, { simple: false, description: `How many ${plural} match the filter across all pages.` })
    totalCount!: PromiseLike<number>;

    @Field(() => Int, {
      simple: false,
      description:
        `About how many ${plural} match the filter: PostgreSQL's planner estimate, costing a plan instead of a count. ` +
        'For a screen that shows "about 1.2 million"; use totalCount where the exact figure matters.',
    })
    totalCountEstimate!: PromiseLike<number>;
  }
  return ConnectionType;
}
