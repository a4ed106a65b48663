import { describe, expect, it } from 'vitest';
import { btsSites } from '../../../server/collections/bts-sites.ts';
import { fromFormValues, toFormValues } from './attribute-values.ts';

describe('attribute form values', () => {
  it('round-trips stored properties through the form', () => {
    const stored = { site_code: 'KTM-001', owner: 'viettel', technologies: ['4G', '5G'], tower_height_m: 42.5, alarm_equipped: true, status: 'active' };
    const { properties, problems } = fromFormValues(btsSites.properties, toFormValues(btsSites.properties, stored));
    expect(problems).toEqual([]);
    expect(properties).toMatchObject(stored);
    expect(properties.tower_type).toBeNull();
  });

  it('names required fields left empty and numbers that are not numbers, accepting a decimal comma', () => {
    const values = { ...toFormValues(btsSites.properties, {}), tower_height_m: '4x' };
    const { problems } = fromFormValues(btsSites.properties, values);
    expect(problems).toEqual(expect.arrayContaining([
      { name: 'site_code', message: 'required' }, { name: 'technologies', message: 'required' }, { name: 'tower_height_m', message: 'number' },
    ]));
    expect(fromFormValues(btsSites.properties, { ...values, tower_height_m: '42,5' }).properties.tower_height_m).toBe(42.5);
  });

  it('stores Vietnamese text as NFC', () => {
    const values = { ...toFormValues(btsSites.properties, {}), site_code: ' Đắk Glei 01 '.normalize('NFD') };
    expect(fromFormValues(btsSites.properties, values).properties.site_code).toBe('Đắk Glei 01'.normalize('NFC'));
  });
});
