import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../schema/errors.js';
import { BudgetKind } from '../../schema/enums/budget-kind.enum.js';
import { Programme } from '../../schema/enums/programme.enum.js';
import { Sector } from '../../schema/enums/sector.enum.js';
import { Segment } from '../../schema/enums/segment.enum.js';
import { Sex } from '../../schema/enums/sex.enum.js';
import { monthlyContribution, monthlyContributionExact } from '../../schema/reference/contribution-rates.js';
import {
  checkBirthDate,
  checkBudgetAmount,
  checkClaimAmount,
  checkContributionDate,
  checkDeclaredIncome,
  checkEnrolmentStart,
  checkPastDate,
  checkProgrammesAllowed,
  checkText,
  parseBoolean,
  parseBudgetKind,
  parseCount,
  parseDate,
  parseEnum,
  parseKecamatanCode,
  parseNik,
  parseOptionalDate,
  parseOptionalPhone,
  parsePeriod,
  parseProgrammes,
  parseRequiredText,
  parseRupiah,
  parseYear,
} from '../../schema/validation.js';

/** Runs `attempt` and checks it threw a ValidationError for `field` whose rule matches `rule`. */
function expectInvalid(attempt: () => unknown, field: string, rule: RegExp): void {
  let caught: unknown;
  try {
    attempt();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a ValidationError, but the input was accepted').toBeInstanceOf(ValidationError);
  const error = caught as ValidationError;
  expect(error.field).toBe(field);
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.rule).toMatch(rule);
  expect(error.message).toBe(`${field}: ${error.rule}`);
}

