import fs from 'node:fs';
import path from 'node:path';

/**
 * The published snapshot as Parquet partitioned by snapshot, province and regency, the layout Spark and
 * Trino read when one machine is no longer enough (etl/README.md, "At national scale"): one folder per
 * mart, `<mart>/snapshot_date=D/province_code=PP/regency_code=PP.RR/*.parquet`, written by DuckDB's own
 * `COPY … (FORMAT parquet, PARTITION_BY (…))`. The partition columns live in the folder names only, so a
 * reader gives their types (`hive_types = {'regency_code': varchar}`: 64.10 is a code, not a number).
 */

/** The marts exported, each with the column that places its rows in a regency. */
export const PARTITIONED_MARTS = {
  fct_enrolment_years: 'regency_code',
  fct_contributions_monthly: 'regency_code',
  fct_claims_paid: 'regency_code',
  fct_enrolment_daily: 'regency_code',
  fct_workforce: 'regency_code',
  fct_budget: 'regency_code',
} as const;

export interface PartitionedExport {
  snapshotDate: string;
  marts: Array<{ mart: string; rows: number; files: number }>;
}

interface Queries {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

const files = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    : [];

/** Writes the latest published snapshot under `outDir` (a mart's folder is replaced whole). */
export async function exportPartitioned(warehouse: Queries, outDir: string): Promise<PartitionedExport> {
  const [snapshot] = await warehouse.query<{ d: string }>('select cast(max(snapshot_date) as varchar) as d from snapshots');
  if (!snapshot?.d) throw new Error('no published snapshot to export');
  const quoted = (p: string) => `'${p.replace(/'/g, "''")}'`;
  // DuckDB creates the partition folders, not the folder they go in
  fs.mkdirSync(outDir, { recursive: true });
  const marts: PartitionedExport['marts'] = [];
  for (const [mart, regency] of Object.entries(PARTITIONED_MARTS)) {
    const target = path.join(outDir, mart);
    fs.rmSync(target, { recursive: true, force: true });
    const [{ n }] = (await warehouse.query<{ n: string }>(`select cast(count(*) as varchar) as n from ${mart}`)) as [{ n: string }];
    const columns = await warehouse.query<{ name: string; type: string }>(
      `select column_name as name, data_type as type from information_schema.columns where table_name = '${mart}'`,
    );
    // a mart over every snapshot (fct_enrolment_daily) keeps its own snapshot_date; the others are the latest's
    const snapshotColumn = columns.some((c) => c.name === 'snapshot_date') ? '' : `, date '${snapshot.d}' as snapshot_date`;
    // Parquet has no 128-bit integer and DuckDB would write a HUGEINT sum of rupiah as DOUBLE: DECIMAL(38, 0) keeps it exact
    const exact = columns.filter((c) => c.type === 'HUGEINT').map((c) => `cast(${c.name} as decimal(38, 0)) as ${c.name}`);
    await warehouse.query(`copy (
    select * exclude (${regency})${exact.length ? ` replace (${exact.join(', ')})` : ''}${snapshotColumn},
        left(${regency}, 2) as province_code, ${regency} as regency_code
    from ${mart}
) to ${quoted(target)} (format parquet, compression zstd, partition_by (snapshot_date, province_code, regency_code))`);
    marts.push({ mart, rows: Number(n), files: files(target).length });
  }
  return { snapshotDate: snapshot.d, marts };
}
