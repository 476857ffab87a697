import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import { Node } from '../../schema/types/node.interface.js';
import { Principal } from '../../schema/types/dashboard.type.js';
import type { RequestContext } from '../context.js';
import { compiledNode } from '../read/index.js';

@Resolver()
export class NodeResolver {
  @Authorized()
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global ID (null when it does not exist). Masking and roles apply as in lists.',
  })
  async node(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'A global ID from any `id` field.' }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<object | null> {
    const compiled = await compiledNode(ctx, info, id);
    return compiled === undefined ? ctx.services.nodes.node(id) : compiled;
  }

  @Authorized()
  @Query(() => Principal, { description: 'Who the bearer token says you are, and whether you see personal data.' })
  me(@Ctx() ctx: RequestContext): Principal {
    return ctx.user!;
  }
}
