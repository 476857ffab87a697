import { MASKED_FREE_TEXT, type PersonalDataKind } from '../../schema/personal-data.js';

/**
 * schema/personal-data.ts's `maskValue` written in SQL, so that for roles without personal-data
 * access the raw value never leaves PostgreSQL. Each expression is checked against the JS mask
 * on many values in test/api/read-mask.test.ts. One difference cannot be written in SQL: the JS
 * name mask keeps the first UTF-16 unit of a word, which for a letter outside the BMP is half a
 * surrogate pair; SQL keeps the whole letter (the field's JS mask, applied again, gives the same).
 */

/** JavaScript's `\s`: what `String.split(/\s+/)` splits a name on. */
const JS_WHITESPACE = '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+';

export function maskSql(kind: PersonalDataKind, column: string): string {
  switch (kind) {
    case 'nik':
      return `(left(${column}, 4) || repeat('*', 12))`;
    case 'name':
      return (
        `(case when ${column} is null then null else coalesce((select string_agg(left(w, 1) || '***', ' ' order by n) ` +
        `from regexp_split_to_table(${column}, '${JS_WHITESPACE}') with ordinality as words(w, n) where w <> ''), '') end)`
      );
    case 'phone':
      return `(left(${column}, 3) || repeat('*', greatest(0, length(${column}) - 3)))`;
    case 'membershipNo':
      return `(left(${column}, 4) || repeat('*', greatest(0, length(${column}) - 4)))`;
    case 'birthDate':
      return 'null::text';
    case 'freeText':
      return `(case when ${column} is null then null else '${MASKED_FREE_TEXT.replace(/'/g, "''")}' end)`;
    case 'snapshot':
      throw new Error('snapshots are not read through the compiled path');
  }
}
