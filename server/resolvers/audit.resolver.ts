import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { AuditEntry } from '../../schema/entities/audit-entry.entity.js';
import type { Page } from '../../schema/types/connection.type.js';
import { AuditEntryConnection } from '../../schema/types/connections.js';
import { READ_AUDIT } from '../auth/roles.js';
import type { RequestContext } from '../context.js';
import { AuditEntriesArgs } from '../inputs/audit.args.js';
import { pageComplexity } from './complexity.js';

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(READ_AUDIT)
  @Query(() => AuditEntryConnection, { description: 'The audit log, newest first (operator, admin).', complexity: pageComplexity })
  auditEntries(@Ctx() ctx: RequestContext, @Args(() => AuditEntriesArgs) args: AuditEntriesArgs): Promise<Page<AuditEntry>> {
    return ctx.services.audit.list(args, args);
  }
}
