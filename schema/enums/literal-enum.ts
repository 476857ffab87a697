/**
 * A type-graphql enum object (`{ A: 'A', … }`) from a const array, so a GraphQL enum follows the
 * list it mirrors (the metric catalogue) instead of a hand-kept copy that could drift from it.
 */
export function literalEnum<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { readonly [K in T]: K };
}

/** `valuesConfig` for registerEnumType; a `Record` so a value without a description fails to compile. */
export function describedValues<T extends string>(descriptions: Record<T, string>): Record<T, { description: string }> {
  return Object.fromEntries(Object.entries<string>(descriptions).map(([value, description]) => [value, { description }])) as Record<
    T,
    { description: string }
  >;
}
