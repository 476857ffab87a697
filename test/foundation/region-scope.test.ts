import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../schema/errors.js';
import { covers, NATIONAL, narrowTo, parseScopeClaim, scopeClaim } from '../../schema/region-scope.js';

describe('region scopes', () => {
  it('a code covers itself and everything below it, on dot boundaries only', () => {
    const regency = parseScopeClaim(['64.02']);
    expect(covers(regency, '64.02')).toBe(true);
    expect(covers(regency, '64.02.06')).toBe(true);
    expect(covers(regency, '64.02.06.2001')).toBe(true);
    expect(covers(regency, '64')).toBe(false);
    expect(covers(regency, '64.03.01')).toBe(false);
    // A prefix counts only at a dot: 64.02 does not cover a code that merely starts with "64.02".
    expect(covers(regency, '64.021')).toBe(false);
    expect(covers(NATIONAL, '11.01')).toBe(true);
  });

  it('the claim drops codes a wider one already covers, and "*" is the whole country', () => {
    expect(scopeClaim(parseScopeClaim(['64.02.06', '64.02', '64.72.01']))).toEqual(['64.02', '64.72.01']);
    expect(parseScopeClaim(['64.02', '*'])).toEqual(NATIONAL);
  });

  it('refuses an empty claim and a malformed code, naming the field', () => {
    expect(() => parseScopeClaim([])).toThrow(ValidationError);
    expect(() => parseScopeClaim(['64.2'])).toThrow(/scopes: "64.2" is not a Kemendagri region code/);
    expect(() => parseScopeClaim(['64.02.06.201'])).toThrow(ValidationError);
  });

  it('narrows a question to the part of it the scope may see', () => {
    const kecamatan = parseScopeClaim(['64.02.06']);
    expect(narrowTo(kecamatan, '64.02.06')).toEqual({ national: false, codes: ['64.02.06'] });
    // A kecamatan officer asking about their regency gets their kecamatan.
    expect(narrowTo(kecamatan, '64.02')).toEqual({ national: false, codes: ['64.02.06'] });
    expect(narrowTo(kecamatan, '64')).toEqual({ national: false, codes: ['64.02.06'] });
    expect(() => narrowTo(kecamatan, '64.03')).toThrow(ForbiddenError);
    expect(narrowTo(NATIONAL, '64.03')).toEqual({ national: false, codes: ['64.03'] });
  });
});
