import { JSONObjectResolver } from 'graphql-scalars';

/** graphql-scalars' JSONObject, for audit snapshots (the record before and after a change). */
export const JsonObjectScalar = JSONObjectResolver;
