import type { AnalyticsDimensionName } from '../../schema/metrics/semantic-names.js';
import { regionCondition } from '../metrics/metric-region.js';
import type { Period, PlannedFilter, QueryPlan } from './query-plan.js';
import { DIMENSIONS, MEASURES, type MeasureId, type SourceName } from './semantic-model.js';
import type { SourceRead } from './source-read.js';

/** Values are checked by query-plan.ts against each dimension's list or pattern; quoting stays as a second guard. */
const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
export const measureColumn = (id: MeasureId) => `m_${id.toLowerCase()}`;
const dimensionAlias = (i: number) => `d${i}`;

function condition(f: PlannedFilter): string {
  const key = `f.${DIMENSIONS[f.dimension].key}`;
  return f.conditions
    .map((c) => {
      if (c.op === 'is null' || c.op === 'is not null') return `${key} ${c.op}`;
      if (c.op === 'in' || c.op === 'not in') {
        // a band comparison that keeps no band ("lessThan <15") matches nothing
        if (c.values.length === 0) return c.op === 'in' ? 'false' : 'true';
        return `${key} ${c.op} (${c.values.map(literal).join(', ')})`;
      }
      return `${key} ${c.op} ${literal(c.values[0]!)}`;
    })
    .join(' and ');
}

function periodRows(plan: QueryPlan): string {
  const row = (side: string, i: number, p: Period) => `('${side}', ${i}, date '${p.start}', date '${p.end}')`;
  const rows = plan.periods.map((p, i) => row('current', i, p));
  for (const [i, p] of (plan.comparePeriods ?? []).entries()) rows.push(row('compare', i, p));
  return rows.join(',\n        ');
}

const UNIT = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' } as const;

/** How a source's rows meet the periods, and a bound on the whole span first so the scan can skip what lies outside. */
function timeJoin(read: SourceRead, plan: QueryPlan): { on: string; bound: string } {
  const all = [...plan.periods, ...(plan.comparePeriods ?? [])];
  const first = all.reduce((a, p) => (p.start < a ? p.start : a), all[0]!.start);
  const last = all.reduce((a, p) => (p.end > a ? p.end : a), all[0]!.end);
  const time = read.time;
  switch (time.kind) {
    case 'calendar':
      return {
        on: `f.${time.start} = p.period_start and f.${time.end} = p.period_end`,
        bound: `f.${time.grain} = '${read.grain}' and f.${time.start} between date '${first}' and date '${last}'`,
      };
    case 'day':
      return {
        // with calendar periods an equality on the period's start lets DuckDB hash-join rather than compare every row with every period
        on: plan.granularity
          ? `date_trunc('${UNIT[plan.granularity]}', f.${time.column}) = date_trunc('${UNIT[plan.granularity]}', p.period_start)` +
            ` and f.${time.column} between p.period_start and p.period_end`
          : `f.${time.column} between p.period_start and p.period_end`,
        bound: `f.${time.column} between date '${first}' and date '${last}'`,
      };
    case 'span':
      return {
        on:
          // a calendar period lies within one year
          (plan.granularity
            ? `f.${time.year} = year(p.period_start)`
            : `f.${time.year} between year(p.period_start) and year(p.period_end)`) +
          ` and f.${time.from} <= p.period_end and f.${time.to} >= p.period_start`,
        bound: `f.${time.year} between ${first.slice(0, 4)} and ${last.slice(0, 4)}`,
      };
    case 'year':
      return {
        on: `f.${time.column} = year(p.period_start)`,
        bound: `f.${time.column} between ${first.slice(0, 4)} and ${last.slice(0, 4)}`,
      };
  }
}

function dimensionColumns(dimensions: readonly AnalyticsDimensionName[]): { select: string[]; group: string[] } {
  const select: string[] = [];
  const group: string[] = [];
  dimensions.forEach((d, i) => {
    const { key, label } = DIMENSIONS[d];
    select.push(`f.${key} as ${dimensionAlias(i)}_key`, `f.${label} as ${dimensionAlias(i)}_label`);
    group.push(`f.${key}`);
    if (label !== key) group.push(`f.${label}`);
  });
  return { select, group };
}

