import { QueryTooLargeError, ValidationError, WarehouseNotReadyError } from '../../schema/errors.js';
import type { MetricName, TrendInterval } from '../../schema/metrics/metric-definitions.js';
import type { AnalyticsDimensionName } from '../../schema/metrics/semantic-names.js';
import type { WarehouseQueries, WarehouseSnapshot } from './warehouse.js';
import type { AnswerCache } from './answer-cache.js';
import { compileSql, measureColumn } from './compile-sql.js';
import { type DateRange, type Period, planCells, planQuery, type QueryPlan, type SemanticQuery } from './query-plan.js';
import { describeMeasure, type MeasureDescription } from './measure-catalogue.js';
import { DIMENSIONS } from './semantic-model.js';
import { sourceRead } from './source-read.js';

/** What the semantic query needs of a warehouse: one catalogue per answer, and which catalogue is current. */
export interface SemanticWarehouse {
  pinned<T>(work: (warehouse: WarehouseQueries) => Promise<T>): Promise<T>;
  /** Changes whenever a new catalogue is published (WarehouseReader: its inode); null: nothing may be cached. */
  generation?(): number | null;
}

export interface SemanticValue {
  measure: MetricName;
  /** Exact decimal strings in the measure's unit; prior, change and changePct only with a compare range. */
  value: string | null;
  prior: string | null;
  change: string | null;
  changePct: string | null;
}

export interface SemanticMember {
  dimension: AnalyticsDimensionName;
  /** Null where the warehouse has no value (a withheld sex or age band, a worker without a region). */
  key: string | null;
  label: string | null;
}

export interface SemanticRow {
  period: Period;
  comparePeriod: Period | null;
  members: SemanticMember[];
  values: SemanticValue[];
}

export interface SemanticAnswer {
  measures: MeasureDescription[];
  dimensions: AnalyticsDimensionName[];
  granularity: TrendInterval | null;
  dateRange: DateRange;
  compareDateRange: DateRange | null;
  /** The region codes answered for; null: the whole warehouse. */
  regions: string[] | null;
  /** One per period and group, largest first within a period; groups of a distinct count need not add up to its total. */
  rows: SemanticRow[];
  /** One per period, each counted on its own (never the sum of the rows). */
  totals: SemanticRow[];
  snapshot: WarehouseSnapshot;
  /** The statement that produced the rows and totals, runnable as printed in `npm run sql`. */
  sql: string[];
}

export interface SemanticOptions {
  /** The most cells a plan may have (platform/config.ts ANALYTICS_MAX_CELLS). */
  maxCells: number;
  /** Answers kept per catalogue; absent: nothing cached. */
  cache?: AnswerCache<SemanticAnswer> | null;
  /** False: always read the sources' own marts, never a rollup (to check that both give the same figures). */
  rollups?: boolean;
}

type SnapshotRow = { snapshot_date: string; run_id: string; published_ms: string };

/**
 * Any measures by any dimensions the data can answer, over one or two date ranges, as of any published
 * snapshot. The plan is checked before the warehouse is opened; its size before the statement runs.
 */
export async function semanticQuery(warehouse: SemanticWarehouse, q: SemanticQuery, options: SemanticOptions): Promise<SemanticAnswer> {
  const plan = planQuery(q);
  const generation = options.cache ? (warehouse.generation?.() ?? null) : null;
  // The generation is read before the statements run: a publish in between at worst files a newer answer under
  // the old generation, which no later request asks for (the cache empties when it sees the new one).
  const key = JSON.stringify([plan, options.rollups ?? true]);
  if (generation !== null) {
    const hit = options.cache!.get(generation, key);
    if (hit) return hit;
  }
  const answer = await warehouse.pinned(async (w) => {
    const { sql, snapshot } = await planStatement(w, plan, options.rollups ?? true, () => checkSize(w, plan, options, generation));
    const rows = await w.query<Record<string, string | boolean | number | null>>(sql);
    return shape(plan, rows, sql, snapshot);
  });
  if (generation !== null) options.cache!.set(generation, key, answer);
  return answer;
}

/**
 * A checked plan's one statement on one catalogue, and the published snapshot it reads (`asOf`, else the
 * latest): what `analytics` runs, and what its thin forms (`yearOverYear`, `trend` in
 * analytics/metrics/metric-queries.ts) wrap in their own projection. `beforeCompile` runs once the catalogue
 * is known to hold the snapshot (the size check).
 */
