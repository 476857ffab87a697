import { Occupation } from '../schema/enums/occupation.enum.js';
import { Sector } from '../schema/enums/sector.enum.js';
import { Sex } from '../schema/enums/sex.enum.js';
import {
  parseBoolean,
  parseDate,
  parseEnum,
  parseKecamatanCode,
  parseNik,
  parseOptionalPhone,
  parseRequiredText,
} from '../schema/validation.js';
import type { ImporterDefinition } from './importer.js';
import { resolveKecamatan } from './references.js';
import { RowCheck } from './row-check.js';

interface WorkerRow {
  nik: string;
  fullName: string;
  sex: Sex;
  birthDate: string;
  kecamatanCode: string;
  occupation: Occupation;
  sector: Sector;
  nonAsn: boolean;
  phone: string | null;
}

/**
 * One row per worker, keyed by NIK. The NIK must agree with sex and birth date, but its
 * region prefix is where it was issued: it is never compared with `kecamatan_code`.
 */
export const workerImporter: ImporterDefinition<WorkerRow, WorkerRow> = {
  required: ['nik', 'full_name', 'sex', 'birth_date', 'kecamatan_code', 'occupation', 'sector', 'non_asn', 'phone'],
  optional: [],
  keyColumns: ['nik'],
  create({ today }) {
    return {
      parse(cells) {
        const check = new RowCheck();
        const sex = check.take(() => parseEnum('sex', cells.get('sex'), Sex));
        const birthDate = check.take(() => parseDate('birth_date', cells.get('birth_date')));
        if (birthDate !== undefined && birthDate > today) check.fail('birth_date', 'must not be in the future');
        const nik = check.take(() => {
          parseNik('nik', cells.get('nik'), { sex, birthDate });
          return cells.get('nik').trim();
        });
        return check.result({
          nik,
          fullName: check.take(() => parseRequiredText('full_name', cells.get('full_name'))),
          sex,
          birthDate,
          kecamatanCode: check.take(() => parseKecamatanCode('kecamatan_code', cells.get('kecamatan_code'))),
          occupation: check.take(() => parseEnum('occupation', cells.get('occupation'), Occupation)),
          sector: check.take(() => parseEnum('sector', cells.get('sector'), Sector)),
          nonAsn: check.take(() => parseBoolean('non_asn', cells.get('non_asn'))),
          phone: check.take(() => parseOptionalPhone('phone', cells.get('phone'))),
        });
      },
      key: (row) => row.nik,
      resolve: resolveKecamatan(),
      upsert: {
        table: 'worker',
        conflict: ['nik'],
        columns: [
          { name: 'nik', type: 'text', value: (r) => r.nik },
          { name: 'full_name', type: 'text', value: (r) => r.fullName },
          { name: 'sex', type: 'text', value: (r) => r.sex },
          { name: 'birth_date', type: 'date', value: (r) => r.birthDate },
          { name: 'region_code', type: 'text', value: (r) => r.kecamatanCode },
          { name: 'occupation', type: 'text', value: (r) => r.occupation },
          { name: 'sector', type: 'text', value: (r) => r.sector },
          { name: 'non_asn', type: 'boolean', value: (r) => r.nonAsn },
          { name: 'phone', type: 'text', value: (r) => r.phone },
        ],
        touch: ['updated_at = now()', 'version = t.version + 1'],
      },
    };
  },
};
