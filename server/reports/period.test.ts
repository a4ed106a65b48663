import { describe, expect, it } from 'vitest';
import { parsePeriod, previousPeriod } from './period.ts';

describe('report periods', () => {
  it('reads half-years and ranges, and refuses anything else', () => {
    expect(parsePeriod('2026-H1', null, null)).toEqual({ label: '2026-H1', from: '2026-01-01', to: '2026-06-30' });
    expect(parsePeriod('2026-H2', null, null)).toMatchObject({ from: '2026-07-01', to: '2026-12-31' });
    expect(parsePeriod(null, '2026-03-01', '2026-03-31')).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
    expect(parsePeriod('2026-H3', null, null)).toBeNull();
    expect(parsePeriod(null, '2026-04-01', '2026-03-01')).toBeNull();
    expect(parsePeriod(null, '2026-02-30x', '2026-03-01')).toBeNull();
  });

  it('compares with the period just before, of the same length', () => {
    expect(previousPeriod(parsePeriod('2026-H1', null, null)!)).toMatchObject({ label: '2025-H2', from: '2025-07-01', to: '2025-12-31' });
    expect(previousPeriod(parsePeriod('2026-H2', null, null)!)).toMatchObject({ label: '2026-H1' });
    expect(previousPeriod(parsePeriod(null, '2026-03-01', '2026-03-31')!)).toMatchObject({ from: '2026-01-29', to: '2026-02-28' });
  });
});
