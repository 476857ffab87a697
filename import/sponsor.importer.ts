import { SponsorKind } from '../schema/enums/sponsor-kind.enum.js';
import { parseEnum, parseRegionCode, parseRequiredText } from '../schema/validation.js';
import type { ImporterDefinition } from './importer.js';
import { employerCache, regionCache } from './references.js';
import { RowCheck } from './row-check.js';

interface SponsorRow {
  code: string;
  name: string;
  kind: SponsorKind;
  employerCode: string | null;
  regionCode: string;
}

interface SponsorReady extends SponsorRow {
  employerId: string | null;
}

/**
 * One row per sponsor (who pays contributions), keyed by `code`. `region_code` is where the payer
 * is: the regency of an APBD sponsor (64.02), a company's address.
 */
export const sponsorImporter: ImporterDefinition<SponsorRow, SponsorReady> = {
  required: ['code', 'name', 'kind', 'region_code'],
  optional: ['employer_code'],
  keyColumns: ['code'],
  create({ columns }) {
    const employers = employerCache();
    const regions = regionCache();
    return {
      parse(cells) {
        const check = new RowCheck();
        const kind = check.take(() => parseEnum('kind', cells.get('kind'), SponsorKind));
        const employerCode = cells.get('employer_code').trim() || null;
        // An EMPLOYER sponsor pays for its own PU staff, so it must say which employer it is.
        if (kind === SponsorKind.EMPLOYER && employerCode === null) check.fail('employer_code', 'is required for an EMPLOYER sponsor');
        return check.result({
          code: check.take(() => parseRequiredText('code', cells.get('code'), 50)),
          name: check.take(() => parseRequiredText('name', cells.get('name'))),
          kind,
          employerCode,
          regionCode: check.take(() => parseRegionCode('region_code', cells.get('region_code'))),
        });
      },
      key: (row) => row.code,
      async resolve(db, rows) {
        await employers.load(
          db,
          rows.map((r) => r.employerCode),
        );
        await regions.load(
          db,
          rows.map((r) => r.regionCode),
        );
        return rows.map((row) => {
          const check = new RowCheck();
          check.found('region_code', regions.get(row.regionCode), `no Kemendagri region with code ${row.regionCode}`);
          const employerId =
            row.employerCode === null
              ? null
              : check.found('employer_code', employers.get(row.employerCode), `no employer with code ${row.employerCode}`);
          return check.result({ ...row, employerId });
        });
      },
      upsert: {
        table: 'sponsor',
        conflict: ['code'],
        columns: [
          { name: 'code', type: 'text', value: (r) => r.code },
          { name: 'name', type: 'text', value: (r) => r.name },
          { name: 'kind', type: 'text', value: (r) => r.kind },
          { name: 'region_code', type: 'text', value: (r) => r.regionCode },
          { name: 'employer_id', type: 'bigint', value: (r) => r.employerId, onUpdate: columns.has('employer_code') ? undefined : false },
        ],
        touch: ['updated_at = now()'],
      },
    };
  },
};
