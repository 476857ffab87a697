import { Programme } from '../schema/enums/programme.enum.js';
import { parseDate, parseEnum, parsePeriod, parseRequiredText, parseRupiah } from '../schema/validation.js';
import { KEY_SEPARATOR, type ImporterDefinition } from './importer.js';
import { checkCovered, enrolmentCache, sponsorCache } from './references.js';
import { RowCheck } from './row-check.js';

interface ContributionRow {
  membershipNo: string;
  /** First day of the month paid for. */
  period: string;
  programme: Programme;
  amount: bigint;
  paidDate: string;
  sponsorCode: string | null;
}

interface ContributionReady extends ContributionRow {
  enrolmentId: string;
  sponsorId: string;
}

function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/**
 * One row per (membership, month, programme). A month recorded again is matched on that
 * key, never added a second time.
 */
export const contributionImporter: ImporterDefinition<ContributionRow, ContributionReady> = {
  required: ['membership_no', 'period', 'programme', 'amount', 'paid_date'],
  optional: ['sponsor_code'],
  keyColumns: ['membership_no', 'period', 'programme'],
  create({ columns }) {
    const enrolments = enrolmentCache();
    const sponsors = sponsorCache();
    return {
      parse(cells) {
        const check = new RowCheck();
        return check.result({
          membershipNo: check.take(() => parseRequiredText('membership_no', cells.get('membership_no'), 50)),
          period: check.take(() => parsePeriod('period', cells.get('period'))),
          programme: check.take(() => parseEnum('programme', cells.get('programme'), Programme)),
          amount: check.take(() => parseRupiah('amount', cells.get('amount'))),
          paidDate: check.take(() => parseDate('paid_date', cells.get('paid_date'))),
          sponsorCode: cells.get('sponsor_code').trim() || null,
        });
      },
      key: (row) => [row.membershipNo, row.period, row.programme].join(KEY_SEPARATOR),
      async resolve(db, rows) {
        await enrolments.load(
          db,
          rows.map((r) => r.membershipNo),
        );
        await sponsors.load(
          db,
          rows.map((r) => r.sponsorCode),
        );
        return rows.map((row) => {
          const check = new RowCheck();
          const enrolment = check.found(
            'membership_no',
            enrolments.get(row.membershipNo),
            `no enrolment with membership_no ${row.membershipNo}`,
          );
          let sponsorId = enrolment?.sponsorId;
          if (row.sponsorCode !== null) {
            sponsorId = check.found('sponsor_code', sponsors.get(row.sponsorCode), `no sponsor with code ${row.sponsorCode}`);
          }
          if (enrolment !== undefined) {
            checkCovered(check, enrolment, row.membershipNo, row.programme);
            const first = monthOf(enrolment.startDate);
            const last = enrolment.endDate === null ? null : monthOf(enrolment.endDate);
            if (row.period < first || (last !== null && row.period > last)) {
              check.fail(
                'period',
                `${row.period.slice(0, 7)} is outside membership ${row.membershipNo} (${first.slice(0, 7)} to ${last?.slice(0, 7) ?? 'now'})`,
              );
            }
          }
          return check.result({ ...row, enrolmentId: enrolment?.id, sponsorId });
        });
      },
      upsert: {
        table: 'contribution',
        conflict: ['enrolment_id', 'period', 'programme'],
        columns: [
          { name: 'enrolment_id', type: 'bigint', value: (r) => r.enrolmentId },
          { name: 'period', type: 'date', value: (r) => r.period },
          { name: 'programme', type: 'text', value: (r) => r.programme },
          { name: 'amount', type: 'bigint', value: (r) => r.amount.toString() },
          { name: 'paid_date', type: 'date', value: (r) => r.paidDate },
          // Without the column the payer defaults to the enrolment's sponsor on insert and is left alone on update.
          { name: 'sponsor_id', type: 'bigint', value: (r) => r.sponsorId, onUpdate: columns.has('sponsor_code') ? undefined : false },
        ],
      },
    };
  },
};