/** One source's base measures per side, period and group, with each period's total counted on its own. */
function sourceCells(source: SourceName, plan: QueryPlan, read: SourceRead): string {
  const measures = plan.bases.filter((b) => {
    const m = MEASURES[b];
    return m.kind === 'base' && m.source === source;
  });
  const { select, group } = dimensionColumns(plan.dimensions);
  const { on, bound } = timeJoin(read, plan);
  const where = [bound, ...plan.filters.map(condition)];
  // A budget belongs to the region of the sponsor that pays it; every other source to where its workers live.
  if (plan.regions) where.push(regionCondition(plan.regions, source === 'budget' ? 'sponsor' : 'worker', 'f.'));
  // Grouping sets, not a sum of the groups: a distinct count's total is its own count.
  const grouping = plan.dimensions.length
    ? `group by grouping sets ((p.side, p.period_index, ${group.join(', ')}), (p.side, p.period_index))`
    : 'group by p.side, p.period_index';
  const isTotal = plan.dimensions.length ? `grouping(f.${DIMENSIONS[plan.dimensions[0]!].key}) = 1` : 'true';
  return `${source}_cells as (
    select
        p.side,
        p.period_index,
        ${[`${isTotal} as is_total`, ...select, ...measures.map((m) => `${read.measure(m)} as ${measureColumn(m)}`)].join(',\n        ')}
    from periods as p
    join ${read.relation} as f on ${on}
    where ${where.join('\n        and ')}
    ${grouping}
)`;
}

/**
 * The one statement answering a plan: each source aggregated once over the periods of both ranges, the
 * sources met on side, period and group, the derived measures (ratios) computed in each cell from their
 * inputs, then each cell's current and compared values side by side with value − prior and the one
 * percentage rule, `yoy_pct_change` (analytics/models/macros.sql). `read(source)` says which mart to read
 * and how (source-read.ts): a rollup or the materialised mart at the latest snapshot, or its SQL pinned to
 * an earlier one.
 */
export function compileSql(plan: QueryPlan, read: (source: SourceName) => SourceRead): string {
  const keys = plan.dimensions.map((_, i) => `${dimensionAlias(i)}_key`);
  const labels = plan.dimensions.map((_, i) => `${dimensionAlias(i)}_label`);
  const cellKeys = ['side', 'period_index', 'is_total', ...keys];
  const ctes = [`periods (side, period_index, period_start, period_end) as (\n    values\n        ${periodRows(plan)}\n)`];
  for (const s of plan.sources) ctes.push(sourceCells(s, plan, read(s)));
  const bases = plan.bases.map(measureColumn);
  if (plan.sources.length === 1) {
    ctes.push(`cells as (select * from ${plan.sources[0]}_cells)`);
  } else {
    ctes.push(`cells as (
    select ${[...cellKeys, ...labels.map((l) => `max(${l}) as ${l}`), ...bases.map((b) => `max(${b}) as ${b}`)].join(', ')}
    from (${plan.sources.map((s) => `select * from ${s}_cells`).join(' union all by name ')})
    group by ${cellKeys.join(', ')}
)`);
  }
  const derived = plan.derived.map((id) => {
    const m = MEASURES[id];
    const sql = m.kind === 'derived' ? m.sql.replace(/\{([A-Z_]+)\}/g, (_, input: string) => measureColumn(input as MeasureId)) : '';
    return `${sql} as ${measureColumn(id)}`;
  });
  ctes.push(`measured as (
    select ${['*', ...derived].join(',\n        ')}
    from cells
)`);
  const sides = plan.measures.flatMap((m) => {
    const c = measureColumn(m);
    return [
      `max(${c}) filter (where side = 'current') as ${c}__value`,
      ...(plan.comparePeriods ? [`max(${c}) filter (where side = 'compare') as ${c}__prior`] : []),
    ];
  });
  ctes.push(`sides as (
    select ${['period_index', 'is_total', ...keys, ...labels.map((l) => `max(${l}) as ${l}`), ...sides].join(',\n        ')}
    from measured
    group by ${['period_index', 'is_total', ...keys].join(', ')}
)`);
  const values = plan.measures.flatMap((m) => {
    const c = measureColumn(m);
    return plan.comparePeriods
      ? [
          `cast(${c}__value as varchar) as ${c}__value`,
          `cast(${c}__prior as varchar) as ${c}__prior`,
          `cast(${c}__value - ${c}__prior as varchar) as ${c}__change`,
          `cast(yoy_pct_change(${c}__value, ${c}__prior) as varchar) as ${c}__change_pct`,
        ]
      : [`cast(${c}__value as varchar) as ${c}__value`];
  });
  const first = measureColumn(plan.measures[0]!);
  return `with ${ctes.join(',\n')}
select
    ${['period_index', 'is_total', ...keys.map((k) => `cast(${k} as varchar) as ${k}`), ...labels, ...values].join(',\n    ')}
from sides
order by ${['period_index', 'is_total desc', `${first}__value desc nulls last`, ...keys.map((k) => `${k} nulls last`)].join(', ')}`;
}
