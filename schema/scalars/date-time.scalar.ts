import { DateTimeResolver } from 'graphql-scalars';

/** graphql-scalars' DateTime: RFC 3339 timestamps in UTC, e.g. "2026-11-26T00:00:00.000Z". */
export const DateTimeScalar = DateTimeResolver;
