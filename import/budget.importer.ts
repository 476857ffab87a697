import type { BudgetKind } from '../schema/enums/budget-kind.enum.js';
import { parseBudgetKind, parseRequiredText, parseRupiah, parseYear } from '../schema/validation.js';
import { KEY_SEPARATOR, type ImporterDefinition } from './importer.js';
import { sponsorCache } from './references.js';
import { RowCheck } from './row-check.js';

interface BudgetRow {
  sponsorCode: string;
  fiscalYear: number;
  amount: bigint;
  kind: BudgetKind;
}

interface BudgetReady extends BudgetRow {
  sponsorId: string;
}

/**
 * One row per allocation, keyed by (sponsor, year, kind). A REVISED row (APBD-Perubahan)
 * sits beside the ORIGINAL one; the view budget_in_force picks it.
 */
export const budgetImporter: ImporterDefinition<BudgetRow, BudgetReady> = {
  required: ['sponsor_code', 'fiscal_year', 'amount', 'kind'],
  optional: [],
  keyColumns: ['sponsor_code', 'fiscal_year', 'kind'],
  create() {
    const sponsors = sponsorCache();
    return {
      parse(cells) {
        const check = new RowCheck();
        return check.result({
          sponsorCode: check.take(() => parseRequiredText('sponsor_code', cells.get('sponsor_code'), 50)),
          fiscalYear: check.take(() => parseYear('fiscal_year', cells.get('fiscal_year'))),
          amount: check.take(() => parseRupiah('amount', cells.get('amount'))),
          kind: check.take(() => parseBudgetKind('kind', cells.get('kind'))),
        });
      },
      key: (row) => [row.sponsorCode, row.fiscalYear, row.kind].join(KEY_SEPARATOR),
      async resolve(db, rows) {
        await sponsors.load(
          db,
          rows.map((r) => r.sponsorCode),
        );
        return rows.map((row) => {
          const check = new RowCheck();
          const sponsorId = check.found('sponsor_code', sponsors.get(row.sponsorCode), `no sponsor with code ${row.sponsorCode}`);
          return check.result({ ...row, sponsorId });
        });
      },
      upsert: {
        table: 'budget_allocation',
        conflict: ['sponsor_id', 'fiscal_year', 'kind'],
        columns: [
          { name: 'sponsor_id', type: 'bigint', value: (r) => r.sponsorId },
          { name: 'fiscal_year', type: 'int', value: (r) => r.fiscalYear },
          { name: 'kind', type: 'text', value: (r) => r.kind },
          { name: 'amount', type: 'bigint', value: (r) => r.amount.toString() },
        ],
        touch: ['updated_at = now()', 'version = t.version + 1'],
      },
    };
  },
};
