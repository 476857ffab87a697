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
  totalCount: () => Promise<number>;
  /** The planner's estimate of the same count, from EXPLAIN: no scan, so cheap on any list. */
  totalCountEstimate?: () => Promise<number>;
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

    // `simple` lets graphql-js call the page's totalCount() thunk, so the COUNT runs only when selected.
    @Field(() => Int, { simple: true, description: `How many ${plural} match the filter across all pages.` })
    totalCount!: () => Promise<number>;

    @Field(() => Int, {
      simple: true,
      description:
        `About how many ${plural} match the filter: PostgreSQL's planner estimate, costing a plan instead of a count. ` +
        'For a screen that shows "about 1.2 million"; use totalCount where the exact figure matters.',
    })
    totalCountEstimate!: () => Promise<number>;
  }
  return ConnectionType;
}