describe('parseNik', () => {
  it('reads a man born 1985-03-12', () => {
    expect(parseNik('nik', '6402061203850002')).toEqual({
      provinceCode: '64',
      regencyCode: '02',
      districtCode: '06',
      birthDate: '1985-03-12',
      sex: Sex.L,
      serial: '0002',
    });
    expect(parseNik('nik', '6402061203850002', { sex: Sex.L, birthDate: '1985-03-12' }).sex).toBe(Sex.L);
  });

  it('reads a woman born 1990-01-05 (day + 40)', () => {
    expect(parseNik('nik', '6402064501900001')).toEqual({
      provinceCode: '64',
      regencyCode: '02',
      districtCode: '06',
      birthDate: '1990-01-05',
      sex: Sex.P,
      serial: '0001',
    });
    expect(parseNik('nik', '6402064501900001', { sex: Sex.P, birthDate: '1990-01-05' }).birthDate).toBe('1990-01-05');
  });

  it('accepts a NIK issued in another province: the prefix is never compared with the address', () => {
    expect(parseNik('nik', '3171061203850002').provinceCode).toBe('31');
    expect(parseNik('nik', '9601011203850002').provinceCode).toBe('96');
  });

  it('trims surrounding spaces', () => {
    expect(parseNik('nik', ' 6402061203850002 ').serial).toBe('0002');
  });

  it('picks the century from the recorded birth date, else the latest one not in the future', () => {
    expect(parseNik('nik', '6402061203050002').birthDate).toBe('2005-03-12');
    expect(parseNik('nik', '6402061203250002', { birthDate: '1925-03-12' }).birthDate).toBe('1925-03-12');
  });

  it('refuses a NIK that is not 16 digits', () => {
    expectInvalid(() => parseNik('nik', '640206120385000'), 'nik', /exactly 16 digits/);
    expectInvalid(() => parseNik('nik', '64020612038500021'), 'nik', /exactly 16 digits/);
    expectInvalid(() => parseNik('nik', '64020612038500AB'), 'nik', /exactly 16 digits/);
    expectInvalid(() => parseNik('nik', '6402 0612 0385 0002'), 'nik', /exactly 16 digits/);
    expectInvalid(() => parseNik('nik', ''), 'nik', /exactly 16 digits/);
  });

  it('refuses a birth date that is not real', () => {
    expectInvalid(() => parseNik('nik', '6402063203850002'), 'nik', /not a real birth date/); // day 32
    expectInvalid(() => parseNik('nik', '6402067203850002'), 'nik', /not a real birth date/); // woman, day 32
    expectInvalid(() => parseNik('nik', '6402060003850002'), 'nik', /not a real birth date/); // day 0
    expectInvalid(() => parseNik('nik', '6402064003850002'), 'nik', /not a real birth date/); // day 40: neither
    expectInvalid(() => parseNik('nik', '6402061213850002'), 'nik', /not a real birth date/); // month 13
    expectInvalid(() => parseNik('nik', '6402063102850002'), 'nik', /not a real birth date/); // 31 February
    expectInvalid(() => parseNik('nik', '6402062902850002'), 'nik', /not a real birth date/); // 29 February 1985
    expect(parseNik('nik', '6402062902840002').birthDate).toBe('1984-02-29');
  });

  it('refuses a NIK whose day + 40 disagrees with the recorded sex', () => {
    expectInvalid(() => parseNik('nik', '6402064501900001', { sex: Sex.L }), 'nik', /encodes sex P .*does not match sex L/);
    expectInvalid(() => parseNik('nik', '6402061203850002', { sex: Sex.P }), 'nik', /encodes sex L .*does not match sex P/);
    expectInvalid(() => parseNik('nik', '6402064501900001', { sex: Sex.L, birthDate: '1990-01-05' }), 'nik', /does not match sex L/);
  });

  it('refuses a NIK whose DDMMYY disagrees with the recorded birth date', () => {
    for (const birthDate of ['1985-03-13', '1985-04-12', '1986-03-12', '1985-12-03']) {
      expectInvalid(() => parseNik('nik', '6402061203850002', { birthDate }), 'nik', /does not match birth_date/);
    }
    expectInvalid(() => parseNik('nik', '6402064501900001', { birthDate: '1990-01-06' }), 'nik', /does not match birth_date/);
  });

  it('refuses an unknown province', () => {
    expectInvalid(() => parseNik('nik', '0002061203850002'), 'nik', /starts with 00.*not a Kemendagri province/);
    expectInvalid(() => parseNik('nik', '9902061203850002'), 'nik', /starts with 99.*not a Kemendagri province/);
    expectInvalid(() => parseNik('nik', '2002061203850002'), 'nik', /province/);
  });

  it('refuses serial 0000', () => {
    expectInvalid(() => parseNik('nik', '6402061203850000'), 'nik', /serial .*0001/);
  });

  it('names the field it was given', () => {
    expectInvalid(() => parseNik('workers[3].nik', '123'), 'workers[3].nik', /16 digits/);
  });
});

