import { describe, expect, it } from 'vitest';
import { compact, fold } from './fold.ts';

describe('fold', () => {
  it('strips Vietnamese diacritics and đ', () => expect(fold('Đắk Glei')).toBe('dak glei'));
  it('treats apostrophes as spaces', () => {
    expect(fold("Ia H' Drai")).toBe('ia h drai');
    expect(fold("Ia H'Drai")).toBe('ia h drai');
    expect(fold('Ia H’Drai')).toBe('ia h drai');
  });
  it('gives the same result for NFC and NFD input', () => expect(fold('Đăk Pék'.normalize('NFD'))).toBe(fold('Đăk Pék'.normalize('NFC'))));
  it('collapses punctuation and spaces', () => expect(fold('  Quốc lộ 14 — (QL14) ')).toBe('quoc lo 14 ql14'));
  it('removes spaces in compact form', () => expect(compact("Ia H' Drai")).toBe('iahdrai'));
});