export async function planStatement(
  w: WarehouseQueries,
  plan: QueryPlan,
  rollups = true,
  beforeCompile?: () => Promise<void>,
): Promise<{ sql: string; snapshot: WarehouseSnapshot }> {
  const snapshots = await w.query<SnapshotRow>(
    `select cast(snapshot_date as varchar) as snapshot_date, run_id, cast(epoch_ms(published_at) as varchar) as published_ms
     from snapshots order by snapshot_date desc`,
  );
  const latest = snapshots[0];
  if (!latest) throw new WarehouseNotReadyError();
  const chosen = plan.asOf ? snapshots.find((s) => s.snapshot_date === plan.asOf) : latest;
  if (!chosen) {
    throw new ValidationError(
      'asOf',
      `no snapshot was published for ${plan.asOf}; published: ${
        snapshots.length > 12
          ? `${snapshots.length} from ${snapshots.at(-1)!.snapshot_date} to ${latest.snapshot_date}`
          : snapshots.map((s) => s.snapshot_date).join(', ')
      }`,
    );
  }
  await beforeCompile?.();
  const at = { latest: chosen.snapshot_date === latest.snapshot_date, date: chosen.snapshot_date };
  return {
    sql: compileSql(plan, (source) => sourceRead(plan, source, at, rollups)),
    snapshot: {
      snapshotDate: chosen.snapshot_date,
      runId: chosen.run_id,
      publishedAt: new Date(Number(chosen.published_ms)).toISOString(),
    },
  };
}

const estimateCache = new WeakMap<object, { generation: number | null; members: Map<string, number> }>();

async function checkSize(w: WarehouseQueries, plan: QueryPlan, options: SemanticOptions, generation: number | null): Promise<void> {
  const estimates: Partial<Record<AnalyticsDimensionName, number>> = {};
  // Counted members (sponsors, kecamatan) change only with a publish: kept per catalogue beside the answers.
  const holder = options.cache ?? w;
  let known = estimateCache.get(holder);
  if (!known || known.generation !== generation || generation === null) {
    known = { generation, members: new Map() };
    estimateCache.set(holder, known);
  }
  for (const d of plan.dimensions) {
    const e = DIMENSIONS[d].estimate;
    if (typeof e === 'number') estimates[d] = e;
    else {
      let n = known.members.get(d);
      if (n === undefined) {
        const [row] = await w.query<{ n: string }>(`select cast((${e.sql}) as varchar) as n`);
        n = Number(row?.n ?? 1);
        known.members.set(d, n);
      }
      estimates[d] = n;
    }
  }
  const cells = planCells(plan, estimates);
  if (cells > options.maxCells) {
    const shape = [
      `${plan.periods.length} period${plan.periods.length === 1 ? '' : 's'}${plan.comparePeriods ? ' × 2 ranges' : ''}`,
      ...plan.dimensions.map((d) => `${d} ~${estimates[d]}`),
    ].join(' × ');
    throw new QueryTooLargeError(cells, options.maxCells, shape);
  }
}

function shape(
  plan: QueryPlan,
  rows: Array<Record<string, string | boolean | number | null>>,
  sql: string,
  snapshot: WarehouseSnapshot,
): SemanticAnswer {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const toRow = (r: Record<string, unknown>): SemanticRow => {
    const i = Number(r.period_index);
    return {
      period: plan.periods[i]!,
      comparePeriod: plan.comparePeriods?.[i] ?? null,
      members: r.is_total ? [] : plan.dimensions.map((d, j) => ({ dimension: d, key: str(r[`d${j}_key`]), label: str(r[`d${j}_label`]) })),
      values: plan.measures.map((m) => {
        const c = measureColumn(m);
        return {
          measure: m,
          value: str(r[`${c}__value`]),
          prior: str(r[`${c}__prior`]),
          change: str(r[`${c}__change`]),
          changePct: str(r[`${c}__change_pct`]),
        };
      }),
    };
  };
  const totals = plan.periods.map((period, i) => {
    const found = rows.find((r) => r.is_total && Number(r.period_index) === i);
    if (found) return toRow(found);
    // a period with nothing in it still has its line, with no values (as a trend's empty period)
    const empty: SemanticValue[] = plan.measures.map((m) => ({ measure: m, value: null, prior: null, change: null, changePct: null }));
    return { period, comparePeriod: plan.comparePeriods?.[i] ?? null, members: [], values: empty };
  });
  return {
    measures: plan.measures.map(describeMeasure),
    dimensions: plan.dimensions,
    granularity: plan.granularity,
    dateRange: plan.dateRange,
    compareDateRange: plan.compareDateRange,
    regions: plan.regions,
    rows: plan.dimensions.length ? rows.filter((r) => !r.is_total).map(toRow) : [],
    totals,
    snapshot,
    sql: [sql],
  };
}
