import { pinnedModelSql } from './pinned-models.js';
import type { Period, QueryPlan } from './query-plan.js';
import { type BaseMeasure, MEASURES, type MeasureId, type RollupDeclaration, SOURCES, type SourceName } from './semantic-model.js';

/** What compile-sql.ts reads for one source: the relation, how its rows meet the periods, each measure's aggregate. */
export interface SourceRead {
  relation: string;
  time: RollupDeclaration['time'];
  /** Calendar rollups: the grain every period has. */
  grain?: 'QUARTER' | 'YEAR';
  measure(id: MeasureId): string;
}

const wholeYear = (p: Period) => p.start.endsWith('-01-01') && p.end === `${p.start.slice(0, 4)}-12-31`;
const QUARTER_ENDS: Record<string, string> = { '01-01': '03-31', '04-01': '06-30', '07-01': '09-30', '10-01': '12-31' };
const wholeQuarter = (p: Period) => p.start.slice(0, 4) === p.end.slice(0, 4) && QUARTER_ENDS[p.start.slice(5)] === p.end.slice(5);

/** The calendar grain every period of the plan is one whole period of, if any. */
function calendarGrain(plan: QueryPlan): 'QUARTER' | 'YEAR' | null {
  const all = [...plan.periods, ...(plan.comparePeriods ?? [])];
  if (all.every(wholeYear)) return 'YEAR';
  if (all.every(wholeQuarter)) return 'QUARTER';
  return null;
}

/**
 * The mart a source is read from: at the latest snapshot the first of its rollups that can give the plan's
 * figures, else the source's mart itself; for an earlier snapshot the mart's SQL pinned to it (rollups are
 * built for the latest snapshot only).
 */
export function sourceRead(
  plan: QueryPlan,
  source: SourceName,
  snapshot: { latest: boolean; date: string },
  useRollups = true,
): SourceRead {
  const declaration = SOURCES[source];
  const bases = plan.bases.filter((b) => (MEASURES[b] as BaseMeasure).source === source);
  const used = new Set([...plan.dimensions, ...plan.filters.map((f) => f.dimension)]);
  // A regional plan keeps rows by regency or kecamatan: only a rollup holding both can answer it.
  if (plan.regions && declaration.regionBy === 'worker') used.add('REGENCY').add('KECAMATAN');
  if (snapshot.latest && useRollups) {
    for (const rollup of declaration.rollups ?? []) {
      if (![...used].every((d) => rollup.dimensions.includes(d))) continue;
      if (!bases.every((b) => rollup.measures[b] !== undefined)) continue;
      const grain = rollup.time.kind === 'calendar' ? calendarGrain(plan) : undefined;
      if (grain === null) continue;
      return { relation: rollup.model, time: rollup.time, grain, measure: (id) => rollup.measures[id]! };
    }
  }
  return {
    relation: snapshot.latest ? declaration.model : `(\n${pinnedModelSql(declaration.model, snapshot.date)}\n)`,
    time: declaration.time,
    measure: (id) => (MEASURES[id] as BaseMeasure).sql,
  };
}
