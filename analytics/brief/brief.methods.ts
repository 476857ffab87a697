import type { MetricName } from '../../schema/metrics/metric-definitions.js';
import { MEASURES } from '../semantic/semantic-model.js';
import type { BriefQuery } from './named-query.js';
import type { BriefFacts } from './sections/section.js';

/**
 * The methods appendix in a form that prints in a few pages: every statement the brief ran is a
 * semantic statement (analytics/semantic) in the comparison's or the trend's shape, and statements
 * that differ only in the measure's name and aggregate and in the years are one template, so the
 * appendix prints each template and each measure once, plus a table of which query filled which
 * template how. A template is only used when filling it back gives the exact statement that ran,
 * character for character; otherwise the full statements are printed.
 */

export interface MethodsTemplate {
  id: string;
  kind: BriefQuery['kind'];
  sql: string;
}

export interface MethodsQuery {
  id: string;
  metric: MetricName;
  kind: BriefQuery['kind'];
  groupBy: string | null;
  period: string;
  /** The templates its statements fill, in order ("T1, T2": a comparison's total, then its groups). */
  template: string | null;
}

/** A measure the brief reads, printed once with its aggregate over its mart (measureSql). */
export interface MethodsMetric {
  metric: MetricName;
}

export interface Methods {
  /** Empty when some statement did not fit a template: print the full statements then. */
  templates: MethodsTemplate[];
  queries: MethodsQuery[];
  metrics: MethodsMetric[];
}

type Substitution = [literal: string, placeholder: string];

const replaceAll = (text: string, from: string, to: string) => text.split(from).join(to);

function substitutions(query: BriefQuery, content: BriefFacts): Substitution[] {
  const measure = MEASURES[query.metric];
  const named: Substitution[] = [
    ...(measure.kind === 'base' ? ([[measure.sql, '<aggregate>']] as Substitution[]) : []),
    [query.metric.toLowerCase(), '<measure>'],
  ];
  if (query.kind === 'trend') return [...named, [`${query.from!.slice(0, 4)}-`, '<year>-']];
  return [...named, [`${content.year}-`, '<year>-'], [`${content.compare}-`, '<compare>-']];
}

function toTemplate(sql: string, subs: Substitution[]): string | null {
  let template = sql;
  for (const [literal, placeholder] of subs) template = replaceAll(template, literal, placeholder);
  let filled = template;
  for (const [literal, placeholder] of [...subs].reverse()) filled = replaceAll(filled, placeholder, literal);
  return filled === sql ? template : null;
}

export function methodsOf(content: BriefFacts): Methods {
  const templates = new Map<string, MethodsTemplate>();
  let fits = true;
  const queries = content.queries.map((query): MethodsQuery => {
    const ids: string[] = [];
    query.sql.forEach((sql) => {
      const template = toTemplate(sql, substitutions(query, content));
      if (template === null) {
        fits = false;
        return;
      }
      let known = templates.get(template);
      if (!known) {
        known = { id: `T${templates.size + 1}`, kind: query.kind, sql: template };
        templates.set(template, known);
      }
      if (!ids.includes(known.id)) ids.push(known.id);
    });
    return {
      id: query.id,
      metric: query.metric,
      kind: query.kind,
      groupBy: query.groupBy,
      period: query.kind === 'trend' ? `${query.from} … ${query.to}` : `${content.year} / ${content.compare}`,
      template: ids.length ? ids.join(', ') : null,
    };
  });
  const seen = new Set<string>();
  const metrics: MethodsMetric[] = [];
  for (const query of content.queries) {
    if (seen.has(query.metric)) continue;
    seen.add(query.metric);
    metrics.push({ metric: query.metric });
  }
  return fits
    ? { templates: [...templates.values()], queries, metrics }
    : { templates: [], queries: queries.map((q) => ({ ...q, template: null })), metrics };
}
