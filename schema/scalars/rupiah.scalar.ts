import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValidationError } from '../errors.js';
import { parseRupiah } from '../validation.js';

const WIRE_FORM = 'Rupiah is sent as a JSON string of digits, e.g. "16800" (numbers are refused so money never passes through a float)';

/**
 * Whole rupiah on the wire as a string of digits: JSON numbers lose precision above 2^53 in
 * JavaScript clients, and Rp 54.307.662.320 must arrive exactly.
 */
export const RupiahScalar = new GraphQLScalarType<bigint, string>({
  name: 'Rupiah',
  description:
    'Exact whole rupiah as a JSON string of decimal digits, e.g. "54307662320" for Rp 54.307.662.320. ' +
    'No sign, separators or fraction; at most 9223372036854775807 (PostgreSQL BIGINT). Inputs sent as numbers are refused.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string' && /^[0-9]+$/.test(value)) return value;
    throw new GraphQLError(`Rupiah cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new ValidationError('Rupiah', WIRE_FORM);
    return parseRupiah('Rupiah', value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new ValidationError('Rupiah', WIRE_FORM);
    return parseRupiah('Rupiah', ast.value);
  },
});
