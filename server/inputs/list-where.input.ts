import { GraphQLID } from 'graphql';
import { type ClassType, Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { DateTimeScalar } from '../../schema/scalars/date-time.scalar.js';
import { MonthScalar } from '../../schema/scalars/month.scalar.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import { CONNECTIONS, type ConnectionName, type ListField } from '../read/connections.js';
import { MAX_ORDER_KEYS } from '../read/list-order.js';
import { operatorsOf, WHERE_LIMITS } from '../read/list-where.js';

/**
 * The GraphQL inputs of `where:` and `orderBy:`, built from the lists' fields in
 * server/read/connections.ts (the same spec the SQL is written from, so a field is declared once):
 * operator inputs per value type (`StringFilter`, `DateFilter`, `RupiahFilter`, `ClaimStatusFilter`, …),
 * and per list `<Name>Where`, `<Name>OrderField` and `<Name>Order`.
 */
export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Which way an order key runs.',
  valuesConfig: {
    ASC: { description: 'Ascending: A→Z, oldest first, smallest first.' },
    DESC: { description: 'Descending: Z→A, newest first, largest first.' },
  },
});

const OPERATOR_DESCRIPTIONS: Record<string, string> = {
  equalTo: 'Equal to the value.',
  notEqualTo: 'Not equal to the value (a null column counts as not equal).',
  in: `Equal to one of the values (at most ${WHERE_LIMITS.listSize}).`,
  notIn: `Equal to none of the values (at most ${WHERE_LIMITS.listSize}).`,
  lessThan: 'Less than the value.',
  lessThanOrEqualTo: 'Less than or equal to the value.',
  greaterThan: 'Greater than the value.',
  greaterThanOrEqualTo: 'Greater than or equal to the value.',
  isNull: 'true: the column is null; false: it is not.',
  includesInsensitive: `Contains the text, ignoring case (${WHERE_LIMITS.includesMin} to ${WHERE_LIMITS.textMax} characters; % and _ are literal).`,
  startsWith: `Starts with the text, case-sensitive (1 to ${WHERE_LIMITS.textMax} characters; % and _ are literal).`,
};

function valueType(field: ListField): { name: string; type: () => unknown } {
  switch (field.kind) {
    case 'id':
      return { name: 'ID', type: () => GraphQLID };
    case 'text':
      return { name: 'String', type: () => String };
    case 'date':
      return { name: 'Date', type: () => DateScalar };
    case 'month':
      return { name: 'Month', type: () => MonthScalar };
    case 'rupiah':
      return { name: 'Rupiah', type: () => RupiahScalar };
    case 'boolean':
      return { name: 'Boolean', type: () => Boolean };
    case 'int':
      return { name: 'Int', type: () => Int };
    case 'timestamp':
      return { name: 'DateTime', type: () => DateTimeScalar };
    case 'enum':
      return { name: field.enumName!, type: () => field.enumType! };
  }
}

function inputType(
  name: string,
  description: string,
  fields: Array<{ name: string; type: () => unknown; description: string }>,
): ClassType {
  const type = { [name]: class {} }[name]!;
  for (const f of fields) Field(f.type as never, { nullable: true, description: f.description })(type.prototype, f.name);
  InputType(name, { description })(type);
  return type;
}

/** One operator input per value type, shared by every list that filters such a value. */
const operatorInputs = new Map<string, ClassType>();
function operatorInput(field: ListField): ClassType {
  const value = valueType(field);
  const name = `${value.name}Filter`;
  let type = operatorInputs.get(name);
  if (!type) {
    type = inputType(
      name,
      `Conditions on a ${value.name} value; all given must hold.`,
      operatorsOf(field).map((op) => ({
        name: op,
        type: op === 'isNull' ? () => Boolean : op === 'in' || op === 'notIn' ? () => [value.type()] : value.type,
        description: OPERATOR_DESCRIPTIONS[op]!,
      })),
    );
    operatorInputs.set(name, type);
  }
  return type;
}

export interface ListInputs {
  where: ClassType;
  order: ClassType;
}

const NULLS = ' Null (none yet) sorts after every value: last ascending, first descending.';

function listInputs(list: ConnectionName): ListInputs {
  const spec = CONNECTIONS[list]!;
  const fields = Object.entries(spec.fields);
  const personal = ' Personal data: refused (FORBIDDEN) for roles that see it masked.';
  const where: ClassType = inputType(
    `${spec.name}Where`,
    `Conditions on ${list}, PostGraphile style: every field and combinator given must hold. Nesting of and/or/not: at most ` +
      `${WHERE_LIMITS.depth} levels; at most ${WHERE_LIMITS.conditions} operator conditions in all.`,
    [
      ...fields.map(([name, f]) => ({
        name,
        // Built now, not in the thunk: type-graphql reads every input's metadata when it builds the schema.
        type: (
          (input) => () =>
            input
        )(operatorInput(f)),
        description: f.description + (f.mask ? personal : ''),
      })),
      { name: 'and', type: () => [where], description: 'All of these hold.' },
      { name: 'or', type: () => [where], description: 'At least one of these holds (give at least one).' },
      { name: 'not', type: () => where, description: 'This does not hold.' },
    ],
  );
  const values = Object.fromEntries(fields.filter(([, f]) => f.order).map(([, f]) => [f.order!, f.order!]));
  registerEnumType(values, {
    name: `${spec.name}OrderField`,
    description: `What ${list} can be sorted by, each backed by an index.`,
    valuesConfig: Object.fromEntries(
      fields
        .filter(([, f]) => f.order)
        .map(([name, f]) => [f.order!, { description: `${name}.${f.nullable ? NULLS : ''}${f.mask ? personal : ''}` }]),
    ),
  });
  const order = { [`${spec.name}Order`]: class {} }[`${spec.name}Order`]!;
  Field(() => values, { description: 'The field.' })(order.prototype, 'field');
  // No defaultValue: an input with defaulted fields sends the operation to graphql-js instead of graphql-jit (server/graphql/jit-executor.ts).
  Field(() => OrderDirection, { nullable: true, description: 'The direction; ASC when omitted.' })(order.prototype, 'direction');
  InputType(`${spec.name}Order`, { description: `One key of an order of ${list}.` })(order);
  return { where, order };
}

export const LIST_INPUTS = Object.fromEntries(
  (Object.keys(CONNECTIONS) as ConnectionName[]).map((list) => [list, listInputs(list)]),
) as Record<ConnectionName, ListInputs>;

export const ORDER_BY_DESCRIPTION =
  `The order: up to ${MAX_ORDER_KEYS} keys, the id added last as tie-breaker (in the last key's direction) so pages never skip or ` +
  'repeat a row. Cursors belong to their order: one from another order is refused.';
export const WHERE_DESCRIPTION = 'Conditions with operators (and/or/not), in addition to `filter`.';
/** For the connections whose original filters are arguments of their own (`sponsors(kind:)`, `auditEntries(actor:)`, …). */
export const WHERE_BESIDE_ARGUMENTS = 'Conditions with operators (and/or/not), in addition to the other filtering arguments.';
