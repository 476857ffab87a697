import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../errors.js';

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
const WIRE_FORM = 'Decimal is sent as a JSON string such as "20.0" or "-1500" (numbers are refused so no value passes through a float)';

function parseDecimal(value: string): string {
  if (!DECIMAL.test(value)) throw new ValidationError('Decimal', WIRE_FORM);
  return value;
}

/**
 * An exact decimal number as a string: warehouse sums of rupiah exceed 2^53 (HUGEINT), and a
 * percentage's one decimal must arrive as computed, so neither may pass through a JSON number.
 * `Rupiah` does not fit: a change can be negative and a percentage has a fraction.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description:
    'An exact decimal number as a JSON string: an optional minus sign, digits and an optional fraction, e.g. "54307662320", ' +
    '"-1500" or "20.0". Whole values (rupiah, counts) fit `BigInt(value)`; never parse money with `Number` or `parseFloat`.',
  serialize(value) {
    if (typeof value === 'string' && DECIMAL.test(value)) return value;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new ValidationError('Decimal', WIRE_FORM);
    return parseDecimal(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ValidationError('Decimal', WIRE_FORM);
    return parseDecimal(ast.value);
  },
});
