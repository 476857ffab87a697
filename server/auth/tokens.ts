import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError, ValidationError } from '../../schema/errors.js';
import { NATIONAL_SCOPE_CLAIM, parseScopeClaim, type RegionScope } from '../../schema/region-scope.js';
import type { ApiConfig } from '../../platform/config.js';
import { isRole, principal, type Principal, type Role } from './roles.js';
import { VerifiedTokens } from './verified-tokens.js';

type TokenConfig = Pick<ApiConfig, 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'>;

/**
 * Verifies bearer tokens with jose: HS256 with the shared secret, or the keys of a JWKS URL.
 * Issuer, audience and expiry are always checked; the algorithm list is fixed so a token
 * cannot pick its own (no `alg: none`, no HS256 signed with a public key).
 */
export interface VerifierOptions {
  /**
   * The Kemendagri codes that exist (the region table, loaded once: it is reference data). A
   * scope naming any other code is refused at sign-in, so a typo cannot become an empty scope.
   */
  regionCodes: () => Promise<ReadonlySet<string>>;
  /** Verified tokens kept until they expire, so a client's repeated requests skip the signature check (default 10,000). */
  cacheEntries?: number;
}

export function createTokenVerifier(
  config: TokenConfig,
  verifier: VerifierOptions,
): (authorization: string | undefined) => Promise<Principal | null> {
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const secret = new TextEncoder().encode(config.jwtSecret);
  const options = {
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    algorithms: jwks ? ['RS256', 'ES256', 'EdDSA'] : ['HS256'],
    requiredClaims: ['sub', 'exp'],
    clockTolerance: 5,
  };

  const verified = new VerifiedTokens(verifier.cacheEntries ?? 10_000);
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return null;
    const m = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization.trim());
    if (!m) throw new UnauthenticatedError('the Authorization header must be `Bearer <token>`');
    const known = verified.get(m[1]!);
    if (known) return known;
    try {
      const { payload } = jwks ? await jwtVerify(m[1]!, jwks, options) : await jwtVerify(m[1]!, secret, options);
      if (!isRole(payload.role)) throw new UnauthenticatedError('the token carries no known role (viewer, analyst, operator, admin)');
      // The subject is the actor of every audit entry: an empty one would record changes by nobody.
      if (typeof payload.sub !== 'string' || !/^[^\p{C}\s][^\p{C}]{0,199}$/u.test(payload.sub)) {
        throw new UnauthenticatedError('the token has no usable subject (sub): 1 to 200 printable characters are required');
      }
      const scope = await scopeOf(payload.scopes, await verifier.regionCodes());
      const user = principal(payload.sub!, payload.role, scope);
      // The clock tolerance above accepts a token for a few seconds past `exp`; the cache does not.
      verified.set(m[1]!, user, payload.exp! * 1000);
      return user;
    } catch (error) {
      // A JWKS that cannot be fetched is the server's problem, not the caller's: it stays an internal error.
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError || error instanceof UnauthenticatedError)) throw error;
      throw new UnauthenticatedError(describe(error));
    }
  };
}

/** The `scopes` claim: region codes at any level, or "*" for the whole country; every code must exist. */
async function scopeOf(claim: unknown, regionCodes: ReadonlySet<string>): Promise<RegionScope> {
  if (!Array.isArray(claim) || claim.length === 0 || !claim.every((c) => typeof c === 'string')) {
    throw new UnauthenticatedError(
      `the token carries no usable scopes claim: a list of region codes (e.g. ["64.02"]) or ["${NATIONAL_SCOPE_CLAIM}"] for the whole country is required`,
    );
  }
  let scope: RegionScope;
  try {
    scope = parseScopeClaim(claim);
  } catch (error) {
    if (error instanceof ValidationError) throw new UnauthenticatedError(`the token's ${error.message}`);
    throw error;
  }
  if (!scope.national) {
    const unknown = scope.codes.filter((code) => !regionCodes.has(code));
    if (unknown.length > 0) throw new UnauthenticatedError(`the token's scopes name regions that do not exist: ${unknown.join(', ')}`);
  }
  return scope;
}

function describe(error: unknown): string {
  if (error instanceof UnauthenticatedError) return error.message;
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm this server does not accept';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with a key this server does not know';
  return 'the token is malformed';
}

/**
 * Development tokens (`npm run token`) and tests: HS256 with the configured secret. The scopes
 * claim is always written; without `scopes` it is the whole country (["*"]), stated in the token.
 */
export function mintToken(
  config: TokenConfig,
  claims: { role: Role; subject: string; scopes?: readonly string[]; expiresIn?: string | number },
): Promise<string> {
  return new SignJWT({ role: claims.role, scopes: [...(claims.scopes ?? [NATIONAL_SCOPE_CLAIM])] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(config.jwtIssuer)
    .setAudience(config.jwtAudience)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(config.jwtSecret));
}
