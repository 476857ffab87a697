import { parseKecamatanCode, parseRequiredText } from '../schema/validation.js';
import type { ImporterDefinition } from './importer.js';
import { resolveKecamatan } from './references.js';
import { RowCheck } from './row-check.js';

interface EmployerRow {
  code: string;
  name: string;
  kecamatanCode: string;
  industry: string;
}

/** One row per employer, keyed by `code`. Needed before PU enrolments, which name their employer. */
export const employerImporter: ImporterDefinition<EmployerRow, EmployerRow> = {
  required: ['code', 'name', 'kecamatan_code'],
  optional: ['industry'],
  keyColumns: ['code'],
  create({ columns }) {
    return {
      parse(cells) {
        const check = new RowCheck();
        return check.result({
          code: check.take(() => parseRequiredText('code', cells.get('code'), 50)),
          name: check.take(() => parseRequiredText('name', cells.get('name'))),
          kecamatanCode: check.take(() => parseKecamatanCode('kecamatan_code', cells.get('kecamatan_code'))),
          // LAINNYA ("other") is the schema's own default for an unknown industry.
          industry: cells.get('industry').trim() || 'LAINNYA',
        });
      },
      key: (row) => row.code,
      resolve: resolveKecamatan(),
      upsert: {
        table: 'employer',
        conflict: ['code'],
        columns: [
          { name: 'code', type: 'text', value: (r) => r.code },
          { name: 'name', type: 'text', value: (r) => r.name },
          { name: 'region_code', type: 'text', value: (r) => r.kecamatanCode },
          // A file without the column leaves stored industries alone.
          { name: 'industry', type: 'text', value: (r) => r.industry, onUpdate: columns.has('industry') ? undefined : false },
        ],
        touch: ['updated_at = now()'],
      },
    };
  },
};
