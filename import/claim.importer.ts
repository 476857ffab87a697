import { ClaimStatus } from '../schema/enums/claim-status.enum.js';
import { JKP_FIRST_CLAIM_DATE, Programme } from '../schema/enums/programme.enum.js';
import { parseDate, parseEnum, parseOptionalDate, parseRequiredText, parseRupiah } from '../schema/validation.js';
import type { Cells, ImporterDefinition } from './importer.js';
import { checkCovered, enrolmentCache } from './references.js';
import { RowCheck } from './row-check.js';

interface ClaimRow {
  claimNo: string;
  membershipNo: string;
  programme: Programme;
  incidentDate: string;
  submittedDate: string;
  status: ClaimStatus;
  claimedAmount: bigint;
  approvedAmount: bigint | null;
  paidAmount: bigint | null;
  paidDate: string | null;
  rejectionReason: string | null;
}

interface ClaimReady extends ClaimRow {
  enrolmentId: string;
}

const APPROVED_STATES: readonly ClaimStatus[] = [ClaimStatus.APPROVED, ClaimStatus.PAID];

function optionalRupiah(field: string, cells: Cells): bigint | null {
  return cells.get(field).trim() === '' ? null : parseRupiah(field, cells.get(field));
}

/**
 * Repeats the claim table's CHECK constraints field by field, so a bad row is reported with
 * the column to fix and the database never has to refuse one.
 */
function checkClaimRules(check: RowCheck, row: Partial<ClaimRow>): void {
  const { status, programme, incidentDate, submittedDate, claimedAmount, approvedAmount, paidAmount, paidDate } = row;
  if (incidentDate && submittedDate && submittedDate < incidentDate) {
    check.fail('submitted_date', `must not be before incident_date ${incidentDate}`);
  }
  if (programme === Programme.JKP && incidentDate && incidentDate < JKP_FIRST_CLAIM_DATE) {
    check.fail('incident_date', `JKP claims exist from ${JKP_FIRST_CLAIM_DATE}`);
  }
  if (status === undefined) return;
  if (APPROVED_STATES.includes(status) && approvedAmount === null) check.fail('approved_amount', `is required when status is ${status}`);
  if (status === ClaimStatus.PAID) {
    if (paidAmount === null) check.fail('paid_amount', 'is required when status is PAID');
    if (paidDate === null) check.fail('paid_date', 'is required when status is PAID');
  } else {
    if (paidAmount != null) check.fail('paid_amount', `must be empty unless status is PAID (it is ${status})`);
    if (paidDate != null) check.fail('paid_date', `must be empty unless status is PAID (it is ${status})`);
  }
  if (approvedAmount != null && claimedAmount !== undefined && approvedAmount > claimedAmount) {
    check.fail('approved_amount', `must not exceed claimed_amount ${claimedAmount}`);
  }
  if (paidAmount != null && approvedAmount != null && paidAmount > approvedAmount) {
    check.fail('paid_amount', `must not exceed approved_amount ${approvedAmount}`);
  }
  if (paidDate && submittedDate && paidDate < submittedDate) check.fail('paid_date', `must not be before submitted_date ${submittedDate}`);
}

/** One row per claim, keyed by `claim_no`. */
export const claimImporter: ImporterDefinition<ClaimRow, ClaimReady> = {
  required: [
    'claim_no',
    'membership_no',
    'programme',
    'incident_date',
    'submitted_date',
    'status',
    'claimed_amount',
    'approved_amount',
    'paid_amount',
    'paid_date',
  ],
  optional: ['rejection_reason'],
  keyColumns: ['claim_no'],
  create({ columns }) {
    const enrolments = enrolmentCache();
    return {
      parse(cells) {
        const check = new RowCheck();
        const row = {
          claimNo: check.take(() => parseRequiredText('claim_no', cells.get('claim_no'), 50)),
          membershipNo: check.take(() => parseRequiredText('membership_no', cells.get('membership_no'), 50)),
          programme: check.take(() => parseEnum('programme', cells.get('programme'), Programme)),
          incidentDate: check.take(() => parseDate('incident_date', cells.get('incident_date'))),
          submittedDate: check.take(() => parseDate('submitted_date', cells.get('submitted_date'))),
          status: check.take(() => parseEnum('status', cells.get('status'), ClaimStatus)),
          claimedAmount: check.take(() => parseRupiah('claimed_amount', cells.get('claimed_amount'))),
          approvedAmount: check.take(() => optionalRupiah('approved_amount', cells)),
          paidAmount: check.take(() => optionalRupiah('paid_amount', cells)),
          paidDate: check.take(() => parseOptionalDate('paid_date', cells.get('paid_date'))),
          rejectionReason: cells.get('rejection_reason').trim() || null,
        };
        checkClaimRules(check, row);
        return check.result(row);
      },
      key: (row) => row.claimNo,
      async resolve(db, rows) {
        await enrolments.load(
          db,
          rows.map((r) => r.membershipNo),
        );
        return rows.map((row) => {
          const check = new RowCheck();
          const enrolment = check.found(
            'membership_no',
            enrolments.get(row.membershipNo),
            `no enrolment with membership_no ${row.membershipNo}`,
          );
          // With the BPU rule on enrolments, this is what refuses a JP or JKP claim for a sponsored informal worker.
          if (enrolment !== undefined) checkCovered(check, enrolment, row.membershipNo, row.programme);
          return check.result({ ...row, enrolmentId: enrolment?.id });
        });
      },
      upsert: {
        table: 'claim',
        conflict: ['claim_no'],
        columns: [
          { name: 'claim_no', type: 'text', value: (r) => r.claimNo },
          { name: 'enrolment_id', type: 'bigint', value: (r) => r.enrolmentId },
          { name: 'programme', type: 'text', value: (r) => r.programme },
          { name: 'incident_date', type: 'date', value: (r) => r.incidentDate },
          { name: 'submitted_date', type: 'date', value: (r) => r.submittedDate },
          { name: 'status', type: 'text', value: (r) => r.status },
          { name: 'claimed_amount', type: 'bigint', value: (r) => r.claimedAmount.toString() },
          { name: 'approved_amount', type: 'bigint', value: (r) => r.approvedAmount?.toString() ?? null },
          { name: 'paid_amount', type: 'bigint', value: (r) => r.paidAmount?.toString() ?? null },
          { name: 'paid_date', type: 'date', value: (r) => r.paidDate },
          {
            name: 'rejection_reason',
            type: 'text',
            value: (r) => r.rejectionReason,
            onUpdate: columns.has('rejection_reason') ? undefined : false,
          },
        ],
        // `version` is the claim's optimistic lock: a changed row is a new version.
        touch: ['updated_at = now()', 'version = t.version + 1'],
      },
    };
  },
};
