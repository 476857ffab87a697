import { describe, expect, it } from 'vitest';
import {
  divideRoundHalfUp,
  formatChange,
  formatChangePct,
  formatCount,
  formatDate,
  formatPercent,
  formatPoints,
  formatRupiah,
  formatRupiahShort,
  formatTimestamp,
  scaled,
} from '../../analytics/brief/number-format.js';

/** The figures use U+00A0 inside ("Rp 54.307.662.320", as Intl prints it); tests spell it plainly. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('rupiah', () => {
  it('prints whole rupiah in full, exactly, past 2^53', () => {
    expect(plain(formatRupiah('54307662320', 'id'))).toBe('Rp 54.307.662.320');
    expect(plain(formatRupiah('54307662320', 'en'))).toBe('Rp 54,307,662,320');
    expect(formatRupiah('54307662320', 'id')).toBe(
      new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(54307662320),
    );
    expect(plain(formatRupiah('12345678901234567890', 'id'))).toBe('Rp 12.345.678.901.234.567.890');
    expect(plain(formatRupiah(-3000000000n, 'id', true))).toBe('-Rp 3.000.000.000');
    expect(plain(formatRupiah('0', 'id', true))).toBe('Rp 0');
  });

  it('prints the short form in miliar, juta, triliun with one decimal at most', () => {
    expect(plain(formatRupiahShort('18000000000', 'id'))).toBe('Rp 18 miliar');
    expect(plain(formatRupiahShort('15000000000', 'id'))).toBe('Rp 15 miliar');
    expect(plain(formatRupiahShort('5794000', 'id'))).toBe('Rp 5,8 juta');
    expect(plain(formatRupiahShort('54307662320', 'id'))).toBe('Rp 54,3 miliar');
    expect(plain(formatRupiahShort('1250000000000', 'id'))).toBe('Rp 1,3 triliun');
    expect(plain(formatRupiahShort('18000000000', 'en'))).toBe('Rp 18 billion');
    expect(plain(formatRupiahShort('5794000', 'en'))).toBe('Rp 5.8 million');
    expect(plain(formatRupiahShort('54307662320', 'en'))).toBe('Rp 54.3 billion');
  });

  it('moves up a scale when rounding reaches it, and prints small amounts in full', () => {
    expect(plain(formatRupiahShort('999960000', 'id'))).toBe('Rp 1 miliar');
    expect(plain(formatRupiahShort('999940000', 'id'))).toBe('Rp 999,9 juta');
    expect(plain(formatRupiahShort('999950', 'id'))).toBe('Rp 1 juta');
    expect(plain(formatRupiahShort('201600', 'id'))).toBe('Rp 201.600');
    expect(plain(formatRupiahShort('1234567890123456', 'id'))).toBe('Rp 1.234,6 triliun');
  });

  it('signs changes: +Rp 3 miliar, -Rp 3 miliar', () => {
    expect(plain(formatRupiahShort('3000000000', 'id', true))).toBe('+Rp 3 miliar');
    expect(plain(formatRupiahShort('-3000000000', 'id', true))).toBe('-Rp 3 miliar');
    expect(plain(formatRupiahShort('3000000000', 'en', true))).toBe('+Rp 3 billion');
    expect(plain(formatRupiahShort('-176992398', 'en', true))).toBe('-Rp 177 million');
  });
});

describe('counts and percentages', () => {
  it('groups digits the Indonesian and the English way', () => {
    expect(formatCount('51000', 'id')).toBe('51.000');
    expect(formatCount('51000', 'en')).toBe('51,000');
    expect(formatCount('5000', 'id', true)).toBe('+5.000');
    expect(formatCount('-464', 'id', true)).toBe('-464');
    expect(formatCount('0', 'id', true)).toBe('0');
  });

  it('prints percentages with one decimal and a decimal comma in Indonesian', () => {
    expect(formatPercent('20.0', 'id')).toBe('20,0%');
    expect(formatPercent('20.0', 'en')).toBe('20.0%');
    expect(formatPercent('77', 'id')).toBe('77,0%');
    expect(formatPercent('20.0', 'id', true)).toBe('+20,0%');
    expect(formatPercent('-3.6', 'id', true)).toBe('-3,6%');
    expect(formatPercent('82786.4', 'id', true)).toBe('+82.786,4%');
    expect(formatPercent('0.0', 'en', true)).toBe('0.0%');
    expect(formatPercent('16.66', 'en')).toBe('16.7%');
    expect(plain(formatPoints('7.0', 'id'))).toBe('+7,0 poin');
    expect(plain(formatPoints('-0.5', 'en'))).toBe('-0.5 pts');
  });
});

describe('changes against the prior year', () => {
  const growth = { value: '18000000000', prior: '15000000000', change: '3000000000', changePct: '20.0' };
  const fall = { value: '12000000000', prior: '15000000000', change: '-3000000000', changePct: '-20.0' };
  const missing = { value: '18000000000', prior: null, change: null, changePct: null };
  const zero = { value: '18000000000', prior: '0', change: '18000000000', changePct: null };
  const none = { value: null, prior: '15000000000', change: null, changePct: null };

  it('prints growth and falls with their sign', () => {
    expect(plain(formatChange(growth, 'RUPIAH_SHORT', 'id'))).toBe('+Rp 3 miliar');
    expect(formatChangePct(growth, 'id')).toBe('+20,0%');
    expect(plain(formatChange(fall, 'RUPIAH_SHORT', 'id'))).toBe('-Rp 3 miliar');
    expect(formatChangePct(fall, 'en')).toBe('-20.0%');
    expect(plain(formatChange({ value: '55.0', prior: '48.0', change: '7.0', changePct: '14.6' }, 'PERCENT', 'id'))).toBe('+7,0 poin');
  });

  it('says "baru" / "new" when the prior year is missing or zero, never a division error', () => {
    expect(formatChange(missing, 'RUPIAH_SHORT', 'id')).toBe('baru');
    expect(formatChangePct(missing, 'id')).toBe('baru');
    expect(formatChange(missing, 'COUNT', 'en')).toBe('new');
    expect(formatChangePct(zero, 'id')).toBe('baru');
    expect(formatChangePct(zero, 'en')).toBe('new');
    expect(plain(formatChange(zero, 'RUPIAH_SHORT', 'id'))).toBe('+Rp 18 miliar');
  });

  it('prints a dash when this year has no value', () => {
    expect(formatChange(none, 'RUPIAH', 'id')).toBe('–');
    expect(formatChangePct(none, 'en')).toBe('–');
  });
});

describe('helpers', () => {
  it('rounds decimal strings half away from zero without floats', () => {
    expect(scaled('20.05', 1)).toBe(201n);
    expect(scaled('-20.05', 1)).toBe(-201n);
    expect(scaled('54307662320', 0)).toBe(54307662320n);
    expect(() => scaled('abc', 1)).toThrow(/not a decimal/);
    expect(divideRoundHalfUp(550893121n, 2871n)).toBe(191882n);
    expect(divideRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divideRoundHalfUp(1n, 0n)).toBeNull();
  });

  it('prints dates and the ETL publication time in WITA', () => {
    expect(formatDate('2023-12-31', 'id')).toBe('31 Desember 2023');
    expect(formatDate('2023-12-31', 'en')).toBe('31 December 2023');
    expect(formatTimestamp('2026-11-27 00:24:23.089+00', 'id')).toMatch(/^27 November 2026 .*08\.24 WITA$/);
    expect(formatTimestamp('2026-11-27 00:24:23.089+00', 'en')).toMatch(/^27 November 2026 .*08:24 WITA$/);
  });
});
