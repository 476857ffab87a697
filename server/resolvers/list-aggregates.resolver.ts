import type { GraphQLResolveInfo } from 'graphql';
import { Arg, type ClassType, Ctx, FieldResolver, Info, Resolver } from 'type-graphql';
import { ClaimConnection, ContributionConnection, EnrolmentConnection, WorkerConnection } from '../../schema/types/connections.js';
import type { RequestContext } from '../context.js';
import {
  AGGREGATE_SHAPES,
  type AggregateGroup,
  type AggregateValues,
  type ListName,
  MAX_GROUPS,
} from '../services/list-aggregates.service.js';
import { groupsComplexity } from './complexity.js';
import { connectionArguments } from './connection-arguments.js';
import { aggregateTypes } from './list-aggregates.types.js';

/**
 * `aggregates` and `groupedAggregates` on the workers, enrolments, contributions and claims
 * connections, over the connection's own `filter`. The connection's query already required a
 * token; nothing here is personal data (list-aggregate-shapes.ts says why).
 */
function aggregatesResolver(connection: ClassType, list: ListName, plural: string) {
  const shape = AGGREGATE_SHAPES[list];
  const types = aggregateTypes(shape, plural);
  const filterOf = (info: GraphQLResolveInfo) => {
    const args = connectionArguments(info);
    return { filter: args.filter as object | null, where: args.where as Record<string, unknown> | null };
  };

  @Resolver(() => connection)
  class ListAggregatesResolver {
    @FieldResolver(() => types.aggregates, {
      description: `Count, exact money sums, minima and maxima over all ${plural} matching the filter (one SQL statement).`,
    })
    aggregates(@Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<AggregateValues> {
      return ctx.services.listAggregates.totals(list, filterOf(info));
    }

    @FieldResolver(() => [types.group], {
      description: `The same figures per group of ${plural} matching the filter, ordered by the keys; at most ${MAX_GROUPS} groups.`,
      complexity: groupsComplexity(shape),
    })
    groupedAggregates(
      @Ctx() ctx: RequestContext,
      @Info() info: GraphQLResolveInfo,
      @Arg('groupBy', () => [types.groupBy], { description: 'One to three dimensions, each once.' }) groupBy: string[],
    ): Promise<AggregateGroup[]> {
      return ctx.services.listAggregates.groups(list, filterOf(info), groupBy);
    }
  }
  return ListAggregatesResolver;
}

export const ClaimAggregatesResolver = aggregatesResolver(ClaimConnection, 'claims', 'claims');
export const ContributionAggregatesResolver = aggregatesResolver(ContributionConnection, 'contributions', 'contributions');
export const EnrolmentAggregatesResolver = aggregatesResolver(EnrolmentConnection, 'enrolments', 'enrolments');
export const WorkerAggregatesResolver = aggregatesResolver(WorkerConnection, 'workers', 'workers');
