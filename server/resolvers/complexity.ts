import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';

/**
 * Query cost (graphql-query-complexity): every field costs 1, a connection multiplies its
 * selection by the page size asked for, a nested list by its typical length. The server
 * refuses an operation whose total exceeds GRAPHQL_MAX_COST before running it.
 */
export function pageComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const size = Number(args.first ?? args.last ?? 20);
  return 1 + childComplexity * Math.max(1, size);
}

export function listComplexity(typicalLength: number) {
  return ({ childComplexity }: ComplexityEstimatorArgs): number => 1 + childComplexity * typicalLength;
}

export function lastComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  return 1 + childComplexity * Math.max(1, Number(args.last ?? 12));
}
