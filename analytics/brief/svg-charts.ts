import { escapeXml } from '../../platform/escape-xml.js';
/**
 * Charts as inline SVG strings: nothing to fetch, print-sharp, readable by a screen reader
 * (`role="img"` with a `<title>` and `<desc>`). Labels arrive already formatted; numbers are used
 * for geometry only. Every chart has class `chart` plus its kind (`chart-bar`, `chart-grouped`,
 * `chart-line`); bars are `rect.bar`, lines `path.line`.
 */

export interface ChartText {
  /** Unique within the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  description: string;
}

export interface BarDatum {
  label: string;
  value: number | null;
  /** The value as the page prints it. */
  display: string;
}

export interface GroupedDatum {
  label: string;
  values: Array<{ value: number | null; display: string }>;
}

export interface LineSeries {
  name: string;
  values: Array<number | null>;
}

/** Oldest first: the comparison year pale, the brief's year strong. */
export const SERIES_COLOURS = ['#9bb7d0', '#1f5f8b', '#c8553d', '#4f7942'];
const INK = '#1d2733';
const MUTED = '#5b6672';
const GRID = '#d9dee3';
const WIDTH = 640;
const FONT = 'font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif"';

const n = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : 0);
const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

function frame(kind: string, text: ChartText, height: number, body: string): string {
  const t = `${text.id}-title`;
  const d = `${text.id}-desc`;
  return (
    `<svg class="chart chart-${kind}" id="${escapeXml(text.id)}" role="img" ` +
    `aria-labelledby="${t} ${d}" viewBox="0 0 ${WIDTH} ${n(height)}" width="100%" preserveAspectRatio="xMinYMin meet" ${FONT} font-size="12">` +
    `<title id="${t}">${escapeXml(text.title)}</title><desc id="${d}">${escapeXml(text.description)}</desc>${body}</svg>`
  );
}

/** Rough width of a label in px at 12px, enough to size the label column. */
const textWidth = (s: string, size = 12) => s.length * size * 0.62;

function labelColumn(labels: string[]): number {
  return Math.min(260, Math.max(90, ...labels.map((l) => textWidth(l) + 16)));
}

function legend(names: string[], y: number, x0: number): string {
  let x = x0;
  return names
    .map((name, i) => {
      const item =
        `<g class="legend-item"><rect x="${n(x)}" y="${n(y - 10)}" width="12" height="12" fill="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/>` +
        `<text x="${n(x + 17)}" y="${n(y)}" fill="${INK}">${escapeXml(name)}</text></g>`;
      x += 17 + textWidth(name) + 22;
      return item;
    })
    .join('');
}

/** Horizontal bars, one per datum; `max` fixes the scale (100 for percentages). */
export function barChart(text: ChartText, bars: BarDatum[], options: { max?: number; colour?: string } = {}): string {
  const rowHeight = 22;
  const top = 8;
  const labelWidth = labelColumn(bars.map((b) => b.label));
  const valueRoom = 110;
  const plot = WIDTH - labelWidth - valueRoom;
  const max = options.max ?? Math.max(0, ...bars.map((b) => (finite(b.value) ? b.value : 0)));
  const scale = max > 0 ? plot / max : 0;
  const rows = bars
    .map((b, i) => {
      const y = top + i * rowHeight;
      const w = finite(b.value) ? Math.max(0, b.value * scale) : 0;
      return (
        `<g class="row"><text x="${n(labelWidth - 8)}" y="${n(y + 15)}" text-anchor="end" fill="${INK}">${escapeXml(b.label)}</text>` +
        (finite(b.value)
          ? `<rect class="bar" x="${n(labelWidth)}" y="${n(y + 4)}" width="${n(w)}" height="${rowHeight - 8}" fill="${options.colour ?? SERIES_COLOURS[1]}"/>`
          : '') +
        `<text class="value" x="${n(labelWidth + w + 6)}" y="${n(y + 15)}" fill="${MUTED}">${escapeXml(b.display)}</text></g>`
      );
    })
    .join('');
  const height = top + bars.length * rowHeight + 8;
  const axis = `<line x1="${n(labelWidth)}" y1="${top}" x2="${n(labelWidth)}" y2="${n(height - 8)}" stroke="${GRID}"/>`;
  return frame('bar', text, height, axis + rows);
}

