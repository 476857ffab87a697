import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../../schema/errors.js';
import { Statement } from '../read/compile.js';
import { CONNECTIONS, type ListName } from '../read/connections.js';
import { type ListArgs, listConditions } from '../read/list-query.js';
import {
  type AggregateShape,
  CLAIM_AGGREGATES,
  CONTRIBUTION_AGGREGATES,
  type Dimension,
  ENROLMENT_AGGREGATES,
  type Measure,
  WORKER_AGGREGATES,
} from './list-aggregate-shapes.js';
import { runStatement } from './list-page.js';
import type { ServiceDeps } from './service-deps.js';

export type { ListName } from '../read/connections.js';
/** The conditions aggregates take: the connection's own `filter` and `where`. */
export type ListConditions = Pick<ListArgs, 'filter' | 'where'>;

export interface AggregateValues {
  count: number;
  /** Money sums as exact bigints (0 over no rows). */
  sum: Record<string, bigint>;
  min: Record<string, unknown>;
  max: Record<string, unknown>;
}

export interface AggregateGroup extends AggregateValues {
  keys: Record<string, unknown>;
}

/** A table's header shows a handful of groups; past this the caller is asked to narrow the filter, not sent a second table. */
export const MAX_GROUPS = 1000;
/** Dimensions in one `groupBy`: status × programme × month is the widest a screen uses. */
export const MAX_GROUP_BY = 3;

export const AGGREGATE_SHAPES: Record<ListName, AggregateShape> = {
  claims: CLAIM_AGGREGATES,
  contributions: CONTRIBUTION_AGGREGATES,
  enrolments: ENROLMENT_AGGREGATES,
  workers: WORKER_AGGREGATES,
};

/**
 * `aggregates` and `groupedAggregates` of the four lists: one SQL statement each, over the
 * conditions the list itself uses (server/read/list-query.ts `listConditions`), in the request's
 * EntityManager and its scoped transaction, so the rows counted are the rows the connection pages through.
 */
export class ListAggregateService {
  constructor(private readonly deps: ServiceDeps) {}

  async totals(list: ListName, conditions: ListConditions): Promise<AggregateValues> {
    const [row] = await this.run(list, conditions, []);
    return row!;
  }

  async groups(list: ListName, conditions: ListConditions, groupBy: string[]): Promise<AggregateGroup[]> {
    const dimensions = checkGroupBy(AGGREGATE_SHAPES[list], groupBy);
    const rows = await this.run(list, conditions, dimensions);
    if (rows.length > MAX_GROUPS) {
      throw new ValidationError('groupBy', `gives more than ${MAX_GROUPS} groups: narrow the filter or group by fewer dimensions`);
    }
    return rows;
  }

  private async run(list: ListName, conditions: ListConditions, dimensions: Dimension[]): Promise<AggregateGroup[]> {
    const em: EntityManager = this.deps.em;
    const shape = AGGREGATE_SHAPES[list];
    const st = new Statement();
    const where = listConditions(list, conditions, st, this.deps.user);
    const column = columnOf(em, shape);
    const select = ['count(*)::int as "count"'];
    shape.measures.forEach((m, i) => {
      if (m.kind === 'rupiah') select.push(`coalesce(sum(${column(m.property)}), 0)::text as "s${i}"`);
      select.push(`${extreme('min', m, column(m.property))} as "n${i}"`, `${extreme('max', m, column(m.property))} as "x${i}"`);
    });
    const keys = dimensions.map((d) => groupKey(d, column(d.property)));
    select.push(...keys.map((k, i) => `${k} as "k${i}"`));
    let sql = `select ${select.join(', ')} from ${CONNECTIONS[list]!.table} t${where.length ? ` where ${where.join(' and ')}` : ''}`;
    if (keys.length) {
      // The keys are the last columns selected: group and order by their positions.
      const positions = keys.map((_, i) => String(select.length - keys.length + i + 1)).join(', ');
      sql += ` group by ${positions} order by ${positions} limit ${MAX_GROUPS + 1}`;
    }
    const rows = await runStatement<Record<string, unknown>>(em, sql, st.values);
    return rows.map((row) => ({
      count: row.count as number,
      sum: Object.fromEntries(shape.measures.flatMap((m, i) => (m.kind === 'rupiah' ? [[m.field, BigInt(row[`s${i}`] as string)]] : []))),
      min: Object.fromEntries(shape.measures.map((m, i) => [m.field, value(m, row[`n${i}`])])),
      max: Object.fromEntries(shape.measures.map((m, i) => [m.field, value(m, row[`x${i}`])])),
      keys: Object.fromEntries(dimensions.map((d, i) => [d.key, row[`k${i}`]])),
    }));
  }
}

function checkGroupBy(shape: AggregateShape, groupBy: string[]): Dimension[] {
  if (groupBy.length === 0) throw new ValidationError('groupBy', 'needs at least one dimension');
  if (groupBy.length > MAX_GROUP_BY) throw new ValidationError('groupBy', `takes at most ${MAX_GROUP_BY} dimensions`);
  if (new Set(groupBy).size !== groupBy.length) throw new ValidationError('groupBy', 'names a dimension twice');
  return groupBy.map((value) => {
    const dimension = shape.dimensions.find((d) => d.value === value);
    if (!dimension) throw new ValidationError('groupBy', `${value} is not a dimension of ${shape.name}`);
    return dimension;
  });
}

/** The column of a property under the root alias, from the entity's metadata (a relation gives its foreign key). */
function columnOf(em: EntityManager, shape: AggregateShape): (property: string) => string {
  const properties = em.getMetadata().get(shape.entity.name).properties as Record<string, { fieldNames: string[] }>;
  return (property) => {
    const name = properties[property]?.fieldNames[0];
    if (!name) throw new Error(`${shape.name} has no column for ${property}`);
    return `t.${name}`;
  };
}

// Dates leave PostgreSQL as text: the pg driver would turn a date into a JS Date at local midnight.
function extreme(fn: 'min' | 'max', measure: Measure, column: string): string {
  switch (measure.kind) {
    case 'rupiah':
      return `${fn}(${column})::text`;
    case 'year':
      return `extract(year from ${fn}(${column}))::int`;
    default:
      return `to_char(${fn}(${column}), 'YYYY-MM-DD')`;
  }
}

function groupKey(dimension: Dimension, column: string): string {
  switch (dimension.kind) {
    case 'enum':
      return column;
    case 'month':
      return `to_char(date_trunc('month', ${column}), 'YYYY-MM-DD')`;
    case 'year':
      return `extract(year from ${column})::int`;
    case 'kecamatan':
      // Kemendagri codes are fixed-width: the kecamatan of 64.02.06.2001 is its first eight characters.
      return `left(${column}, 8)`;
  }
}

function value(measure: Measure, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  return measure.kind === 'rupiah' ? BigInt(raw as string) : raw;
}
