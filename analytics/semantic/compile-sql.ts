import type { AnalyticsDimensionName } from '../../schema/metrics/semantic-names.js';
import { regionCondition } from './region-condition.js';
import type { Period, PlannedFilter, QueryPlan } from './query-plan.js';
import { DIMENSIONS, MEASURES, type MeasureId, SOURCES, type SourceName } from './semantic-model.js';
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
    case 'snapshot':
      return {
        // a stock is what it was on the period's last snapshot date (p.last_snapshot, see lastSnapshots)
        on: `f.${time.column} = p.last_snapshot`,
        bound: `f.${time.column} between date '${first}' and date '${last}'`,
      };
  }
}

/** Each period with the last snapshot date a stock source has in it; a period without one joins nothing. */
function lastSnapshots(read: SourceRead, column: string, asOf: string | null): string {
  // the source keeps every snapshot's rows: as of an earlier one, the later ones did not exist yet
  const until = asOf ? ` and s.${column} <= date '${asOf}'` : '';
  return `(
        select periods.*, max(s.${column}) as last_snapshot
        from periods
        join (select distinct ${column} from ${read.relation}) as s on s.${column} between periods.period_start and periods.period_end${until}
        group by all
    )`;
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

/** Rows of a source in a cell (`n__<source>`) and of one measure's own rows (`n_<measure>`). */
export const sourceRowsColumn = (source: SourceName) => `n__${source}`;
const measureRowsColumn = (id: MeasureId) => `n_${id.toLowerCase()}`;

const basesOf = (plan: QueryPlan, source: SourceName) =>
  plan.bases.filter((b) => {
    const m = MEASURES[b];
    return m.kind === 'base' && m.source === source;
  });

/** The condition keeping a source's rows in the regions, by whose region its rows belong to (SourceDeclaration.regionBy). */
function sourceRegions(source: SourceName, regions: readonly string[], budget: SourceRead): string {
  switch (SOURCES[source].regionBy) {
    case 'worker':
      return regionCondition(regions, 'worker', 'f.');
    case 'sponsor':
      return regionCondition(regions, 'sponsor', 'f.');
    case 'budgeted sponsor':
      return `f.sponsor_code in (select sponsor_code from ${budget.relation} where ${regionCondition(regions, 'sponsor')})`;
  }
}

/** One source's base measures per side, period and group, with each period's total counted on its own. */
function sourceCells(source: SourceName, plan: QueryPlan, read: SourceRead, budget: SourceRead): string {
  const measures = basesOf(plan, source);
  const { select, group } = dimensionColumns(plan.dimensions);
  const { on, bound } = timeJoin(read, plan);
  const where = [bound, ...plan.filters.map(condition)];
  if (plan.regions) where.push(sourceRegions(source, plan.regions, budget));
  // Grouping sets, not a sum of the groups: a distinct count's total is its own count.
  const grouping = plan.dimensions.length
    ? `group by grouping sets ((p.side, p.period_index, ${group.join(', ')}), (p.side, p.period_index))`
    : 'group by p.side, p.period_index';
  const isTotal = plan.dimensions.length ? `grouping(f.${DIMENSIONS[plan.dimensions[0]!].key}) = 1` : 'true';
  return `${source}_cells as (
    select
        p.side,
        p.period_index,
        ${[
          `${isTotal} as is_total`,
          ...select,
          ...measures.map((m) => `${read.measure(m)}${own(m, ' filter (where ', ')')} as ${measureColumn(m)}`),
          `count(*) as ${sourceRowsColumn(source)}`,
          ...measures.map((m) => `count(*)${own(m, ' filter (where ', ')')} as ${measureRowsColumn(m)}`),
        ].join(',\n        ')}
    from ${read.time.kind === 'snapshot' ? lastSnapshots(read, read.time.column, plan.asOf) : 'periods'} as p
    join ${read.relation} as f on ${on}
    where ${where.join('\n        and ')}
    ${grouping}
)`;
}

/** A measure's own condition, wrapped; '' when it reads every row of its source. */
function own(id: MeasureId, before: string, after: string): string {
  const m = MEASURES[id];
  return m.kind === 'base' && m.where ? `${before}${m.where}${after}` : '';
}

/**
 * Where a source has no rows for a group in a period, a sum or count is 0 when the source has rows in that
 * period at all (nothing was paid, nobody was covered) and null when it has none (the warehouse does not know
 * the period: before its data starts, after its snapshot). Figures declared per calendar year (a budget, the
 * labour-force statistics) are null where not declared: no allocation on record is not an allocation of 0.
 */
const zeroWhereAbsent = (source: SourceName) => SOURCES[source].time.kind !== 'year';

/** The members a `listed` dimension has in the plan: its values, those the filters keep and the measures can have. */
function membersOf(plan: QueryPlan, dimension: AnalyticsDimensionName): string[] {
  const d = DIMENSIONS[dimension];
  let members = [...(d.values ?? [])];
  for (const f of plan.filters.filter((x) => x.dimension === dimension)) {
    for (const c of f.conditions) {
      if (c.op === '=' || c.op === 'in') members = members.filter((m) => c.values.includes(m));
      else if (c.op === '<>' || c.op === 'not in') members = members.filter((m) => !c.values.includes(m));
      else if (c.op === 'is null') members = [];
      // ordered comparisons on listed values are planned as `in` (query-plan.ts)
    }
  }
  const only = plan.measures.flatMap(inputsOf).map((b) => {
    const m = MEASURES[b];
    return m.kind === 'base' ? m.only?.[dimension] : undefined;
  });
  // a measure reading only some members (JKK and JKM benefits) lists only those, unless another reads all
  if (only.every((o) => o !== undefined)) members = members.filter((m) => only.some((o) => o!.includes(m)));
  return members;
}

/**
 * Every member of a `listed` dimension (the five programmes) gets a line in each period that has any: the rows
 * added carry no side, so their values are the zeros of zeroWhereAbsent. Returns the relation to read on.
 */
function listedMembers(plan: QueryPlan, keys: string[], labels: string[], ctes: string[]): string {
  let from = 'measured';
  plan.dimensions.forEach((dimension, i) => {
    if (!DIMENSIONS[dimension].listed) return;
    const members = membersOf(plan, dimension);
    if (members.length === 0) return;
    const others = [...keys, ...labels].filter((c) => c !== keys[i] && c !== labels[i]).map((c) => `m.${c}`);
    const name = `listed_${i}`;
    ctes.push(`${name} as (
    select * from ${from}
    union all by name
    select distinct ${['m.period_index', 'false as is_total', ...others, `v.member as ${keys[i]}`, `v.member as ${labels[i]}`].join(', ')}
    from ${from} as m
    cross join (values ${members.map((v) => `(${literal(v)})`).join(', ')}) as v(member)
    where not m.is_total
)`);
    from = name;
  });
  return from;
}

/** The base measures a measure is computed from, as planned. */
function inputsOf(id: MeasureId): MeasureId[] {
  const m = MEASURES[id];
  return m.kind === 'base' ? [id] : [...new Set(m.inputs.flatMap(inputsOf))];
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
  for (const s of plan.sources) ctes.push(sourceCells(s, plan, read(s), read('budget')));
  const bases = [...plan.bases.map(measureColumn), ...plan.sources.map(sourceRowsColumn), ...plan.bases.map(measureRowsColumn)];
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
  // A group is listed where a measure asked for has rows of its own (a filtered measure's groups are its rows').
  const listed = [...new Set(plan.measures.flatMap(inputsOf))].map((b) => `${measureRowsColumn(b)} > 0`);
  ctes.push(`measured as (
    select ${['*', ...derived].join(',\n        ')}
    from cells
    where is_total or ${listed.join(' or ')}
)`);
  const listedFrom = listedMembers(plan, keys, labels, ctes);
  // Which periods of each side the sources have rows in: there an absent group is 0, not null (zeroWhereAbsent).
  const zeroSources = plan.sources.filter(zeroWhereAbsent);
  const sideNames = plan.comparePeriods ? (['current', 'compare'] as const) : (['current'] as const);
  const hasRows = (side: string, source: SourceName) => `has_${side}_${source}`;
  if (zeroSources.length) {
    ctes.push(`period_rows as (
    select ${[
      'period_index',
      ...sideNames.flatMap((side) =>
        zeroSources.map(
          (s) => `coalesce(bool_or(${sourceRowsColumn(s)} > 0) filter (where side = '${side}'), false) as ${hasRows(side, s)}`,
        ),
      ),
    ].join(',\n        ')}
    from cells
    where is_total
    group by period_index
)`);
  }
  const sides = plan.measures.flatMap((m) => {
    const c = measureColumn(m);
    const decl = MEASURES[m];
    const side = (name: 'current' | 'compare', suffix: string) => {
      const value = `max(${c}) filter (where side = '${name}')`;
      return decl.kind === 'base' && zeroWhereAbsent(decl.source)
        ? `coalesce(${value}, case when any_value(r.${hasRows(name, decl.source)}) then 0 end) as ${c}__${suffix}`
        : `${value} as ${c}__${suffix}`;
    };
    return [side('current', 'value'), ...(plan.comparePeriods ? [side('compare', 'prior')] : [])];
  });
  ctes.push(`sides as (
    select ${['period_index', 'is_total', ...keys, ...labels.map((l) => `max(${l}) as ${l}`), ...sides].join(',\n        ')}
    from ${listedFrom}${zeroSources.length ? '\n    left join period_rows as r using (period_index)' : ''}
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
order by ${[
    'period_index',
    'is_total desc',
    // the figures are text by now (exact decimals): ordered as numbers, not as text ("9" after "10")
    `cast(${first}__value as decimal(38, 1)) desc nulls last`,
    ...keys.map((k) => `${k} nulls last`),
  ].join(', ')}`;
}
