import { Sector } from '../../schema/enums/sector.enum.js';
import { parseCount, parseEnum, parseKecamatanCode, parseYear } from '../../schema/validation.js';
import { KEY_SEPARATOR, type ImporterDefinition } from './importer.js';
import { kecamatanCache } from './references.js';
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
    const kecamatan = kecamatanCache();
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
      async resolve(db, rows) {
        await kecamatan.load(db, rows.map((r) => r.kecamatanCode));
        return rows.map((row) => {
          const check = new RowCheck();
          check.found('kecamatan_code', kecamatan.get(row.kecamatanCode), `no kecamatan with code ${row.kecamatanCode}`);
          return check.result(row);
        });
      },
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