/** Horizontal bars in groups, one bar per series (e.g. the comparison year and the brief's year). */
export function groupedBarChart(text: ChartText, series: string[], groups: GroupedDatum[], options: { max?: number } = {}): string {
  const barHeight = 14;
  const gap = 12;
  const top = 30;
  const groupHeight = series.length * barHeight + gap;
  const labelWidth = labelColumn(groups.map((g) => g.label));
  const valueRoom = 150;
  const plot = WIDTH - labelWidth - valueRoom;
  const values = groups.flatMap((g) => g.values.map((v) => (finite(v.value) ? v.value : 0)));
  const max = options.max ?? Math.max(0, ...values);
  const scale = max > 0 ? plot / max : 0;
  const body = groups
    .map((g, gi) => {
      const y0 = top + gi * groupHeight;
      const bars = g.values
        .map((v, si) => {
          const y = y0 + si * barHeight;
          const w = finite(v.value) ? Math.max(0, v.value * scale) : 0;
          return (
            (finite(v.value)
              ? `<rect class="bar" x="${n(labelWidth)}" y="${n(y)}" width="${n(w)}" height="${barHeight - 2}" fill="${SERIES_COLOURS[si % SERIES_COLOURS.length]}"><title>${escapeXml(`${series[si] ?? ''}: ${v.display}`)}</title></rect>`
              : '') +
            `<text class="value" x="${n(labelWidth + w + 6)}" y="${n(y + barHeight - 3)}" fill="${MUTED}" font-size="11">${escapeXml(v.display)}</text>`
          );
        })
        .join('');
      const labelY = y0 + (series.length * barHeight) / 2 + 4;
      return `<g class="group"><text x="${n(labelWidth - 8)}" y="${n(labelY)}" text-anchor="end" fill="${INK}">${escapeXml(g.label)}</text>${bars}</g>`;
    })
    .join('');
  const height = top + groups.length * groupHeight;
  const axis = `<line x1="${n(labelWidth)}" y1="${top - 4}" x2="${n(labelWidth)}" y2="${n(height - gap + 2)}" stroke="${GRID}"/>`;
  return frame('grouped', text, height, legend(series, 14, labelWidth) + axis + body);
}

/** The smallest "nice" axis maximum (1, 2, 2.5 or 5 × 10^k) at or above `max`. */
export function niceMax(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/**
 * The ticks of a value axis, from 0 to at least `max`. A count axis (`whole`) steps by 1, 2, 5, 10,
 * 20, 25, 50, … so that every tick is a whole number (a quarter of 250 would print "62,5"); other
 * axes keep quarters of a nice maximum.
 */
export function axisTicks(max: number, whole: boolean): number[] {
  if (!whole) {
    const top = niceMax(max);
    return [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  }
  const target = Number.isFinite(max) && max > 0 ? max / 5 : 0.2;
  let step = 1;
  for (let power = 1; step < target; power *= 10) {
    step = [1, 2, 2.5, 5].map((m) => m * power).find((s) => Number.isInteger(s) && s >= target) ?? 10 * power;
  }
  const count = Math.max(1, Math.ceil(max / step));
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

/**
 * Lines over shared x labels (months), one per series; a null breaks the line. With no value at
 * all the chart says `emptyText` instead of drawing an axis with nothing on it.
 */
export function lineChart(
  text: ChartText,
  xLabels: string[],
  series: LineSeries[],
  options: { formatTick: (value: number) => string; emptyText: string; whole?: boolean },
): string {
  const height = 250;
  const top = 34;
  const bottom = height - 28;
  const left = 64;
  const right = WIDTH - 16;
  const all = series.flatMap((s) => s.values.filter(finite));
  const head = legend(
    series.map((s) => s.name),
    14,
    left,
  );
  if (all.length === 0) {
    return frame('line', text, 80, `${head}<text class="empty" x="${left}" y="54" fill="${MUTED}">${escapeXml(options.emptyText)}</text>`);
  }
  const ticks = axisTicks(Math.max(...all), options.whole ?? false);
  const max = ticks[ticks.length - 1]!;
  const x = (i: number) => left + (xLabels.length <= 1 ? 0 : (i * (right - left)) / (xLabels.length - 1));
  const y = (v: number) => bottom - (v / max) * (bottom - top);
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${left}" y1="${n(y(t))}" x2="${right}" y2="${n(y(t))}" stroke="${GRID}"/>` +
        `<text x="${left - 6}" y="${n(y(t) + 4)}" text-anchor="end" fill="${MUTED}" font-size="11">${escapeXml(options.formatTick(t))}</text>`,
    )
    .join('');
  const xAxis = xLabels
    .map((l, i) => `<text x="${n(x(i))}" y="${bottom + 18}" text-anchor="middle" fill="${MUTED}" font-size="11">${escapeXml(l)}</text>`)
    .join('');
  const lines = series
    .map((s, si) => {
      const colour = SERIES_COLOURS[si % SERIES_COLOURS.length];
      let d = '';
      let pen = false;
      s.values.forEach((v, i) => {
        if (!finite(v)) {
          pen = false;
          return;
        }
        d += `${pen ? 'L' : 'M'}${n(x(i))} ${n(y(v))} `;
        pen = true;
      });
      const points = s.values
        .map((v, i) =>
          finite(v)
            ? `<circle class="point" cx="${n(x(i))}" cy="${n(y(v))}" r="2.5" fill="${colour}"><title>${escapeXml(`${s.name} ${xLabels[i] ?? ''}: ${options.formatTick(v)}`)}</title></circle>`
            : '',
        )
        .join('');
      return `<g class="series">${d ? `<path class="line" d="${d.trim()}" fill="none" stroke="${colour}" stroke-width="2.2" stroke-linejoin="round"/>` : ''}${points}</g>`;
    })
    .join('');
  return frame('line', text, height, head + grid + xAxis + lines);
}
