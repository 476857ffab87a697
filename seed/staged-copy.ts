import type pg from 'pg';

interface RowWriter {
  rows: number;
  close(): Promise<number>;
}

/**
 * The seed writes as its own role, `lindung_seed` (seed/README.md), and PostgreSQL refuses COPY FROM
 * into a table whose row-level security applies to the writer, whatever its policies say. So each
 * table's rows stream by COPY into a temporary table of the same columns (no policies, no indexes, no
 * WAL), and one `insert … select` moves them into the table under the seed's explicit policy.
 */
export class StagedCopy<W extends RowWriter> {
  private constructor(
    private readonly client: pg.ClientBase,
    private readonly table: string,
    private readonly columns: string[],
    readonly writer: W,
    private readonly stage: string,
  ) {}

  /** `open(stage)` builds the COPY writer on the staging table's name. */
  static async open<W extends RowWriter>(
    client: pg.ClientBase,
    table: string,
    columns: string[],
    open: (stage: string) => W,
  ): Promise<StagedCopy<W>> {
    const stage = `seed_stage_${table}`;
    // The table's own column types, without its constraints, defaults or triggers.
    await client.query(`create temp table ${stage} on commit drop as select ${columns.join(', ')} from ${table} with no data`);
    return new StagedCopy(client, table, columns, open(stage), stage);
  }

  get rows(): number {
    return this.writer.rows;
  }

  /** Ends the COPY and moves the rows; the count is what reached the table. */
  async close(): Promise<number> {
    await this.writer.close();
    const names = this.columns.join(', ');
    const moved = await this.client.query(`insert into ${this.table} (${names}) select ${names} from ${this.stage}`);
    await this.client.query(`drop table ${this.stage}`);
    return moved.rowCount ?? 0;
  }
}
