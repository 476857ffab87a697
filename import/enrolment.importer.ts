import { EnrolmentStatus } from '../schema/enums/enrolment-status.enum.js';
import type { Programme } from '../schema/enums/programme.enum.js';
import { Segment } from '../schema/enums/segment.enum.js';
import {
  checkProgrammesAllowed,
  parseDate,
  parseEnum,
  parseNik,
  parseOptionalDate,
  parseProgrammes,
  parseRequiredText,
  parseRupiah,
} from '../schema/validation.js';
import type { ImporterDefinition } from './importer.js';
import { employerCache, pgTextArray, sponsorCache, workerCache } from './references.js';
import { RowCheck } from './row-check.js';

interface EnrolmentRow {
  membershipNo: string;
  nik: string;
  sponsorCode: string;
  segment: Segment;
  programmes: Programme[];
  startDate: string;
  endDate: string | null;
  declaredIncome: bigint;
  employerCode: string | null;
  status: EnrolmentStatus;
}

interface EnrolmentReady extends EnrolmentRow {
  workerId: string;
  sponsorId: string;
  employerId: string | null;
}

/** The status a membership has today: the file gives dates, not a status. */
export function enrolmentStatus(startDate: string, endDate: string | null, today: string): EnrolmentStatus {
  if (startDate > today) return EnrolmentStatus.PENDING;
  if (endDate !== null && endDate < today) return EnrolmentStatus.LAPSED;
  return EnrolmentStatus.ACTIVE;
}

/** One row per membership, keyed by `membership_no`. */
export const enrolmentImporter: ImporterDefinition<EnrolmentRow, EnrolmentReady> = {
  required: ['membership_no', 'nik', 'sponsor_code', 'segment', 'programmes', 'start_date', 'end_date', 'declared_income'],
  optional: ['employer_code'],
  keyColumns: ['membership_no'],
  create({ today }) {
    const workers = workerCache();
    const sponsors = sponsorCache();
    const employers = employerCache();
    return {
      parse(cells) {
        const check = new RowCheck();
        const segment = check.take(() => parseEnum('segment', cells.get('segment'), Segment));
        const programmes = check.take(() => parseProgrammes('programmes', cells.get('programmes')));
        if (segment !== undefined && programmes !== undefined) check.take(() => checkProgrammesAllowed('programmes', segment, programmes));
        const startDate = check.take(() => parseDate('start_date', cells.get('start_date')));
        const endDate = check.take(() => parseOptionalDate('end_date', cells.get('end_date')));
        if (startDate !== undefined && endDate != null && endDate < startDate)
          check.fail('end_date', `must not be before start_date ${startDate}`);
        // The database requires an employer exactly for PU (wage-earner) memberships.
        const employerCode = cells.get('employer_code').trim() || null;
        if (segment === Segment.PU && employerCode === null) check.fail('employer_code', 'is required for a PU (wage-earner) membership');
        if (segment === Segment.BPU && employerCode !== null) check.fail('employer_code', 'must be empty for a BPU (informal) membership');
        return check.result({
          membershipNo: check.take(() => parseRequiredText('membership_no', cells.get('membership_no'), 50)),
          nik: check.take(() => {
            parseNik('nik', cells.get('nik'));
            return cells.get('nik').trim();
          }),
          sponsorCode: check.take(() => parseRequiredText('sponsor_code', cells.get('sponsor_code'), 50)),
          segment,
          programmes,
          startDate,
          endDate,
          declaredIncome: check.take(() => parseRupiah('declared_income', cells.get('declared_income'))),
          employerCode,
          status: startDate === undefined || endDate === undefined ? undefined : enrolmentStatus(startDate, endDate, today),
        });
      },
      key: (row) => row.membershipNo,
      async resolve(db, rows) {
        await workers.load(
          db,
          rows.map((r) => r.nik),
        );
        await sponsors.load(
          db,
          rows.map((r) => r.sponsorCode),
        );
        await employers.load(
          db,
          rows.map((r) => r.employerCode),
        );
        return rows.map((row) => {
          const check = new RowCheck();
          return check.result({
            ...row,
            // Unlike a code, a NIK is personal data (UU 27/2022): the message does not repeat it.
            workerId: check.found('nik', workers.get(row.nik), 'no worker with this NIK (import the workers file first)'),
            sponsorId: check.found('sponsor_code', sponsors.get(row.sponsorCode), `no sponsor with code ${row.sponsorCode}`),
            employerId:
              row.employerCode === null
                ? null
                : check.found('employer_code', employers.get(row.employerCode), `no employer with code ${row.employerCode}`),
          });
        });
      },
      upsert: {
        table: 'enrolment',
        conflict: ['membership_no'],
        columns: [
          { name: 'membership_no', type: 'text', value: (r) => r.membershipNo },
          { name: 'worker_id', type: 'bigint', value: (r) => r.workerId },
          { name: 'sponsor_id', type: 'bigint', value: (r) => r.sponsorId },
          { name: 'employer_id', type: 'bigint', value: (r) => r.employerId },
          { name: 'segment', type: 'text', value: (r) => r.segment },
          // unnest would flatten a text[][]: each row's set travels as an array literal.
          { name: 'programmes', type: 'text', value: (r) => pgTextArray(r.programmes), select: 'p.programmes::text[]' },
          { name: 'start_date', type: 'date', value: (r) => r.startDate },
          { name: 'end_date', type: 'date', value: (r) => r.endDate },
          { name: 'declared_income', type: 'bigint', value: (r) => r.declaredIncome.toString() },
          {
            name: 'status',
            type: 'text',
            value: (r) => r.status,
            // Termination is decided elsewhere; a file of dates does not revive a membership.
            onUpdate: (incoming) => `case when t.status = 'TERMINATED' then t.status else ${incoming}.status end`,
          },
        ],
        touch: ['updated_at = now()', 'version = t.version + 1'],
      },
    };
  },
};
