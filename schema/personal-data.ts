import { Extensions, type MiddlewareFn, UseMiddleware } from 'type-graphql';

/**
 * The one place that decides what personal data (UU 27/2022) a caller sees. Every field that
 * carries it is declared with `@PersonalData(kind)`, which both tags the field (the schema test
 * checks every such field is tagged) and wraps its resolver in `maskPersonalData`. Because the
 * mask sits on the field, not on a query, it covers every path that reaches the field: lists,
 * nested objects, `node(id:)` and mutation payloads alike.
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

function maskPersonalData(kind: PersonalDataKind): MiddlewareFn<PersonalDataContext> {
  return async ({ context }, next) => {
    const value = await next();
    return context.user?.seesPersonalData === true ? value : maskValue(kind, value);
  };
}

/** Marks a field as personal data: masked for roles without personal-data access. */
export function PersonalData(kind: PersonalDataKind): PropertyDecorator & MethodDecorator {
  const tag = Extensions({ personalData: kind });
  const mask = UseMiddleware(maskPersonalData(kind));
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    tag(target, key, descriptor as never);
    mask(target, key, descriptor as never);
  };
}
