import type { MetricName, MetricUnit } from '../../schema/metrics/metric-definitions.js';
import type { AnalyticsDimensionName } from '../../schema/metrics/semantic-names.js';
import {
  type BaseMeasure,
  type InternalMeasure,
  MEASURES,
  type MeasureId,
  NOT_MEASURES,
  SOURCES,
  type SourceTime,
} from './semantic-model.js';

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
  measure: MetricName;
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
    .filter((id) => !INTERNAL.includes(id) && !(id in NOT_MEASURES))
    .map((id) => describeMeasure(id as MeasureDescription['measure']));
}

const TIME: Record<SourceTime['kind'], (column: string) => string> = {
  day: (c) => `its date ${c}`,
  span: () => 'the span it covers',
  year: (c) => `its year ${c}`,
  snapshot: (c) => `its last ${c} in the period`,
};

/** The comment a reader's copy of a measure opens with, in the reader's language (the briefs' appendix). */
export interface MeasureComment {
  /** What it counts, in one sentence. */
  description: string;
  /** The word for the marts it reads ("source", "sumber"). */
  source: string;
}

/**
 * A measure's definition as SQL, for a reader (the briefs' methods appendix): the aggregate over its mart
 * and its own rows; a derived measure as its formula over its inputs. The statements that ran are printed
 * beside it in full; this is what each of them computes per cell. With `comment`, it opens with what it
 * counts and what it reads, in the words given.
 */
export function measureSql(id: MeasureId, comment?: MeasureComment): string {
  const m = MEASURES[id];
  const reads = baseInputs(id)
    .map((b) => SOURCES[(MEASURES[b] as BaseMeasure).source].model)
    .filter((model, i, all) => all.indexOf(model) === i);
  const header = comment
    ? [`-- ${id.toLowerCase()} (${m.unit}): ${comment.description}`, `-- ${comment.source}: ${reads.join(', ')}.`]
    : [];
  if (m.kind === 'derived') {
    return [...header, `select ${m.sql.replace(/\{([A-Z_]+)\}/g, (_, input: string) => input.toLowerCase())} as ${id.toLowerCase()}`].join(
      '\n',
    );
  }
  const source = SOURCES[m.source];
  const time = source.time;
  const column = time.kind === 'span' ? `${time.from} … ${time.to}` : time.column;
  return [
    ...header,
    `select ${m.sql} as ${id.toLowerCase()}`,
    `from ${source.model} as f`,
    ...(m.where ? [`where ${m.where}`] : []),
    `group by <period: ${TIME[time.kind](column)}>, <dimensions>`,
  ].join('\n');
}
