/**
 * What other products may use of analytics/ (the rule in ARCHITECTURE.md): the metric answers
 * the API serves. Everything else in this folder is its own business.
 */
export {
  trend,
  yearOverYear,
  type MetricComparison,
  type TrendAnswer,
  type TrendQuery,
  type WarehouseQueries,
  type WarehouseSnapshot,
  type YearOverYearAnswer,
  type YearOverYearQuery,
} from './metrics/metric-queries.js';
export { AnswerCache } from './semantic/answer-cache.js';
export { type MeasureDescription, semanticMeasures } from './semantic/measure-catalogue.js';
export type { DateRange, Period, SemanticFilter, SemanticQuery } from './semantic/query-plan.js';
export {
  type SemanticAnswer,
  type SemanticMember,
  type SemanticOptions,
  semanticQuery,
  type SemanticRow,
  type SemanticValue,
  type SemanticWarehouse,
} from './semantic/semantic-query.js';
/** The briefs, for the API's on-demand route (server/brief.route.ts): HTML and Markdown in the caller's process. */
export {
  appendixFileName,
  type BriefFormat,
  briefFileName,
  type BriefScope,
  validateBriefOptions,
  writeBriefs,
  type WrittenBrief,
} from './brief/brief.service.js';
export { withDefaultRegion } from './brief/brief-regions.js';
