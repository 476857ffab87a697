import { Migration } from '@mikro-orm/migrations';

/**
 * `orderBy` on every connection (server/read/connections.ts): the reference lists and the audit
 * log get a B-tree on `(column, id)` per offered order, read backward for DESC (budget allocations'
 * and the audit log's default orders had none: they were sorted whole). A nullable column
 * (claim.paid_date, enrolment.end_date, worker.phone) is ordered as `(col is null)`, then the column
 * with a stand-in for null, so that its nulls come after every value and a keyset cursor over them
 * is a plain row comparison (server/read/list-order.ts); its index is on the same expressions, with
 * the same stand-in constants (CASE, not coalesce, which row-level security would keep out of the index).
 * The `(region_code, id)` indexes of sponsor and employer replace their `(region_code)` ones
 * (20261202000000, 20261202000001), which they serve in full: with both, the planner may take the
 * narrower one and sort the page's ties.
 */
const REPLACED: Array<[name: string, table: string]> = [
  ['sponsor_region_code_idx', 'sponsor'],
  ['employer_region_code_idx', 'employer'],
];

const nullsLast = (column: string, standIn: string) =>
  `(${column} is null), (case when ${column} is null then ${standIn} else ${column} end), id`;

const INDEXES: Array<[name: string, table: string, columns: string]> = [
  ['claim_paid_date_order_idx', 'claim', nullsLast('paid_date', `'0001-01-01'::date`)],
  ['enrolment_end_date_order_idx', 'enrolment', nullsLast('end_date', `'0001-01-01'::date`)],
  ['worker_phone_order_idx', 'worker', nullsLast('phone', `''::text`)],
  ['sponsor_name_order_idx', 'sponsor', 'name, id'],
  ['sponsor_kind_order_idx', 'sponsor', 'kind, id'],
  ['sponsor_region_code_order_idx', 'sponsor', 'region_code, id'],
  ['employer_name_order_idx', 'employer', 'name, id'],
  ['employer_region_code_order_idx', 'employer', 'region_code, id'],
  ['employer_industry_order_idx', 'employer', 'industry, id'],
  ['budget_allocation_fiscal_year_order_idx', 'budget_allocation', 'fiscal_year, id'],
  ['budget_allocation_amount_order_idx', 'budget_allocation', 'amount, id'],
  ['budget_allocation_sponsor_order_idx', 'budget_allocation', 'sponsor_id, id'],
  ['audit_entry_occurred_at_order_idx', 'audit_entry', 'occurred_at, id'],
  ['audit_entry_action_order_idx', 'audit_entry', 'action, id'],
  ['audit_entry_actor_order_idx', 'audit_entry', 'actor, id'],
  ['audit_entry_entity_type_order_idx', 'audit_entry', 'entity_type, id'],
];

export class Migration20261204000100_connection_orders extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      [
        ...INDEXES.map(([name, table, columns]) => `create index if not exists ${name} on ${table} (${columns});`),
        ...REPLACED.map(([name]) => `drop index if exists ${name};`),
      ].join('\n'),
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      [
        ...REPLACED.map(([name, table]) => `create index if not exists ${name} on ${table} (region_code);`),
        ...INDEXES.map(([name]) => `drop index if exists ${name};`).reverse(),
      ].join('\n'),
    );
  }
}
