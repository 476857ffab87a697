/** What the queries need from a warehouse handle (`platform/warehouse-reader.ts` WarehouseReader has it). */
export interface WarehouseQueries {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** The published snapshot every answer comes from. */
export interface WarehouseSnapshot {
  snapshotDate: string;
  runId: string;
  /** ISO 8601, UTC. */
  publishedAt: string;
}
