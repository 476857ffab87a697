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

const MONTHS_PER_PERIOD: Record<string, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** A trend's selection once per period between `from` and `to` (a malformed date counts as one period; execution refuses it). */
export function periodComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const from = /^([0-9]{4})-([0-9]{2})/.exec(String(args.from ?? ''));
  const to = /^([0-9]{4})-([0-9]{2})/.exec(String(args.to ?? ''));
  const size = MONTHS_PER_PERIOD[String(args.interval ?? 'MONTH')] ?? 1;
  if (!from || !to) return 1 + childComplexity;
  const first = Math.floor((Number(from[1]) * 12 + Number(from[2]) - 1) / size);
  const last = Math.floor((Number(to[1]) * 12 + Number(to[2]) - 1) / size);
  return 1 + childComplexity * Math.max(1, last - first + 1);
}
