/**
 * `totalCountEstimate` inside the page's statement: the planner's estimate of the filtered
 * query (migration 20261202200000's `lindung_count_estimate`), costing a plan, not a scan.
 * The filter's parameters reach the EXPLAIN as quoted literals through `format('%n$L')`.
 */
export function estimateSql(table: string, where: string[]): string {
  const text = `select 1 from ${table} t${where.length ? ` where ${where.join(' and ')}` : ''}`;
  const args: string[] = [];
  const template = text.replace(/%/g, '%%').replace(/\$(\d+)(::[a-z[\]]+)/g, (_m, n: string, cast: string) => {
    args.push(`$${n}${cast}`);
    return `%${args.length}$L${cast}`;
  });
  return `lindung_count_estimate(format('${template.replace(/'/g, "''")}'${args.map((a) => `, ${a}`).join('')}))::int`;
}
