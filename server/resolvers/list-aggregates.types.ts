import { type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../schema/scalars/date.scalar.js';
import { MonthScalar } from '../../schema/scalars/month.scalar.js';
import { RupiahScalar } from '../../schema/scalars/rupiah.scalar.js';
import type { AggregateShape, Dimension, Measure } from '../services/list-aggregate-shapes.js';

/**
 * The GraphQL types of one list's aggregates, built from its shape (list-aggregate-shapes.ts):
 * `<Name>Aggregates { count sum min max }`, `<Name>AggregateGroup { keys count sum min max }` and
 * the `<Name>GroupBy` enum.
 */
export interface AggregateTypes {
  aggregates: ClassType;
  group: ClassType;
  groupBy: Record<string, string>;
}

interface FieldSpec {
  name: string;
  type: () => unknown;
  nullable: boolean;
  description: string;
}

function objectType(name: string, description: string, fields: FieldSpec[]): ClassType {
  const type = { [name]: class {} }[name]!;
  for (const f of fields) Field(f.type as never, { nullable: f.nullable, description: f.description })(type.prototype, f.name);
  ObjectType(name, { description, simpleResolvers: true })(type);
  return type;
}

const MEASURE_TYPE: Record<Measure['kind'], () => unknown> = {
  rupiah: () => RupiahScalar,
  date: () => DateScalar,
  month: () => MonthScalar,
  year: () => Int,
};

function keyType(d: Dimension): () => unknown {
  if (d.kind === 'enum') return () => d.enumType;
  if (d.kind === 'month') return () => MonthScalar;
  if (d.kind === 'year') return () => Int;
  return () => String;
}

export function aggregateTypes(shape: AggregateShape, plural: string): AggregateTypes {
  const { name } = shape;
  const money = shape.measures.filter((m) => m.kind === 'rupiah');
  const sums =
    money.length > 0
      ? objectType(
          `${name}Sums`,
          `Exact sums of the ${plural} matching the filter (0 when none match).`,
          money.map((m) => ({ name: m.field, type: MEASURE_TYPE.rupiah, nullable: false, description: `Sum of ${m.field}.` })),
        )
      : undefined;
  const extremes = objectType(
    `${name}Extremes`,
    `Smallest or largest values among the ${plural} matching the filter (null when none has one).`,
    shape.measures.map((m) => ({ name: m.field, type: MEASURE_TYPE[m.kind], nullable: true, description: `${m.field}.` })),
  );
  const values = (what: string): FieldSpec[] => [
    { name: 'count', type: () => Int, nullable: false, description: `How many ${plural} ${what}.` },
    ...(sums ? [{ name: 'sum', type: () => sums, nullable: false, description: 'Money sums, exact (Rupiah).' }] : []),
    { name: 'min', type: () => extremes, nullable: false, description: 'Smallest values.' },
    { name: 'max', type: () => extremes, nullable: false, description: 'Largest values.' },
  ];
  const keys = objectType(
    `${name}GroupKeys`,
    `What one group of ${plural} shares: the dimensions grouped by (the others are null).`,
    shape.dimensions.map((d) => ({ name: d.key, type: keyType(d), nullable: true, description: d.description })),
  );
  const aggregates = objectType(
    `${name}Aggregates`,
    `Figures over every ${name.toLowerCase()} the filter matches, not only this page.`,
    values('match the filter'),
  );
  const group = objectType(`${name}AggregateGroup`, `Figures over one group of the ${plural} the filter matches.`, [
    { name: 'keys', type: () => keys, nullable: false, description: 'The group’s dimension values.' },
    ...values('are in this group'),
  ]);
  const groupBy = Object.fromEntries(shape.dimensions.map((d) => [d.value, d.value]));
  registerEnumType(groupBy, {
    name: `${name}GroupBy`,
    description: `A dimension to group ${plural} by.`,
    valuesConfig: Object.fromEntries(shape.dimensions.map((d) => [d.value, { description: d.description }])),
  });
  return { aggregates, group, groupBy };
}
