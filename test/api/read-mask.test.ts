import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskSql } from '../../server/read/mask-sql.js';
import { maskValue, type PersonalDataKind } from '../../schema/personal-data.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/**
 * The compiled read path masks in SQL (server/read/mask-sql.ts); the ORM path masks in JS
 * (schema/personal-data.ts). Both must give the same text for every value a column can hold.
 */
const NAMES = [
  'Siti Aminah',
  'Intan',
  '  leading and trailing  ',
  'double  space',
  'tab\tseparated',
  'new\nline',
  'carriage\r\nreturn',
  'vertical\vtab and\fform feed',
  'no\u00a0break space',
  'ideographic\u3000space',
  'em\u2003en\u2002thin\u2009hair\u200a',
  'ogham\u1680mark',
  'line\u2028separator\u2029paragraph',
  'narrow\u202fnbsp\u205fmath',
  '\ufeffbyte order mark',
  'zero\u200bwidth space is not whitespace',
  'mongolian\u180evowel separator',
  'Ömer Çelik',
  'ŁUKASZ żółć',
  'e\u0301cole',
  "O'Brien",
  'Anne-Marie',
  'Nguyễn Văn A',
  'محمد علي',
  '李 小龙',
  'I',
  '',
  '   ',
  '%_\\ like wildcards',
];

const CASES: Array<[PersonalDataKind, string[]]> = [
  ['name', NAMES],
  ['nik', ['6402065708750036', '64', '', '1234567890123456789']],
  ['phone', ['+6281234567890', '+62', '08', '', '+62 812-3456']],
  ['membershipNo', ['BPU2100000003', 'PU18', 'AB', '']],
  ['freeText', ['ditolak: NIK 6402065708750036 salah', '', ' ']],
  ['birthDate', ['1990-01-01']],
];

describe('the SQL personal-data mask equals the JS mask', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  const sqlMask = async (kind: PersonalDataKind, value: string | null) =>
    (await db.pool.query(`select ${maskSql(kind, '$1::text')} as m, $1::text as given`, [value])).rows[0].m as string | null;

  it.each(CASES)('%s', async (kind, values) => {
    for (const value of [...values, null]) {
      const js = maskValue(kind, value) ?? null;
      expect(await sqlMask(kind, value), JSON.stringify({ kind, value })).toBe(js);
    }
  });

  it('names whose words start outside the BMP: SQL keeps the letter, and the JS mask of it is the JS mask of the name', async () => {
    for (const value of ['𝒜lice 𝔅ob', '😀 smile', 'plain 𝕏']) {
      const sql = await sqlMask('name', value);
      expect(sql).toBe(
        value
          .split(' ')
          .map((w) => `${String.fromCodePoint(w.codePointAt(0)!)}***`)
          .join(' '),
      );
      expect(maskValue('name', sql)).toBe(maskValue('name', value));
    }
  });
});
