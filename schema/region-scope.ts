import { ForbiddenError, ValidationError } from './errors.js';

/**
 * A user's region scope: the Kemendagri codes they may see, at any level (`64` a province,
 * `64.02` a regency, `64.02.06` a kecamatan, `64.02.06.2001` a village), or the whole
 * country. A code covers itself and every region below it. The database enforces the same
 * rule with row-level security (the settings in `platform/db/request-settings.ts`); these
 * functions are for friendly errors and for narrowing an analytics question, never the one
 * line of defence.
 */
export type RegionScope = { readonly national: true } | { readonly national: false; readonly codes: readonly string[] };

/** The token claim value for the whole country. */
export const NATIONAL_SCOPE_CLAIM = '*';

export const NATIONAL: RegionScope = { national: true };

const CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** True when `code` is shaped like a Kemendagri code (whether it exists is the region table's business). */
export function isRegionCodeShape(code: string): boolean {
  return CODE.test(code);
}

/** Builds a scope from a token's `scopes` claim; codes must be well-formed (existence is checked at sign-in). */
export function parseScopeClaim(claim: readonly string[]): RegionScope {
  if (claim.length === 0) throw new ValidationError('scopes', 'at least one region code or "*" is required');
  if (claim.includes(NATIONAL_SCOPE_CLAIM)) return NATIONAL;
  for (const code of claim) {
    if (!isRegionCodeShape(code))
      throw new ValidationError('scopes', `"${code}" is not a Kemendagri region code (e.g. 64, 64.02, 64.02.06)`);
  }
  return { national: false, codes: minimalCodes(claim) };
}

/** The claim form of a scope, for tokens and for the database setting. */
export function scopeClaim(scope: RegionScope): string[] {
  return scope.national ? [NATIONAL_SCOPE_CLAIM] : [...scope.codes];
}

/** True when `regionCode` is inside the scope (the code itself or below it). */
export function covers(scope: RegionScope, regionCode: string): boolean {
  if (scope.national) return true;
  return scope.codes.some((code) => regionCode === code || regionCode.startsWith(`${code}.`));
}

/**
 * The scope narrowed to `regionCode` (an analytics question or a brief about one region):
 * the region itself when the scope covers it, the scope's codes below it when the region is
 * wider than the scope (a kecamatan officer asking about their regency gets their kecamatan),
 * FORBIDDEN when the two do not meet.
 */
export function narrowTo(scope: RegionScope, regionCode: string): RegionScope {
  if (covers(scope, regionCode)) return { national: false, codes: [regionCode] };
  const below = scope.national ? [] : scope.codes.filter((code) => code.startsWith(`${regionCode}.`));
  if (below.length === 0) throw new ForbiddenError(`region ${regionCode} is outside your scope (${scopeClaim(scope).join(', ')})`);
  return { national: false, codes: below };
}

/** Drops codes already covered by a wider one, so `64.02, 64.02.06` is `64.02`. */
function minimalCodes(codes: readonly string[]): string[] {
  const unique = [...new Set(codes)].sort();
  return unique.filter((code) => !unique.some((other) => other !== code && code.startsWith(`${other}.`)));
}
