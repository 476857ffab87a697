import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../../schema/errors.js';
import type { RequestContext } from '../context.js';
import type { Role } from './roles.js';

/** `@Authorized()`: any signed-in role; `@Authorized(roles)`: one of those roles. */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context, info }, roles) => {
  const user = context.user;
  if (!user) throw new UnauthenticatedError(`${info.fieldName} needs a bearer token (Authorization: Bearer <token>)`);
  if (roles.length === 0 || roles.includes(user.role)) return true;
  throw new ForbiddenError(`role ${user.role} may not use ${info.fieldName}: it needs ${roles.join(' or ')}`);
};
