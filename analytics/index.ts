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
