import { Kind } from 'graphql';
import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { AggregateShape } from '../services/list-aggregate-shapes.js';
import { MAX_GROUPS } from '../services/list-aggregates.service.js';

/**
 * Query cost (graphql-query-complexity): every field costs 1, a connection multiplies its
 * selection by the page size asked for, a nested list by its typical length. The server
 * refuses an operation whose total exceeds GRAPHQL_MAX_COST before running it.
 */
export function pageComplexity({ args, childComplexity, node }: ComplexityEstimatorArgs): number {
  const size = Number(args.first ?? args.last ?? 20);
  // A selection of only connection-wide figures (aggregates, totalCount) is computed once, not once per node.
  const perNode = node.selectionSet?.selections.some((s) => s.kind !== Kind.FIELD || !ONCE_PER_CONNECTION.has(s.name.value)) ?? true;
  return 1 + childComplexity * (perNode ? Math.max(1, size) : 1);
}

const ONCE_PER_CONNECTION = new Set(['aggregates', 'groupedAggregates', 'totalCount', '__typename']);

/** Groups a dimension typically splits into, for the cost estimate; the answer itself is capped at MAX_GROUPS. */
const TYPICAL_GROUPS = { month: 24, year: 50, kecamatan: 20 } as const;

/** `groupedAggregates`: its selection once per expected group (enum values × typical months, years, kecamatan). */
export function groupsComplexity(shape: AggregateShape) {
  return ({ args, childComplexity }: ComplexityEstimatorArgs): number => {
    const groupBy = Array.isArray(args.groupBy) ? (args.groupBy as string[]) : [];
    let groups = 1;
    for (const value of groupBy) {
      const d = shape.dimensions.find((x) => x.value === value);
      groups *= !d ? 1 : d.kind === 'enum' ? Object.keys(d.enumType ?? {}).length || 1 : TYPICAL_GROUPS[d.kind];
    }
    return 1 + childComplexity * Math.min(groups, MAX_GROUPS);
  };
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
