import { Sector } from '../schema/enums/sector.enum.js';
import { parseCount, parseEnum, parseKecamatanCode, parseYear } from '../schema/validation.js';
import { KEY_SEPARATOR, type ImporterDefinition } from './importer.js';
import { resolveKecamatan } from './references.js';
import { RowCheck } from './row-check.js';

interface WorkforceRow {
  year: number;
  kecamatanCode: string;
  sector: Sector;
  workers: number;
}

/** Coverage denominators: one row per (year, kecamatan, sector). */
export const workforceImporter: ImporterDefinition<WorkforceRow, WorkforceRow> = {
  required: ['year', 'kecamatan_code', 'sector', 'workers'],
  optional: [],
  keyColumns: ['year', 'kecamatan_code', 'sector'],
  create() {
    return {
      parse(cells) {
        const check = new RowCheck();
        return check.result({
          year: check.take(() => parseYear('year', cells.get('year'))),
          kecamatanCode: check.take(() => parseKecamatanCode('kecamatan_code', cells.get('kecamatan_code'))),
          sector: check.take(() => parseEnum('sector', cells.get('sector'), Sector)),
          workers: check.take(() => parseCount('workers', cells.get('workers'))),
        });
      },
      key: (row) => [row.year, row.kecamatanCode, row.sector].join(KEY_SEPARATOR),
      resolve: resolveKecamatan(),
      upsert: {
        table: 'workforce',
        conflict: ['year', 'region_code', 'sector'],
        columns: [
          { name: 'year', type: 'int', value: (r) => r.year },
          { name: 'region_code', type: 'text', value: (r) => r.kecamatanCode },
          { name: 'sector', type: 'text', value: (r) => r.sector },
          { name: 'workers', type: 'int', value: (r) => r.workers },
        ],
      },
    };
  },
};
