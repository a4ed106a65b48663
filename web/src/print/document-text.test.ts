import { describe, expect, it } from 'vitest';
import { numberAndSymbol, placeAndDate } from './document-text.ts';

describe('Decree 30/2020/NĐ-CP conventions', () => {
  it('writes the place and date with leading zeros on days below 10 and on January and February', () => {
    expect(placeAndDate('Quảng Ngãi', '2026-12-01', 'vi')).toBe('Quảng Ngãi, ngày 01 tháng 12 năm 2026');
    expect(placeAndDate('Quảng Ngãi', '2027-02-15', 'vi')).toBe('Quảng Ngãi, ngày 15 tháng 02 năm 2027');
    expect(placeAndDate('Quảng Ngãi', '2027-03-09', 'vi')).toBe('Quảng Ngãi, ngày 09 tháng 3 năm 2027');
  });

  it('writes the English date as day, month name and year', () => {
    expect(placeAndDate('Quang Ngai', '2026-12-01', 'en')).toBe('Quang Ngai, 1 December 2026');
  });

  it('writes the number and symbol as "Số: 15/BC-SKHCN"', () => {
    expect(numberAndSymbol('15', 'BC-SKHCN', 'vi')).toBe('Số: 15/BC-SKHCN');
    expect(numberAndSymbol('', 'KH-CAT', 'en')).toBe('No.:    /KH-CAT');
  });
});
