import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { CATALOGUE, type TypeName } from './catalogue.js';
import { guardOf } from './field-guards.js';
import { isRow, type Row } from './index.js';

/**
 * A compiled row already holds the references and lists its query selected, under each relation's
 * property (index.ts adopts them): the catalogue's relation fields answer those straight from the
 * row, in one place, before type-graphql's handler (its middleware chain and parameter injection,
 * run once per object per relation: several thousand times for a page of (a)). Anything that is
 * not a compiled row goes to the field's own resolver, as before.
 *
 * Fails closed: a relation field with an authorisation rule or a middleware of its own would be
 * skipped by this shortcut, so the schema refuses to build until the rule is honoured here.
 */
export function answerRelationsFromRows(schema: GraphQLSchema): number {
  let wrapped = 0;
  for (const [typeName, spec] of Object.entries(CATALOGUE) as Array<[TypeName, (typeof CATALOGUE)[TypeName]]>) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`the compiled read path's catalogue names ${typeName}, which the schema lacks`);
    for (const [fieldName, relation] of Object.entries(spec.relations)) {
      const field = type.getFields()[fieldName];
      if (!field) throw new Error(`${typeName}.${fieldName}: in the catalogue, not in the schema`);
      const guard = guardOf(typeName, fieldName);
      if (guard) throw new Error(`${typeName}.${fieldName} has ${guard} that a compiled row would skip`);
      const own = field.resolve as GraphQLFieldResolver<unknown, unknown> | undefined;
      if (!own) throw new Error(`${typeName}.${fieldName} has no resolver: nothing would load it outside the compiled path`);
      const prop = relation.prop;
      field.resolve = (parent, args, context, info) =>
        typeof parent === 'object' && parent !== null && isRow(parent) ? ((parent as Row)[prop] ?? null) : own(parent, args, context, info);
      wrapped++;
    }
  }
  return wrapped;
}
