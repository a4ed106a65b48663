import { describe, expect, it } from 'vitest';
import type { PropertyDef } from '../../../server/collections/types.ts';
import { formatValue } from './format-value.ts';
import { formatLngLat } from '../format/coordinates.ts';

const def = (name: string, type: PropertyDef['type'], values?: string[]): PropertyDef => ({ name, type, title: name, titleVi: name, values });
const yesNo: [string, string] = ['Có', 'Không'];

describe('formatValue', () => {
  it('writes dates as dd/mm/yyyy', () => expect(formatValue(def('d', 'date'), '2026-03-05', 'vi', yesNo)).toBe('05/03/2026'));
  it('writes VND amounts with Vietnamese separators', () => expect(formatValue(def('damage_vnd', 'integer'), 1234567, 'vi', yesNo)).toMatch(/^1\.234\.567\s?₫$/));
  it('uses a comma decimal separator', () => expect(formatValue(def('h', 'real'), 1234.5, 'vi', yesNo)).toBe('1.234,5'));
  it('translates vocabulary codes', () => expect(formatValue(def('type', 'text', ['cable_theft']), 'cable_theft', 'vi', yesNo)).toBe('Trộm cắp cáp'));
  it('joins translated arrays', () => expect(formatValue(def('t', 'text[]', ['4G']), ['4G', '5G'], 'vi', yesNo)).toBe('4G, 5G'));
  it('shows a dash for empty values', () => expect(formatValue(def('x', 'text'), null, 'vi', yesNo)).toBe('—'));
});

describe('formatLngLat', () => {
  it('uses the Vietnamese convention', () => expect(formatLngLat(108, 14.35)).toBe('14,3500° B, 108,0000° Đ'));
});
