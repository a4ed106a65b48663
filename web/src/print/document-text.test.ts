import { describe, expect, it } from 'vitest';
import { numberAndSymbol, placeAndDate } from './document-text.ts';

describe('Decree 30/2020/NĐ-CP conventions', () => {
  it('writes the place and date with leading zeros on days below 10 and on January and February', () => {
    expect(placeAndDate('Kon Tum', '2026-12-01', 'vi')).toBe('Kon Tum, ngày 01 tháng 12 năm 2026');
    expect(placeAndDate('Kon Tum', '2027-02-15', 'vi')).toBe('Kon Tum, ngày 15 tháng 02 năm 2027');
    expect(placeAndDate('Kon Tum', '2027-03-09', 'vi')).toBe('Kon Tum, ngày 09 tháng 3 năm 2027');
  });

  it('writes the English date as day, month name and year', () => {
    expect(placeAndDate('Kon Tum', '2026-12-01', 'en')).toBe('Kon Tum, 1 December 2026');
  });

  it('writes the number and symbol as "Số: 15/BC-STTTT"', () => {
    expect(numberAndSymbol('15', 'BC-STTTT', 'vi')).toBe('Số: 15/BC-STTTT');
    expect(numberAndSymbol('', 'KH-CAT', 'en')).toBe('No.:    /KH-CAT');
  });
});
