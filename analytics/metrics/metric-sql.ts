import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MetricName } from '../../schema/metrics/metric-definitions.js';

/** Where each metric's SQL lives: `yearly/<name>.sql` and `trends/<name>.sql` beside this file. */
const DIR = path.dirname(fileURLToPath(import.meta.url));

export const metricFile = (kind: 'yearly' | 'trends', name: MetricName) => path.join(DIR, kind, `${name.toLowerCase()}.sql`);

const cache = new Map<string, string>();
/** The metric's SQL without its header comment or trailing semicolon, ready to sit in a CTE. */
export function metricSql(kind: 'yearly' | 'trends', name: MetricName): string {
  const file = metricFile(kind, name);
  let sql = cache.get(file);
  if (sql === undefined) {
    sql = fs.readFileSync(file, 'utf8').trim().replace(/;\s*$/, '');
    cache.set(file, sql);
  }
  return sql;
}
