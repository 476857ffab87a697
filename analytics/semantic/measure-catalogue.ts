import type { MetricName, MetricUnit } from '../../schema/metrics/metric-definitions.js';
import type { AnalyticsDimensionName } from '../../schema/metrics/semantic-names.js';
import { type BaseMeasure, type InternalMeasure, MEASURES, type MeasureId, SOURCES } from './semantic-model.js';

/** Questions asked of the semantic model: what a measure is built from, and what it can be broken down by. */

/** The base measures a measure is computed from (itself when it is one). */
export function baseInputs(id: MeasureId): MeasureId[] {
  const m = MEASURES[id];
  return m.kind === 'base' ? [id] : [...new Set(m.inputs.flatMap(baseInputs))];
}

/** The dimensions every source behind a measure has. */
export function measureDimensions(id: MeasureId): AnalyticsDimensionName[] {
  const sources = baseInputs(id).map((b) => SOURCES[(MEASURES[b] as BaseMeasure).source]);
  return sources.reduce<AnalyticsDimensionName[]>(
    (common, s) => common.filter((d) => s.dimensions.includes(d)),
    [...sources[0]!.dimensions],
  );
}

/** What a dashboard needs to build its menus: each measure with its unit and the dimensions it can answer. */
export interface MeasureDescription {
  measure: Exclude<MetricName, 'ACTIVE_ENROLMENTS'>;
  unit: MetricUnit;
  distinct: boolean;
  dimensions: AnalyticsDimensionName[];
  /** Counted per calendar year: every period must be one whole year. */
  wholeYearsOnly: boolean;
}

const INTERNAL: readonly MeasureId[] = ['BUDGETED_CONTRIBUTIONS'] satisfies InternalMeasure[];

export function describeMeasure(id: MeasureDescription['measure']): MeasureDescription {
  const m = MEASURES[id];
  return {
    measure: id,
    unit: m.unit,
    distinct: m.distinct,
    dimensions: measureDimensions(id),
    wholeYearsOnly: baseInputs(id).some((b) => SOURCES[(MEASURES[b] as BaseMeasure).source].time.kind === 'year'),
  };
}

/** Every measure the semantic query answers, in the metric catalogue's order. */
export function semanticMeasures(): MeasureDescription[] {
  return (Object.keys(MEASURES) as MeasureId[])
    .filter((id) => !INTERNAL.includes(id))
    .map((id) => describeMeasure(id as MeasureDescription['measure']));
}
