import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../errors.js';
import { parsePeriod } from '../validation.js';

/** A contribution month. Inside the server it is the first day of the month (`YYYY-MM-01`), as stored. */
export const MonthScalar = new GraphQLScalarType<string, string>({
  name: 'Month',
  description: 'A calendar month `YYYY-MM` (e.g. "2023-01"): the unit one contribution covers.',
  serialize(value) {
    if (typeof value === 'string' && /^[0-9]{4}-[0-9]{2}(-01)?$/.test(value)) return value.slice(0, 7);
    throw new GraphQLError(`Month cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new ValidationError('Month', 'period must be a month YYYY-MM');
    return parsePeriod('Month', value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ValidationError('Month', 'period must be a month YYYY-MM');
    return parsePeriod('Month', ast.value);
  },
});
