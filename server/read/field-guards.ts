import { getMetadataStorage } from 'type-graphql';

/**
 * What type-graphql would run around a field besides its value: an `@Authorized` rule or a
 * middleware, on the field itself, on its field resolver or on that resolver's class. A read that
 * answers the field without type-graphql's handler (a compiled row's relations, the response
 * form) must refuse a guarded field rather than skip its guard.
 */
export function guardOf(typeName: string, fieldName: string): string | null {
  const key = `${typeName}.${fieldName}`;
  let guard = guards.get(key);
  if (guard === undefined) guards.set(key, (guard = lookUp(typeName, fieldName)));
  return guard;
}

/** type-graphql's metadata is complete once the schema is built, and never changes after. */
const guards = new Map<string, string | null>();

function lookUp(typeName: string, fieldName: string): string | null {
  const storage = getMetadataStorage();
  // The type's class and the classes it extends: a field declared on a parent class is metadata of the parent.
  const targets = new Set<unknown>();
  for (const o of storage.objectTypes.filter((o) => o.name === typeName))
    for (let c: unknown = o.target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) targets.add(c);
  if (storage.authorizedFields.some((a) => targets.has(a.target) && a.fieldName === fieldName)) return 'an @Authorized rule';
  if (storage.middlewares.some((m) => targets.has(m.target) && m.fieldName === fieldName)) return 'a middleware';
  for (const fr of storage.fieldResolvers) {
    if (!targets.has(fr.getObjectType?.()) || fr.schemaName !== fieldName) continue;
    if (storage.authorizedFields.some((a) => a.target === fr.target && a.fieldName === fr.methodName)) return 'an @Authorized rule';
    if (storage.middlewares.some((m) => m.target === fr.target && m.fieldName === fr.methodName)) return 'a middleware';
    if (storage.authorizedResolver.some((a) => a.target === fr.target)) return 'an @Authorized resolver';
    if (storage.resolverMiddlewares.some((m) => m.target === fr.target)) return 'a resolver middleware';
  }
  return null;
}
