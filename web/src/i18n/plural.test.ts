import { describe, expect, it } from 'vitest';
import { countOf } from './plural.ts';

describe('countOf', () => {
  it('says "1 feature" and "2 features" in English, and groups thousands as the language does', () => {
    expect(countOf(1, 'feature', 'en')).toBe('1 feature');
    expect(countOf(0, 'feature', 'en')).toBe('0 features');
    expect(countOf(2, 'incident', 'en')).toBe('2 incidents');
    expect(countOf(1234, 'feature', 'en')).toBe('1,234 features');
  });

  it('has one form in Vietnamese, with a dot between thousands', () => {
    expect(countOf(1, 'feature', 'vi')).toBe('1 đối tượng');
    expect(countOf(1234, 'asset', 'vi')).toBe('1.234 tài sản');
  });
});
