import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * The one place that decides what personal data (UU 27/2022) a caller sees. Every field that
 * carries it is declared with `@PersonalData(kind)`, which tags the field (the schema test
 * checks every such field is tagged); `maskPersonalDataFields` then wraps each tagged field's
 * resolver in the schema the server builds. Because the mask sits on the field, not on a query,
 * it covers every path that reaches the field: lists, nested objects, `node(id:)`, mutation
 * payloads and subscriptions alike. Any other reader of the same rows (the compiled read path's
 * SQL) must give what `maskValue` gives; applying it to a masked value changes nothing.
 */
export type PersonalDataKind = 'nik' | 'name' | 'phone' | 'birthDate' | 'membershipNo' | 'freeText' | 'snapshot';

/** What a free-text field shows without personal-data access: an operator may have typed a NIK, a name or a phone into it. */
export const MASKED_FREE_TEXT = '[masked: free text may contain personal data]';

/** The part of the request context the mask reads. */
export interface PersonalDataContext {
  user?: { seesPersonalData: boolean } | null;
}

const SNAPSHOT_KEYS: Record<string, PersonalDataKind> = {
  nik: 'nik',
  fullName: 'name',
  full_name: 'name',
  phone: 'phone',
  birthDate: 'birthDate',
  birth_date: 'birthDate',
  membershipNo: 'membershipNo',
  membership_no: 'membershipNo',
  rejectionReason: 'freeText',
  rejection_reason: 'freeText',
};

export function maskValue(kind: PersonalDataKind, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (kind) {
    case 'nik':
      // The first four digits only say where the NIK was issued (province and regency).
      return String(value).slice(0, 4) + '*'.repeat(12);
    case 'name':
      return String(value)
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => `${w[0]}***`)
        .join(' ');
    case 'phone':
      return String(value).slice(0, 3) + '*'.repeat(Math.max(0, String(value).length - 3));
    case 'birthDate':
      return null;
    case 'membershipNo':
      return String(value).slice(0, 4) + '*'.repeat(Math.max(0, String(value).length - 4));
    case 'freeText':
      return MASKED_FREE_TEXT;
    case 'snapshot':
      return maskSnapshot(value);
  }
}

function maskSnapshot(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSnapshot);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SNAPSHOT_KEYS[k] ? maskValue(SNAPSHOT_KEYS[k]!, v) : maskSnapshot(v)]),
  );
}

/** Marks a field as personal data: masked for roles without personal-data access (once `maskPersonalDataFields` ran on the schema). */
export function PersonalData(kind: PersonalDataKind): PropertyDecorator & MethodDecorator {
  return Extensions({ personalData: kind });
}

const masked = new WeakSet<object>();

/**
 * Wraps the resolver of every field tagged `@PersonalData` so that it masks for callers without
 * personal-data access. Synchronous when the field's own resolver is: a type-graphql middleware
 * would make every masked field, and so every worker and enrolment object, a promise (issue 13
 * measured that cost). Returns how many fields are masked; idempotent.
 */
export function maskPersonalDataFields(schema: GraphQLSchema): number {
  let fields = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const kind = field.extensions?.personalData as PersonalDataKind | undefined;
      if (!kind) continue;
      fields++;
      if (masked.has(field)) continue;
      masked.add(field);
      const resolve: GraphQLFieldResolver<unknown, PersonalDataContext> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: PersonalDataContext, info) => {
        const value = resolve(source, args, context, info);
        if (context?.user?.seesPersonalData === true) return value;
        return value instanceof Promise ? value.then((v) => maskValue(kind, v)) : maskValue(kind, value);
      };
    }
  }
  return fields;
}
