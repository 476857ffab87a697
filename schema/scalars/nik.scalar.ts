import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../errors.js';
import { parseNik } from '../validation.js';

/**
 * Output passes strings through unchanged: for roles without personal-data access the value
 * is already masked (e.g. "6402************") by the personal-data middleware.
 */
export const NikScalar = new GraphQLScalarType<string, string>({
  name: 'NIK',
  description:
    'Nomor Induk Kependudukan, the 16-digit national ID: province (2) + regency (2) + district (2) + birth date DDMMYY ' +
    '(day + 40 for women) + serial (4, from 0001). Inputs are checked digit by digit. Personal data: for roles without ' +
    'personal-data access only the first four digits are shown, the rest as `*`.',
  serialize(value) {
    if (typeof value === 'string') return value;
    throw new GraphQLError(`NIK cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new ValidationError('NIK', 'NIK must be a string of 16 digits');
    parseNik('NIK', value);
    return value.trim();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ValidationError('NIK', 'NIK must be a string of 16 digits');
    parseNik('NIK', ast.value);
    return ast.value.trim();
  },
});
