import type { MetricComparison } from '../metrics/metric-queries.js';
import type { Block, TableBlock } from './brief-document.type.js';
import { type Figures, geometry } from './figures.js';
import type { MonthlyTrend } from './named-query.js';
import { type FigureUnit, formatAxis, monthLabel } from './number-format.js';
import { barChart, type ChartText, groupedBarChart, lineChart } from './svg-charts.js';

/**
 * Chart blocks from answers: the two years side by side as grouped bars, a year's months as lines,
 * one bar per member. The SVG comes from svg-charts.ts; this only picks the figures and their labels.
 */

export function groupedBars(
  fig: Figures,
  text: ChartText,
  rows: Array<{ label: string; c: MetricComparison }>,
  unit: FigureUnit,
  max?: number,
): Block {
  const svg = groupedBarChart(
    text,
    fig.series(),
    rows.map(({ label, c }) => ({
      label,
      values: [
        { value: geometry(c.prior), display: fig.value(c.prior, unit) },
        { value: geometry(c.value), display: fig.value(c.value, unit) },
      ],
    })),
    { max },
  );
  return { kind: 'chart', caption: text.title, svg };
}

export function bars(
  fig: Figures,
  text: ChartText,
  rows: Array<{ label: string; value: string | null }>,
  unit: FigureUnit,
  max?: number,
): Block {
  const svg = barChart(
    text,
    rows.map((r) => ({ label: r.label, value: geometry(r.value), display: fig.value(r.value, unit) })),
    { max },
  );
  return { kind: 'chart', caption: text.title, svg };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const byMonth = (t: MonthlyTrend) => MONTHS.map((m) => t.points.find((p) => Number(p.periodStart.slice(5, 7)) === m)?.value ?? null);

/** The months (1–12) of a trend that have a value. */
export const monthsWithData = (t: MonthlyTrend): number[] => MONTHS.filter((_, i) => byMonth(t)[i] !== null);

/**
 * Both years' months of a count as two lines (whole-number ticks); without SVG (Markdown) a table of
 * the same points. `emptyText` is what the chart says when neither year has a value.
 */
export function monthlyLines(fig: Figures, text: ChartText, compareYear: MonthlyTrend, thisYear: MonthlyTrend, emptyText?: string): Block {
  const prior = byMonth(compareYear);
  const current = byMonth(thisYear);
  const months = MONTHS.map((m) => monthLabel(m, fig.lang));
  const [compareName, yearName] = fig.series() as [string, string];
  const svg = lineChart(
    text,
    months,
    [
      { name: compareName, values: prior.map(geometry) },
      { name: yearName, values: current.map(geometry) },
    ],
    { formatTick: (v) => formatAxis(v, fig.lang), emptyText: emptyText ?? fig.common.noData, whole: true },
  );
  const fallback: TableBlock = {
    kind: 'table',
    caption: text.title,
    columns: [{ label: fig.common.month, numeric: false }, ...fig.series().map((l) => ({ label: l, numeric: true }))],
    rows: months.map((m, i) => [m, fig.value(prior[i] ?? null, 'COUNT'), fig.value(current[i] ?? null, 'COUNT')]),
  };
  return { kind: 'chart', caption: text.title, svg, fallback };
}