describe('parseRupiah', () => {
  it('reads whole rupiah exactly, beyond 2^53', () => {
    expect(parseRupiah('amount', '54307662320')).toBe(54_307_662_320n);
    expect(parseRupiah('amount', ' 18000000000 ')).toBe(18_000_000_000n);
    expect(parseRupiah('amount', '0')).toBe(0n);
    expect(parseRupiah('amount', '9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(parseRupiah('amount', '9223372036854775807')).toBe(9_223_372_036_854_775_807n);
    expect(parseRupiah('amount', 54_307_662_320)).toBe(54_307_662_320n);
    expect(parseRupiah('amount', 5_794_000n)).toBe(5_794_000n);
  });

  it('refuses amounts beyond BIGINT', () => {
    expectInvalid(() => parseRupiah('amount', '9223372036854775808'), 'amount', /BIGINT/);
    expectInvalid(() => parseRupiah('amount', 9_223_372_036_854_775_808n), 'amount', /BIGINT/);
  });

  it('refuses fractions, separators, signs, words and blanks', () => {
    expectInvalid(() => parseRupiah('amount', '1000.5'), 'amount', /without separators or fractions/);
    expectInvalid(() => parseRupiah('amount', '1.000'), 'amount', /without separators or fractions/);
    expectInvalid(() => parseRupiah('amount', '1,000'), 'amount', /without separators or fractions/);
    expectInvalid(() => parseRupiah('amount', '-5'), 'amount', /negative/);
    expectInvalid(() => parseRupiah('amount', '+5'), 'amount', /whole rupiah digits/);
    expectInvalid(() => parseRupiah('amount', 'abc'), 'amount', /whole rupiah digits/);
    expectInvalid(() => parseRupiah('amount', '1e9'), 'amount', /whole rupiah digits/);
    expectInvalid(() => parseRupiah('amount', 'Rp 5000'), 'amount', /whole rupiah digits/);
    expectInvalid(() => parseRupiah('amount', ''), 'amount', /required/);
    expectInvalid(() => parseRupiah('amount', '   '), 'amount', /required/);
  });

  it('refuses numbers that are not safe whole rupiah', () => {
    expectInvalid(() => parseRupiah('amount', 1000.5), 'amount', /no fraction/);
    expectInvalid(() => parseRupiah('amount', 2 ** 53), 'amount', /safe range/);
    expectInvalid(() => parseRupiah('amount', Number.NaN), 'amount', /no fraction/);
    expectInvalid(() => parseRupiah('amount', -5), 'amount', /negative/);
    expectInvalid(() => parseRupiah('amount', -5n), 'amount', /negative/);
  });
});

describe('dates and periods', () => {
  it('reads ISO calendar dates', () => {
    expect(parseDate('start_date', '2024-02-29')).toBe('2024-02-29');
    expect(parseDate('start_date', ' 2023-02-16 ')).toBe('2023-02-16');
    expect(parseOptionalDate('end_date', '')).toBeNull();
    expect(parseOptionalDate('end_date', undefined)).toBeNull();
    expect(parseOptionalDate('end_date', '2023-12-31')).toBe('2023-12-31');
  });

  it('refuses dates that are not real or not ISO', () => {
    expectInvalid(() => parseDate('start_date', '2023-02-29'), 'start_date', /not a real calendar date/);
    expectInvalid(() => parseDate('start_date', '2023-04-31'), 'start_date', /not a real calendar date/);
    expectInvalid(() => parseDate('start_date', '2023-13-01'), 'start_date', /not a real calendar date/);
    expectInvalid(() => parseDate('start_date', '2023-1-5'), 'start_date', /ISO YYYY-MM-DD/);
    expectInvalid(() => parseDate('start_date', '05/01/2023'), 'start_date', /ISO YYYY-MM-DD/);
    expectInvalid(() => parseDate('start_date', '2023-01-05T00:00:00Z'), 'start_date', /ISO YYYY-MM-DD/);
    expectInvalid(() => parseDate('start_date', '1899-12-31'), 'start_date', /between 1900 and 2100/);
    expectInvalid(() => parseOptionalDate('end_date', '2023-02-30'), 'end_date', /not a real calendar date/);
  });

  it('reads a period YYYY-MM as the first day of the month', () => {
    expect(parsePeriod('period', '2023-02')).toBe('2023-02-01');
    expect(parsePeriod('period', '2023-12')).toBe('2023-12-01');
  });

  it('refuses a period that is not a month', () => {
    expectInvalid(() => parsePeriod('period', '2023-13'), 'period', /month YYYY-MM/);
    expectInvalid(() => parsePeriod('period', '2023-00'), 'period', /month YYYY-MM/);
    expectInvalid(() => parsePeriod('period', '2023-2'), 'period', /month YYYY-MM/);
    expectInvalid(() => parsePeriod('period', '2023-02-01'), 'period', /month YYYY-MM/);
  });

  it('reads years and counts', () => {
    expect(parseYear('fiscal_year', '2023')).toBe(2023);
    expect(parseYear('fiscal_year', 2022)).toBe(2022);
    expectInvalid(() => parseYear('fiscal_year', '1999'), 'fiscal_year', /between 2000 and 2100/);
    expectInvalid(() => parseYear('fiscal_year', '23'), 'fiscal_year', /four digits/);
    expect(parseCount('workers', '51000')).toBe(51_000);
    expectInvalid(() => parseCount('workers', '-1'), 'workers', /non-negative/);
    expectInvalid(() => parseCount('workers', '1.5'), 'workers', /whole/);
    expectInvalid(() => parseCount('workers', '2147483648'), 'workers', /whole/);
  });
});

describe('enums and programmes', () => {
  it('reads enum values in any case, trimmed, as the canonical value', () => {
    expect(parseEnum('sector', 'informal', Sector)).toBe(Sector.INFORMAL);
    expect(parseEnum('sector', ' Formal ', Sector)).toBe(Sector.FORMAL);
    expect(parseEnum('sex', 'p', Sex)).toBe(Sex.P);
    expect(parseBudgetKind('kind', 'revised')).toBe(BudgetKind.REVISED);
  });

  it('refuses unknown enum values, listing the allowed ones', () => {
    expectInvalid(() => parseEnum('sector', 'INFORMAL_X', Sector), 'sector', /must be one of FORMAL, INFORMAL/);
    expectInvalid(() => parseEnum('segment', '', Segment), 'segment', /must be one of PU, BPU/);
    expectInvalid(() => parseBudgetKind('kind', 'PERUBAHAN'), 'kind', /must be one of ORIGINAL, REVISED/);
  });

  it('reads programmes as a set in canonical order', () => {
    expect(parseProgrammes('programmes', 'JKK;JKM;JKK')).toEqual([Programme.JKK, Programme.JKM]);
    expect(parseProgrammes('programmes', 'JKM; jkk')).toEqual([Programme.JKK, Programme.JKM]);
    expect(parseProgrammes('programmes', 'JKP;JP;JHT;JKM;JKK;')).toEqual(['JKK', 'JKM', 'JHT', 'JP', 'JKP']);
  });

  it('refuses empty or unknown programmes', () => {
    expectInvalid(() => parseProgrammes('programmes', ''), 'programmes', /at least one programme/);
    expectInvalid(() => parseProgrammes('programmes', ' ; '), 'programmes', /at least one programme/);
    expectInvalid(() => parseProgrammes('programmes', 'JKK;BPJS'), 'programmes', /must be one of JKK, JKM, JHT, JP, JKP/);
    expectInvalid(() => parseProgrammes('programmes', 'JKK,JKM'), 'programmes', /must be one of/);
  });

  it('keeps JP and JKP closed to BPU members, open to PU members', () => {
    expectInvalid(
      () => checkProgrammesAllowed('programmes', Segment.BPU, [Programme.JKK, Programme.JKM, Programme.JP]),
      'programmes',
      /^JP not open to BPU/,
    );
    expectInvalid(() => checkProgrammesAllowed('programmes', Segment.BPU, [Programme.JKP]), 'programmes', /^JKP not open to BPU/);
    expectInvalid(
      () => checkProgrammesAllowed('programmes', Segment.BPU, [Programme.JP, Programme.JKP]),
      'programmes',
      /^JP and JKP not open to BPU/,
    );
    expect(() => checkProgrammesAllowed('programmes', Segment.BPU, [Programme.JKK, Programme.JKM, Programme.JHT])).not.toThrow();
    expect(() => checkProgrammesAllowed('programmes', Segment.PU, [Programme.JKK, Programme.JP, Programme.JKP])).not.toThrow();
  });
});

describe('text, booleans, codes and phones', () => {
  it('normalises Indonesian mobile numbers to +62…', () => {
    expect(parseOptionalPhone('phone', '0812-3456-7890')).toBe('+6281234567890');
    expect(parseOptionalPhone('phone', '+62 812 3456 7890')).toBe('+6281234567890');
    expect(parseOptionalPhone('phone', '6281234567890')).toBe('+6281234567890');
    expect(parseOptionalPhone('phone', '08123456789')).toBe('+628123456789');
    expect(parseOptionalPhone('phone', '')).toBeNull();
    expect(parseOptionalPhone('phone', '  ')).toBeNull();
    expect(parseOptionalPhone('phone', null)).toBeNull();
    expect(parseOptionalPhone('phone', undefined)).toBeNull();
  });

  it('refuses numbers that are not Indonesian mobiles', () => {
    expectInvalid(() => parseOptionalPhone('phone', '0541-661234'), 'phone', /Indonesian number/); // Tenggarong landline
    expectInvalid(() => parseOptionalPhone('phone', '0812'), 'phone', /Indonesian number/);
    expectInvalid(() => parseOptionalPhone('phone', '+1 415 555 0100'), 'phone', /Indonesian number/);
    expectInvalid(() => parseOptionalPhone('phone', '0812345678901234'), 'phone', /Indonesian number/);
    expectInvalid(() => parseOptionalPhone('phone', '0812abc4567'), 'phone', /Indonesian number/);
  });

  it('reads booleans, required text and kecamatan codes', () => {
    expect(parseBoolean('non_asn', ' TRUE ')).toBe(true);
    expect(parseBoolean('non_asn', 'false')).toBe(false);
    expect(parseBoolean('non_asn', false)).toBe(false);
    expectInvalid(() => parseBoolean('non_asn', 'ya'), 'non_asn', /true or false/);
    expect(parseRequiredText('full_name', '  Siti Aminah ')).toBe('Siti Aminah');
    expectInvalid(() => parseRequiredText('full_name', '   '), 'full_name', /required/);
    expectInvalid(() => parseRequiredText('full_name', undefined), 'full_name', /required/);
    expectInvalid(() => parseRequiredText('full_name', 'x'.repeat(201)), 'full_name', /at most 200/);
    expect(parseKecamatanCode('region_code', '64.02.06')).toBe('64.02.06');
    expectInvalid(() => parseKecamatanCode('region_code', '640206'), 'region_code', /like 64.02.06/);
    expectInvalid(() => parseKecamatanCode('region_code', '64.02'), 'region_code', /like 64.02.06/);
  });
});

describe('text that PostgreSQL and clients can hold', () => {
  it('refuses NUL and unpaired surrogates, naming the field; accepts any real Unicode', () => {
    expectInvalid(() => checkText('input.fullName', 'Siti\u0000Aminah'), 'input.fullName', /NUL/);
    expectInvalid(() => checkText('input.fullName', 'Siti \uD800'), 'input.fullName', /unpaired UTF-16 surrogate/);
    expectInvalid(() => checkText('reason', '\uDC00 alone'), 'reason', /unpaired UTF-16 surrogate/);
    for (const ok of ['Siti Aminah', 'Ngatini binti Sastro', 'Dayak Kenyah 🌿', '王小明', 'É\u0301', ''])
      expect(checkText('x', ok)).toBe(ok);
  });
});

describe('plausible ranges', () => {
  const TODAY = '2026-11-26';

  it('caps claim amounts at Rp 10 miliar, wages at Rp 1 miliar a month and budgets at Rp 10 triliun', () => {
    expect(checkClaimAmount('input.claimedAmount', 42_000_000n)).toBe(42_000_000n);
    expect(checkClaimAmount('input.claimedAmount', 10_000_000_000n)).toBe(10_000_000_000n);
    expectInvalid(
      () => checkClaimAmount('input.claimedAmount', 10_000_000_001n),
      'input.claimedAmount',
      /at most 10000000000 rupiah \(Rp 10 miliar\)/,
    );
    expectInvalid(() => checkClaimAmount('approvedAmount', 9_223_372_036_854_775_807n), 'approvedAmount', /not plausible/);
    expect(checkDeclaredIncome('input.declaredIncome', 1_000_000_000n)).toBe(1_000_000_000n);
    expectInvalid(() => checkDeclaredIncome('input.declaredIncome', 1_000_000_001n), 'input.declaredIncome', /Rp 1 miliar/);
    expect(checkBudgetAmount('input.amount', 18_000_000_000n)).toBe(18_000_000_000n);
    expectInvalid(() => checkBudgetAmount('input.amount', 9_200_000_000_000_000_000n), 'input.amount', /Rp 10 triliun/);
  });

  it('keeps dates of the past between 1977 and today', () => {
    expect(checkPastDate('input.submittedDate', TODAY, TODAY)).toBe(TODAY);
    expect(checkPastDate('input.incidentDate', '1977-01-01', TODAY)).toBe('1977-01-01');
    expectInvalid(
      () => checkPastDate('input.submittedDate', '2100-01-01', TODAY),
      'input.submittedDate',
      /not be after today \(2026-11-26\)/,
    );
    expectInvalid(() => checkPastDate('input.incidentDate', '1976-12-31', TODAY), 'input.incidentDate', /1977/);
  });

  it('starts coverage from 1977, at working age, and at most a year ahead', () => {
    expect(checkEnrolmentStart('input.startDate', '2021-06-01', '2006-05-31', TODAY)).toBe('2021-06-01');
    expectInvalid(() => checkEnrolmentStart('input.startDate', '1900-01-01', '2006-05-31', TODAY), 'input.startDate', /1977/);
    expectInvalid(
      () => checkEnrolmentStart('input.startDate', '2021-05-30', '2006-05-31', TODAY),
      'input.startDate',
      /before 2021-05-31, when the worker \(born 2006-05-31\) reaches the working age of 15/,
    );
    // Born on 29 February: 15 years later there is no 29 February, so the birthday is the 28th.
    expect(checkEnrolmentStart('input.startDate', '2023-02-28', '2008-02-29', TODAY)).toBe('2023-02-28');
    expect(checkEnrolmentStart('input.startDate', '2027-11-27', '1990-01-01', TODAY)).toBe('2027-11-27');
    expectInvalid(() => checkEnrolmentStart('input.startDate', '2027-11-28', '1990-01-01', TODAY), 'input.startDate', /a year ahead/);
  });

  it('registers workers of working age and of a human lifespan', () => {
    expect(checkBirthDate('input.birthDate', '2011-11-26', TODAY)).toBe('2011-11-26');
    expectInvalid(() => checkBirthDate('input.birthDate', '2011-11-27', TODAY), 'input.birthDate', /at least 15 years old/);
    expectInvalid(() => checkBirthDate('input.birthDate', '1906-11-25', TODAY), 'input.birthDate', /over 120/);
  });

  it('records contribution months and payments from 1977 to a year ahead', () => {
    expect(checkContributionDate('input.month', '2026-12-01', TODAY)).toBe('2026-12-01');
    expectInvalid(() => checkContributionDate('input.month', '2100-01-01', TODAY), 'input.month', /a year ahead/);
    expectInvalid(() => checkContributionDate('input.paidDate', '1950-01-10', TODAY), 'input.paidDate', /1977/);
  });
});

describe('contribution rates in bigint', () => {
  it('agree with the number form on every programme, segment and a spread of incomes', () => {
    const incomes = [0, 1, 49_999, 50_000, 1_000_000, 2_500_050, 4_000_000, 9_559_600, 11_086_300, 100_000_000, 1_000_000_000];
    for (const income of incomes) {
      for (const year of [2022, 2023, 2026, 2030]) {
        for (const industry of ['PERTAMBANGAN', 'JASA', 'UNKNOWN']) {
          for (const p of [Programme.JKK, Programme.JKM, Programme.JHT]) {
            expect(monthlyContributionExact(Segment.BPU, p, BigInt(income), year, industry)).toBe(
              BigInt(monthlyContribution(Segment.BPU, p, income, year, industry)),
            );
          }
          for (const p of Object.values(Programme)) {
            expect(monthlyContributionExact(Segment.PU, p, BigInt(income), year, industry)).toBe(
              BigInt(monthlyContribution(Segment.PU, p, income, year, industry)),
            );
          }
        }
      }
    }
  });

  it('stays exact past 2^53, where the float form printed 92233720368554560', () => {
    expect(monthlyContributionExact(Segment.BPU, Programme.JKK, 9_223_372_036_854_775_807n, 2026)).toBe(92_233_720_368_547_758n);
    expect(BigInt(monthlyContribution(Segment.BPU, Programme.JKK, Number(9_223_372_036_854_775_807n), 2026))).not.toBe(
      92_233_720_368_547_758n,
    );
  });
});
