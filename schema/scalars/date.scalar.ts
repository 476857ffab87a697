import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../errors.js';
import { parseDate } from '../validation.js';

/** A calendar date with no time zone, kept as the ISO string the database column holds. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or zone, ISO 8601 `YYYY-MM-DD` (e.g. "2023-02-16"), between 1900 and 2100.',
  serialize(value) {
    if (typeof value === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new GraphQLError(`Date cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new ValidationError('Date', 'date must be a string YYYY-MM-DD');
    return parseDate('Date', value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ValidationError('Date', 'date must be a string YYYY-MM-DD');
    return parseDate('Date', ast.value);
  },
});
